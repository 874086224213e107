import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../../src/background/router';
import { payloadGuards } from '../../../src/background/validate';
import type { MessageName } from '../../../src/shared/messages';

const options = {
  extensionId: 'our-id',
  extensionOrigin: 'chrome-extension://our-id/',
  unexpectedError: () => 'unexpected',
};

function recordingHandlers() {
  const received: { type: MessageName; payload: unknown }[] = [];
  const handler =
    (type: MessageName) =>
    async (payload: unknown): Promise<{ ok: true; value: never }> => {
      received.push({ type, payload });
      return { ok: true, value: undefined as never };
    };
  const handlers = Object.fromEntries(
    (Object.keys(payloadGuards) as MessageName[]).map((name) => [name, handler(name)]),
  ) as unknown as Handlers;
  return { handlers, received };
}

const popup = { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' };
const content = { id: 'our-id', url: 'https://crm.example.com/contacts', tab: { id: 7 } };

describe('the message router', () => {
  it('passes a valid popup message, with unknown fields dropped', async () => {
    const { handlers, received } = recordingHandlers();
    const route = createRouter(handlers, options);
    const reply = await route(
      { type: 'placeCall', payload: { number: '973 555 1212', source: 'dial-box', extra: 1 } },
      popup,
    );
    expect(reply.ok).toBe(true);
    expect(received).toEqual([
      { type: 'placeCall', payload: { number: '973 555 1212', source: 'dial-box' } },
    ]);
  });

  it('lets a content script ask for a call but nothing else', async () => {
    const { handlers, received } = recordingHandlers();
    const route = createRouter(handlers, options);
    expect(
      (await route({ type: 'placeCall', payload: { number: '1', source: 'page' } }, content)).ok,
    ).toBe(true);
    for (const type of ['getSession', 'signOut', 'getAccount'] as const) {
      const reply = await route({ type, payload: {} }, content);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    }
    const signIn = await route(
      { type: 'signIn', payload: { email: 'a', password: 'b', clientId: 'c' } },
      content,
    );
    expect(signIn).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(received.map((r) => r.type)).toEqual(['placeCall']);
  });

  it.each([
    ['another extension', { id: 'other-id', url: 'chrome-extension://other-id/x.html' }],
    ['a page posing as our origin without our id', { url: 'chrome-extension://our-id/popup.html' }],
    ['our id from no tab and no page', { id: 'our-id' }],
  ])('refuses %s', async (_, sender) => {
    const { handlers, received } = recordingHandlers();
    const route = createRouter(handlers, options);
    const reply = await route(
      { type: 'placeCall', payload: { number: '1', source: 'page' } },
      sender,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(received).toHaveLength(0);
  });

  it.each([
    null,
    'placeCall',
    { type: 'toString' },
    { type: 'placeCall', payload: { number: 42, source: 'page' } },
    { type: 'placeCall', payload: { number: '1', source: 'script' } },
    { type: 'placeCall', payload: { number: 'x'.repeat(501), source: 'page' } },
    { type: 'signIn', payload: { email: 'a', password: 'b' } },
  ])('refuses the malformed message %j', async (message) => {
    const { handlers, received } = recordingHandlers();
    const route = createRouter(handlers, options);
    const reply = await route(message, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(received).toHaveLength(0);
  });

  it('turns a handler that throws into an error reply', async () => {
    const { handlers } = recordingHandlers();
    handlers.getSession = async () => {
      throw new Error('storage broke');
    };
    const route = createRouter(handlers, { ...options });
    const original = console.error;
    console.error = () => {};
    try {
      expect(await route({ type: 'getSession', payload: {} }, popup)).toEqual({
        ok: false,
        error: { code: 'bad-response', message: 'unexpected' },
      });
    } finally {
      console.error = original;
    }
  });
});
