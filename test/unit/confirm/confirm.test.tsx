// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARM_DELAY_MS, Confirm } from '../../../src/confirm/Confirm';
import type { ConfirmationView } from '../../../src/shared/messages';
import { fail, fakeClient, ok } from '../popup/fake-client';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

afterEach(cleanup);

const ID = '0b0c3c9e-6f6d-4a53-9d1c-6f1f6a4f0c11';
const premium: ConfirmationView = {
  display: '+1 900-976-1234',
  place: 'United States',
  reasons: ['premium'],
};

/** The window as the user meets it, with a clock the test moves. */
async function openWindow(view: ConfirmationView = premium) {
  let clock = 1_000;
  const closed = vi.fn();
  const fake = fakeClient({
    getConfirmation: ok(view),
    answerConfirmation: ({ call }) =>
      ok(call ? { dial: '19009761234', display: '+1 900-976-1234' } : null),
  });
  render(<Confirm id={ID} client={fake.client} close={closed} now={() => clock} />);
  await screen.findByRole('heading', { name: 'Confirm this call' });
  return { fake, closed, later: (ms: number) => (clock += ms) };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('the confirmation window', () => {
  it('shows the number, where it rings and why it asks; Cancel has the focus', async () => {
    await openWindow({
      display: '+1 876-927-1234',
      place: 'Jamaica',
      reasons: ['northAmerica', 'unseen'],
    });
    screen.getByText('+1 876-927-1234');
    screen.getByText('Destination: Jamaica');
    const reasons = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons).toEqual([
      'It is dialed like a North American number but rings in another country, billed as an international call.',
      'This number was not on the page as you saw it (hidden text, or a link’s address): check it before calling.',
    ]);
    expect(document.activeElement).toBe(button('Cancel'));
  });

  it(`ignores Call for ${ARM_DELAY_MS} ms after it shows, then calls once and shows the outcome`, async () => {
    const { fake, later } = await openWindow();
    fireEvent.click(button('Call'));
    expect(fake.sent('answerConfirmation')).toEqual([]);
    later(ARM_DELAY_MS);
    fireEvent.click(button('Call'));
    await screen.findByText('Calling… your phone will ring first. Pick it up to be connected.');
    expect(fake.sent('answerConfirmation')).toEqual([{ id: ID, call: true }]);
    expect(screen.queryByRole('button', { name: 'Call' })).toBeNull();
    button('Close');
  });

  it('Cancel answers no and closes the window', async () => {
    const { fake, closed, later } = await openWindow();
    later(ARM_DELAY_MS);
    fireEvent.click(button('Cancel'));
    await vi.waitFor(() => expect(closed).toHaveBeenCalledOnce());
    expect(fake.sent('answerConfirmation')).toEqual([{ id: ID, call: false }]);
  });

  it('a call that failed says why, in the window', async () => {
    const { fake, later } = await openWindow();
    fake.reply('answerConfirmation', fail('call-uncertain', 'net2phone may have placed the call.'));
    later(ARM_DELAY_MS);
    fireEvent.click(button('Call'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'net2phone may have placed the call.',
    );
  });

  it('a confirmation no longer waiting offers nothing to call', async () => {
    const closed = vi.fn();
    const fake = fakeClient({
      getConfirmation: fail('expired', 'This call is no longer waiting for your answer.'),
    });
    render(<Confirm id={ID} client={fake.client} close={closed} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This call is no longer waiting for your answer.',
    );
    expect(screen.queryByRole('button', { name: 'Call' })).toBeNull();
    fireEvent.click(button('Close'));
    expect(closed).toHaveBeenCalledOnce();
  });
});
