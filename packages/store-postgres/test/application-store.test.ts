import type { StoredApplication } from '@fioco-flow/core';
import { testEvent, testIdempotencyRecord, testStoredApplication } from '@fioco-flow/core/testing';
import { beforeEach, expect, it } from 'vitest';
import { listQuery, type PostgresApplicationStore } from '../src/application-store.js';
import { StoreError } from '../src/errors.js';
import type { OutboxEntry } from '../src/outbox.js';
import { describeOnEachDatabase } from './support/databases.js';
import { emptyStoreOn } from './support/shared-database.js';

function next(application: StoredApplication, changes: Partial<StoredApplication> = {}): StoredApplication {
  return { ...application, version: application.version + 1, updatedAt: '2026-02-21T09:00:00.000Z', ...changes };
}

describeOnEachDatabase('SQL application store', (database) => {
  let store: PostgresApplicationStore;
  let first: StoredApplication;

  beforeEach(async () => {
    store = await emptyStoreOn(database());
    first = testStoredApplication({ id: 'a-1' });
    await store.insert(first, [testEvent(first, 1, 'application.create')]);
  });

  it('update rejects events that skip a version', async () => {
    const updated = next(first, { version: 3 });

    await expect(store.update(updated, 1, [testEvent(updated, 3)])).rejects.toThrow(
      'Events of application a-1 have versions [3], but a write from version 1 to 3 needs events [2, 3]',
    );
    expect((await store.get('a-1'))?.version).toBe(1);
    expect(await store.events('a-1')).toHaveLength(1);
  });

  it('insert rejects an event of another application', async () => {
    const second = testStoredApplication({ id: 'a-2', organizationId: 'org-2' });

    await expect(store.insert(second, [testEvent(first, 1, 'application.create')])).rejects.toThrow(RangeError);
    expect(await store.get('a-2')).toBeUndefined();
  });

  it('rejects an invalid instant and writes nothing', async () => {
    const broken = next(first, { updatedAt: '21.02.2026 09:00' });

    await expect(store.update(broken, 1, [testEvent(broken, 2)])).rejects.toThrow(
      `Invalid updatedAt "21.02.2026 09:00": give an ISO 8601 instant`,
    );
    expect(await store.get('a-1')).toEqual(first);
  });

  it('rejects a negative page bound', async () => {
    await expect(store.list({ limit: -1 })).rejects.toThrow('Invalid limit -1');
    await expect(store.list({ offset: 1.5 })).rejects.toThrow('Invalid offset 1.5');
  });

  it('returns instants in UTC with milliseconds', async () => {
    const second = testStoredApplication({ id: 'a-2', organizationId: 'org-2', nextDeadlineAt: '2026-03-05T00:00:00+03:00' });
    await store.insert(second, []);

    expect((await store.get('a-2'))?.nextDeadlineAt).toBe('2026-03-04T21:00:00.000Z');
  });

  it('keeps one application of twenty concurrent inserts', async () => {
    const candidates = Array.from({ length: 20 }, (_, index) =>
      testStoredApplication({ id: `b-${index}`, organizationId: 'org-2', programId: 'p-2' }),
    );

    const results = await Promise.all(candidates.map((candidate) => store.insert(candidate, [testEvent(candidate, 1, 'application.create')])));

    const winners = candidates.filter((_, index) => results[index]?.ok);
    expect(winners).toHaveLength(1);
    const winnerId = winners[0]!.id;
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(19).fill({ ok: false, conflict: 'active_application_exists', existingId: winnerId }),
    );
    expect((await store.list({ organizationId: 'org-2' })).map((application) => application.id)).toEqual([winnerId]);
  });

  it('code word goes to one racer', async () => {
    const applications = Array.from({ length: 10 }, (_, index) =>
      testStoredApplication({ id: `c-${index}`, organizationId: `org-c-${index}` }),
    );
    for (const application of applications) await store.insert(application, []);

    const results = await Promise.all(
      applications.map((application) => {
        const enrolled = next(application, { state: 'enrolled', codeWord: 'K7QM-4RTX-9BHD' });
        return store.update(enrolled, 1, [testEvent(enrolled, 2)]);
      }),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(Array(9).fill({ ok: false, conflict: 'code_word_taken' }));
    const holders = await store.list({ states: ['enrolled'] });
    expect(holders).toHaveLength(1);
    expect(await store.events(holders[0]!.id)).toHaveLength(1);
  });

  it('tick query reads the due index', async () => {
    const { text, params } = listQuery({ dueBefore: '2026-03-04T21:00:00.000Z', final: false, orderBy: 'nextDeadlineAt', limit: 100 });

    const plan = await database().transaction(async (transaction) => {
      // A handful of rows would be scanned whole; forbid that to see which index the planner can use.
      await transaction.query('SET LOCAL enable_seqscan = off');
      const { rows } = await transaction.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });

    expect(plan).toContain('applications_due');
  });

  it('deleteExpiredIdempotency deletes records expired at the given instant', async () => {
    await store.saveIdempotency(testIdempotencyRecord({ key: 'k-1', expiresAt: '2026-03-01T09:01:00.000Z' }));
    await store.saveIdempotency(testIdempotencyRecord({ key: 'k-2', expiresAt: '2026-03-02T09:00:00.000Z' }));

    expect(await store.deleteExpiredIdempotency('2026-03-01T09:01:00.000Z')).toBe(1);
    expect(await store.getIdempotency('rep-1', 'k-1', '2026-03-01T09:00:00.000Z')).toBeUndefined();
    expect(await store.getIdempotency('rep-1', 'k-2', '2026-03-01T09:00:00.000Z')).toBeDefined();
  });

  it('outbox lists undelivered events oldest first', async () => {
    const second = next(first, { version: 3 });
    await store.update(second, 1, [testEvent(second, 2, 'clock.tick'), testEvent(second, 3)]);

    const pending = await store.outbox.pending();

    expect(pending.map((entry) => [entry.event.applicationId, entry.event.version, entry.event.type])).toEqual([
      ['a-1', 1, 'application.create'],
      ['a-1', 2, 'clock.tick'],
      ['a-1', 3, 'message.post'],
    ]);
    expect(pending.map((entry) => entry.position)).toEqual([1, 2, 3]);
    expect(await store.outbox.pending({ limit: 1 })).toEqual(pending.slice(0, 1));
  });

  it('outbox markPublished removes events from the pending ones', async () => {
    const [created] = await store.outbox.pending();

    expect(await store.outbox.markPublished([created!.position], '2026-02-20T09:00:01.000Z')).toBe(1);
    expect(await store.outbox.markPublished([created!.position])).toBe(0);
    expect(await store.outbox.pending()).toEqual([]);
    const { rows } = await database().query<{ published_at: Date }>('SELECT published_at FROM application_events');
    expect(rows.map((row) => row.published_at.toISOString())).toEqual(['2026-02-20T09:00:01.000Z']);
  });

  it('outbox publish marks what deliver accepted', async () => {
    const delivered: OutboxEntry[][] = [];

    expect(await store.outbox.publish(async (entries) => void delivered.push([...entries]))).toBe(1);
    expect(await store.outbox.publish(async (entries) => void delivered.push([...entries]))).toBe(0);
    expect(delivered.map((batch) => batch.map((entry) => entry.event.type))).toEqual([['application.create']]);
  });

  it('outbox publish marks nothing when deliver throws', async () => {
    const failing = store.outbox.publish(async () => {
      throw new Error('webhook endpoint answered 503');
    });

    await expect(failing).rejects.toThrow('webhook endpoint answered 503');
    expect(await store.outbox.pending()).toHaveLength(1);
  });

  it('rejects calls after close', async () => {
    await store.close();

    const error = await store.get('a-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'STORE_CLOSED' });
  });
});
