import { performance } from 'node:perf_hooks';
import {
  createApplicationService,
  createManualClock,
  type ApplicationEventRecord,
  type ApplicationService,
  type DispatchResult,
  type ManualClock,
} from '@fioco-flow/core';
import { testEvent, testProgram, testStoredApplication } from '@fioco-flow/core/testing';
import { russianCalendar } from '@fioco-flow/rules';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PostgresApplicationStore } from '../src/application-store.js';
import { createPgliteStore, createPostgresStore } from '../src/create-store.js';
import { hookTimeoutMs, postgresReachable } from './support/databases.js';
import { createTemporaryDatabase, type TemporaryDatabase } from './support/postgres.js';

// Ten app instances, each with its own pool, against one database: the way the store scales out.
const instanceCount = 10;
const connectionsPerInstance = 5;
const writerCount = 50;

const representative = { id: 'rep-1', role: 'representative', organizationId: 'org-1' } as const;
const program = testProgram();

function expectLogWithoutGaps(events: readonly ApplicationEventRecord[], version: number): void {
  expect(events.map((event) => event.version)).toEqual(Array.from({ length: version }, (_, index) => index + 1));
}

function failureCode(result: DispatchResult): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe.skipIf(!postgresReachable)(`${instanceCount} instances writing one PostgreSQL database`, () => {
  let database: TemporaryDatabase | undefined;
  let stores: PostgresApplicationStore[] = [];
  let services: ApplicationService[] = [];
  let clock: ManualClock;

  beforeAll(async () => {
    database = await createTemporaryDatabase();
    const url = database.url;
    // Every instance migrates on start, as app instances started together do.
    stores = await Promise.all(
      Array.from({ length: instanceCount }, () => createPostgresStore({ connectionString: url, maxConnections: connectionsPerInstance })),
    );
  }, hookTimeoutMs);

  beforeEach(async () => {
    clock = createManualClock('2026-02-20T09:00:00.000Z');
    const calendar = russianCalendar();
    services = stores.map((store) => createApplicationService({ store, clock, calendar, programs: [program] }));
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await database?.drop();
  }, hookTimeoutMs);

  it(`store update: one of ${writerCount} writers of one version wins`, async () => {
    const application = testStoredApplication({ id: 'store-race', organizationId: 'org-store' });
    await stores[0]!.insert(application, [testEvent(application, 1, 'application.create')]);

    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: writerCount }, (_, writer) => {
        const updated = { ...application, version: 2, updatedAt: `2026-02-21T09:00:${String(writer).padStart(2, '0')}.000Z` };
        return stores[writer % instanceCount]!.update(updated, 1, [testEvent(updated, 2)]);
      }),
    );
    const elapsedMs = performance.now() - started;

    const winners = results.flatMap((result, writer) => (result.ok ? [writer] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(writerCount - 1).fill({ ok: false, conflict: 'version_conflict', currentVersion: 2 }),
    );
    const events = await stores[3]!.events('store-race');
    expectLogWithoutGaps(events, 2);
    expect(events[1]?.at).toBe(`2026-02-21T09:00:${String(winners[0]).padStart(2, '0')}.000Z`);
    console.log(
      `store update: ${writerCount} concurrent writers of version 1 over ${instanceCount} instances: ` +
        `1 succeeded, ${writerCount - 1} got version_conflict, ${elapsedMs.toFixed(0)} ms`,
    );
  });

  it(`service dispatch: one of ${writerCount} commands with the same expected version wins`, async () => {
    const created = await services[0]!.create(representative, { programId: program.id });
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const { id, version } = created.application;

    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: writerCount }, (_, writer) =>
        services[writer % instanceCount]!.dispatch(
          id,
          representative,
          { type: 'draft.update', payload: { comment: `Комментарий ${writer}` } },
          { expectedVersion: version },
        ),
      ),
    );
    const elapsedMs = performance.now() - started;

    const winners = results.flatMap((result, writer) => (result.ok ? [writer] : []));
    expect(winners).toHaveLength(1);
    expect(results.map(failureCode).filter((code) => code !== undefined)).toEqual(Array(writerCount - 1).fill('version_conflict'));
    const stored = await stores[5]!.get(id);
    expect(stored?.version).toBe(2);
    expect(stored?.snapshot.data.form.comment).toBe(`Комментарий ${winners[0]}`);
    expectLogWithoutGaps(await stores[7]!.events(id), 2);
    console.log(
      `service dispatch: ${writerCount} concurrent draft.update with expectedVersion ${version} over ${instanceCount} instances: ` +
        `1 succeeded, ${writerCount - 1} got version_conflict, ${elapsedMs.toFixed(0)} ms`,
    );
  });

  it(`service dispatch: ${writerCount} commands without an expected version leave a log without gaps`, async () => {
    const organization = { ...representative, id: 'rep-2', organizationId: 'org-2' };
    const created = await services[1]!.create(organization, { programId: program.id });
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const { id } = created.application;

    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: writerCount }, (_, writer) =>
        services[writer % instanceCount]!.dispatch(id, organization, { type: 'draft.update', payload: { comment: `Правка ${writer}` } }),
      ),
    );
    const elapsedMs = performance.now() - started;

    const succeeded = results.filter((result) => result.ok).length;
    const failures = results.map(failureCode).filter((code) => code !== undefined);
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(new Set(failures)).toEqual(new Set(failures.length === 0 ? [] : ['version_conflict']));
    const stored = await stores[0]!.get(id);
    expect(stored?.version).toBe(1 + succeeded);
    const events = await stores[9]!.events(id);
    expectLogWithoutGaps(events, 1 + succeeded);
    expect(events.filter((event) => event.type === 'draft.update')).toHaveLength(succeeded);
    console.log(
      `service dispatch: ${writerCount} concurrent draft.update without expectedVersion (up to 5 attempts each) over ` +
        `${instanceCount} instances: ${succeeded} succeeded, ${failures.length} gave up with version_conflict, ` +
        `log versions 1..${1 + succeeded} without gaps, ${elapsedMs.toFixed(0)} ms`,
    );
  });

  it('tick from every instance at once lapses a draft once', async () => {
    const organization = { ...representative, id: 'rep-3', organizationId: 'org-3' };
    const created = await services[2]!.create(organization, { programId: program.id });
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const { id } = created.application;
    // The submission deadline of a course starting on Monday 16 March 2026 ends at 24:00 Moscow time on 4 March.
    clock.set('2026-03-04T21:00:00.000Z');

    const reports = await Promise.all(services.map((service) => service.tick()));

    const changes = reports.flatMap((report) => report.changed.filter((change) => change.id === id));
    expect(changes).toEqual([{ id, from: 'draft', to: 'lapsed', version: 2 }]);
    const events = await stores[4]!.events(id);
    expectLogWithoutGaps(events, 2);
    expect(events.map((event) => [event.type, event.state])).toEqual([
      ['application.create', 'draft'],
      ['clock.tick', 'lapsed'],
    ]);
  });
});

describe('one process writing PGlite', () => {
  let store: PostgresApplicationStore | undefined;

  afterAll(async () => {
    await store?.close();
  }, hookTimeoutMs);

  it(`service dispatch: one of ${writerCount} commands with the same expected version wins`, async () => {
    store = await createPgliteStore();
    const clock = createManualClock('2026-02-20T09:00:00.000Z');
    const service = createApplicationService({ store, clock, calendar: russianCalendar(), programs: [program] });
    const created = await service.create(representative, { programId: program.id });
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const { id, version } = created.application;

    const results = await Promise.all(
      Array.from({ length: writerCount }, (_, writer) =>
        service.dispatch(id, representative, { type: 'draft.update', payload: { comment: `Комментарий ${writer}` } }, { expectedVersion: version }),
      ),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.map(failureCode).filter((code) => code !== undefined)).toEqual(Array(writerCount - 1).fill('version_conflict'));
    expectLogWithoutGaps(await store.events(id), 2);
  });
});
