import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from '../../../src/background/secret-store';

describe('the IndexedDB token store', () => {
  it('keeps values across instances (a restarted worker) and deletes them', async () => {
    const factory = new IDBFactory();
    await indexedDbStore(factory).set('session', { accessToken: 'a', n: 1 });
    const reopened = indexedDbStore(factory);
    expect(await reopened.get('session')).toEqual({ accessToken: 'a', n: 1 });
    await reopened.delete('session');
    expect(await indexedDbStore(factory).get('session')).toBeUndefined();
  });
});
