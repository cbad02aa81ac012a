import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationStore, StoredApplication } from '../store/port.js';
import { testEvent, testIdempotencyRecord, testStoredApplication } from './fixtures.js';

/**
 * Options of {@link runApplicationStoreContract}.
 *
 * @example
 * ```ts
 * import { runApplicationStoreContract } from '@fioco-flow/core/testing';
 *
 * runApplicationStoreContract('my store', () => createMyStore(), { cleanup: (store) => (store as MyStore).close() });
 * ```
 */
export interface StoreContractOptions {
  /** Runs after each test, e.g. to close a connection or drop a schema. */
  readonly cleanup?: (store: ApplicationStore) => Promise<void> | void;
}

function next(application: StoredApplication, changes: Partial<StoredApplication> = {}): StoredApplication {
  return { ...application, version: application.version + 1, updatedAt: '2026-02-21T09:00:00.000Z', ...changes };
}

/**
 * Registers the contract test suite of the {@link ApplicationStore} port with vitest. Every store implementation
 * runs it; `makeStore` must return an empty store for each test.
 *
 * @example
 * ```ts
 * // packages/store-postgres/test/contract.test.ts
 * import { runApplicationStoreContract } from '@fioco-flow/core/testing';
 * import { createPgliteStore } from '../src/index.js';
 *
 * runApplicationStoreContract('PGlite store', async () => createPgliteStore({ dataDir: 'memory://' }), {
 *   cleanup: (store) => store.close(),
 * });
 * ```
 */
export function runApplicationStoreContract(
  name: string,
  makeStore: () => ApplicationStore | Promise<ApplicationStore>,
  options: StoreContractOptions = {},
): void {
  describe(`${name}: ApplicationStore contract`, () => {
    let store: ApplicationStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await options.cleanup?.(store);
    });

    describe('insert and get', () => {
      it('returns what was inserted', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        expect(await store.insert(application, [testEvent(application, 1, 'application.create')])).toEqual({ ok: true });
        expect(await store.get('a-1')).toEqual(application);
      });

      it('returns undefined for an unknown id', async () => {
        expect(await store.get('missing')).toBeUndefined();
      });

      it('rejects a duplicate id', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        const other = testStoredApplication({ id: 'a-1', organizationId: 'org-2' });
        expect(await store.insert(other, [])).toEqual({ ok: false, conflict: 'duplicate_id' });
        expect((await store.get('a-1'))?.organizationId).toBe('org-1');
      });

      it('keeps stored values apart from returned objects', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        const read = await store.get('a-1');
        (read as { state: string }).state = 'closed';
        (read?.snapshot.data.rows as unknown[]).push({ id: 'r-x' });
        expect(await store.get('a-1')).toEqual(application);
      });
    });

    describe('one active application per organization and program', () => {
      it('rejects a second non-final application and names the first', async () => {
        await store.insert(testStoredApplication({ id: 'a-1' }), []);
        expect(await store.insert(testStoredApplication({ id: 'a-2' }), [])).toEqual({
          ok: false,
          conflict: 'active_application_exists',
          existingId: 'a-1',
        });
      });

      it('allows another program or another organization', async () => {
        await store.insert(testStoredApplication({ id: 'a-1' }), []);
        expect(await store.insert(testStoredApplication({ id: 'a-2', programId: 'p-2' }), [])).toEqual({ ok: true });
        expect(await store.insert(testStoredApplication({ id: 'a-3', organizationId: 'org-2' }), [])).toEqual({ ok: true });
      });

      it('allows a new application once the first is final', async () => {
        const first = testStoredApplication({ id: 'a-1' });
        await store.insert(first, []);
        await store.update(next(first, { state: 'discarded', final: true, nextDeadlineAt: null }), 1, []);
        expect(await store.insert(testStoredApplication({ id: 'a-2' }), [])).toEqual({ ok: true });
        expect((await store.findActive('org-1', 'vpr-2026-03'))?.id).toBe('a-2');
      });

      it('findActive ignores final applications', async () => {
        await store.insert(testStoredApplication({ id: 'a-1', state: 'lapsed', nextDeadlineAt: null }), []);
        expect(await store.findActive('org-1', 'vpr-2026-03')).toBeUndefined();
      });
    });

    describe('code words', () => {
      it('rejects an insert with a code word another application holds', async () => {
        await store.insert(testStoredApplication({ id: 'a-1', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' }), []);
        const second = testStoredApplication({ id: 'a-2', organizationId: 'org-2', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' });
        expect(await store.insert(second, [])).toEqual({ ok: false, conflict: 'code_word_taken' });
        expect(await store.get('a-2')).toBeUndefined();
      });

      it('rejects an update to a code word another application holds', async () => {
        await store.insert(testStoredApplication({ id: 'a-1', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' }), []);
        const second = testStoredApplication({ id: 'a-2', organizationId: 'org-2' });
        await store.insert(second, []);
        const result = await store.update(next(second, { state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' }), 1, [testEvent(second, 2)]);
        expect(result).toEqual({ ok: false, conflict: 'code_word_taken' });
        expect((await store.get('a-2'))?.version).toBe(1);
        expect(await store.events('a-2')).toEqual([]);
      });

      it('lets an application keep its own code word', async () => {
        const first = testStoredApplication({ id: 'a-1', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' });
        await store.insert(first, []);
        expect(await store.update(next(first, { state: 'closing' }), 1, [])).toEqual({ ok: true });
      });

      it('isCodeWordTaken tells taken from free', async () => {
        await store.insert(testStoredApplication({ id: 'a-1', state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' }), []);
        expect(await store.isCodeWordTaken('K7QM-4RTX-9BHD')).toBe(true);
        expect(await store.isCodeWordTaken('K7QM-4RTX-9BHE')).toBe(false);
      });
    });

    describe('update with optimistic concurrency', () => {
      it('replaces the application at the expected version', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        const updated = next(application, { state: 'submitted' });
        expect(await store.update(updated, 1, [testEvent(updated, 2)])).toEqual({ ok: true });
        expect(await store.get('a-1')).toEqual(updated);
      });

      it('refuses a stale version and reports the current one', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        await store.update(next(application), 1, []);
        const stale = await store.update(next(application, { state: 'submitted' }), 1, [testEvent(application, 2)]);
        expect(stale).toEqual({ ok: false, conflict: 'version_conflict', currentVersion: 2 });
        expect((await store.get('a-1'))?.state).toBe('draft');
      });

      it('reports not_found for an unknown application', async () => {
        expect(await store.update(testStoredApplication({ id: 'missing', version: 2 }), 1, [])).toEqual({ ok: false, conflict: 'not_found' });
      });

      it('lets exactly one of two concurrent writers win', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        const left = next(application, { state: 'submitted' });
        const right = next(application, { state: 'discarded', final: true });
        const results = await Promise.all([
          store.update(left, 1, [testEvent(left, 2)]),
          store.update(right, 1, [testEvent(right, 2)]),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, conflict: 'version_conflict', currentVersion: 2 }]);
        expect(await store.events('a-1')).toHaveLength(1);
      });
    });

    describe('events', () => {
      it('appends events in version order across writes', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, [testEvent(application, 1, 'application.create')]);
        const second = next(application, { version: 3 });
        await store.update(second, 1, [testEvent(second, 2, 'clock.tick'), testEvent(second, 3)]);
        const events = await store.events('a-1');
        expect(events.map((event) => [event.version, event.type])).toEqual([
          [1, 'application.create'],
          [2, 'clock.tick'],
          [3, 'message.post'],
        ]);
        expect(events[2]).toEqual(testEvent(second, 3));
      });

      it('keeps the events of each application apart', async () => {
        const first = testStoredApplication({ id: 'a-1' });
        const second = testStoredApplication({ id: 'a-2', organizationId: 'org-2' });
        await store.insert(first, [testEvent(first, 1, 'application.create')]);
        await store.insert(second, [testEvent(second, 1, 'application.create')]);
        expect((await store.events('a-2')).map((event) => event.applicationId)).toEqual(['a-2']);
        expect(await store.events('missing')).toEqual([]);
      });
    });

    describe('list', () => {
      beforeEach(async () => {
        await store.insert(
          testStoredApplication({ id: 'a-1', createdAt: '2026-02-20T09:00:00.000Z', nextDeadlineAt: '2026-03-04T21:00:00.000Z' }),
          [],
        );
        await store.insert(
          testStoredApplication({
            id: 'a-2',
            organizationId: 'org-2',
            state: 'submitted',
            createdAt: '2026-02-21T09:00:00.000Z',
            nextDeadlineAt: '2026-03-02T21:00:00.000Z',
          }),
          [],
        );
        await store.insert(
          testStoredApplication({
            id: 'a-3',
            organizationId: 'org-2',
            programId: 'p-2',
            state: 'enrolled',
            createdAt: '2026-02-19T09:00:00.000Z',
            nextDeadlineAt: null,
          }),
          [],
        );
        await store.insert(
          testStoredApplication({ id: 'a-4', state: 'lapsed', createdAt: '2026-02-22T09:00:00.000Z', nextDeadlineAt: null }),
          [],
        );
      });

      const ids = (applications: StoredApplication[]) => applications.map((application) => application.id);

      it('orders by creation time by default', async () => {
        expect(ids(await store.list())).toEqual(['a-3', 'a-1', 'a-2', 'a-4']);
      });

      it('filters by organization, program, states and finality', async () => {
        expect(ids(await store.list({ organizationId: 'org-2' }))).toEqual(['a-3', 'a-2']);
        expect(ids(await store.list({ programId: 'p-2' }))).toEqual(['a-3']);
        expect(ids(await store.list({ states: ['submitted', 'lapsed'] }))).toEqual(['a-2', 'a-4']);
        expect(ids(await store.list({ final: true }))).toEqual(['a-4']);
        expect(ids(await store.list({ final: false, organizationId: 'org-1' }))).toEqual(['a-1']);
      });

      it('finds due applications with the bound included', async () => {
        expect(ids(await store.list({ dueBefore: '2026-03-02T20:59:59.999Z' }))).toEqual([]);
        expect(ids(await store.list({ dueBefore: '2026-03-02T21:00:00.000Z' }))).toEqual(['a-2']);
        expect(ids(await store.list({ dueBefore: '2026-03-04T21:00:00.000Z', orderBy: 'nextDeadlineAt' }))).toEqual(['a-2', 'a-1']);
      });

      it('orders by next deadline with applications without one last', async () => {
        expect(ids(await store.list({ orderBy: 'nextDeadlineAt' }))).toEqual(['a-2', 'a-1', 'a-3', 'a-4']);
      });

      it('pages with limit and offset', async () => {
        expect(ids(await store.list({ limit: 2 }))).toEqual(['a-3', 'a-1']);
        expect(ids(await store.list({ limit: 2, offset: 2 }))).toEqual(['a-2', 'a-4']);
        expect(ids(await store.list({ offset: 3 }))).toEqual(['a-4']);
      });
    });

    describe('idempotency records', () => {
      const now = '2026-03-01T09:00:30.000Z';

      it('claims a free key once', async () => {
        const record = testIdempotencyRecord({ key: 'k-1' });
        expect(await store.claimIdempotency(record, now)).toEqual({ claimed: true });
        expect(await store.claimIdempotency({ ...record, fingerprint: 'e'.repeat(64) }, now)).toEqual({ claimed: false, existing: record });
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toEqual(record);
      });

      it('scopes keys to the actor', async () => {
        await store.claimIdempotency(testIdempotencyRecord({ key: 'k-1' }), now);
        expect(await store.claimIdempotency(testIdempotencyRecord({ key: 'k-1', actorId: 'rep-2' }), now)).toEqual({ claimed: true });
        expect(await store.getIdempotency('rep-3', 'k-1', now)).toBeUndefined();
      });

      it('ignores a record from its expiry on', async () => {
        const record = testIdempotencyRecord({ key: 'k-1', expiresAt: '2026-03-01T09:01:00.000Z' });
        await store.claimIdempotency(record, now);
        expect(await store.getIdempotency('rep-1', 'k-1', '2026-03-01T09:00:59.999Z')).toEqual(record);
        expect(await store.getIdempotency('rep-1', 'k-1', '2026-03-01T09:01:00.000Z')).toBeUndefined();
        const renewed = { ...record, createdAt: '2026-03-01T09:02:00.000Z', expiresAt: '2026-03-01T09:03:00.000Z' };
        expect(await store.claimIdempotency(renewed, '2026-03-01T09:02:00.000Z')).toEqual({ claimed: true });
      });

      it('writes the completed record with the update', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        await store.claimIdempotency(testIdempotencyRecord({ key: 'k-1', applicationId: 'a-1' }), now);
        const completed = testIdempotencyRecord({
          key: 'k-1',
          applicationId: 'a-1',
          status: 'completed',
          response: { ok: true, version: 2 },
          expiresAt: '2026-03-02T09:00:00.000Z',
        });
        expect(await store.update(next(application), 1, [testEvent(application, 2)], { idempotency: completed })).toEqual({ ok: true });
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toEqual(completed);
      });

      it('writes no record when the update conflicts', async () => {
        const application = testStoredApplication({ id: 'a-1' });
        await store.insert(application, []);
        const pending = testIdempotencyRecord({ key: 'k-1', applicationId: 'a-1' });
        await store.claimIdempotency(pending, now);
        const completed = { ...pending, status: 'completed' as const, response: { ok: true } };
        expect((await store.update(next(application), 5, [], { idempotency: completed })).ok).toBe(false);
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toEqual(pending);
      });

      it('writes the record with an insert, and none when the insert fails', async () => {
        const completed = testIdempotencyRecord({ key: 'k-1', status: 'completed', response: { ok: true } });
        await store.insert(testStoredApplication({ id: 'a-1' }), [], { idempotency: completed });
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toEqual(completed);
        const other = testIdempotencyRecord({ key: 'k-2', status: 'completed', response: { ok: true } });
        expect((await store.insert(testStoredApplication({ id: 'a-2' }), [], { idempotency: other })).ok).toBe(false);
        expect(await store.getIdempotency('rep-1', 'k-2', now)).toBeUndefined();
      });

      it('saves a record over an existing one', async () => {
        const pending = testIdempotencyRecord({ key: 'k-1' });
        await store.claimIdempotency(pending, now);
        const completed = { ...pending, status: 'completed' as const, response: { ok: false, error: { code: 'blocked' } } };
        await store.saveIdempotency(completed);
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toEqual(completed);
      });

      it('releases a pending record but keeps a completed one', async () => {
        await store.claimIdempotency(testIdempotencyRecord({ key: 'k-1' }), now);
        await store.releaseIdempotency('rep-1', 'k-1');
        expect(await store.getIdempotency('rep-1', 'k-1', now)).toBeUndefined();

        const completed = testIdempotencyRecord({ key: 'k-2', status: 'completed', response: { ok: true } });
        await store.saveIdempotency(completed);
        await store.releaseIdempotency('rep-1', 'k-2');
        expect(await store.getIdempotency('rep-1', 'k-2', now)).toEqual(completed);
      });
    });
  });
}
