import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectoryFileStore, createHttpHandler, type HttpHandler } from '@fioco-flow/adapter-http';
import { createApplicationService, createManualClock, type Actor, type ManualClock, type Program } from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresApplicationStore } from '../../src/application-store.js';
import { createPgliteStore, createPostgresStore } from '../../src/create-store.js';
import { createReliabilityDatabase, probePostgres, reliabilityProgram, type ReliabilityDatabase } from './support.js';

// A process that dies after a command was written but before its Idempotency-Key record was completed leaves a
// pending record behind. Once that record expires, a retry with the same key must get the first result back and
// must not write the command a second time. The death is simulated by a store whose completion never returns.

const representative: Actor = { id: 'rep-crash', role: 'representative', organizationId: 'org-crash' };
const pendingTtlMs = 60_000;

interface Process {
  readonly handler: HttpHandler;
  request(method: string, path: string, options?: { json?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/**
 * Starts the adapter over a store. With `dies`, the process hangs for good once it goes to complete a key, as one
 * killed at that moment would: the command is written, its HTTP response is never recorded or sent.
 */
function startProcess(store: PostgresApplicationStore, clock: ManualClock, program: Program, filesDirectory: string, dies: boolean): Process {
  const faulty: PostgresApplicationStore = dies
    ? {
        ...store,
        saveIdempotency: (record) => (record.status === 'completed' ? new Promise<void>(() => {}) : store.saveIdempotency(record)),
      }
    : store;
  const calendar = russianCalendar();
  const service = createApplicationService({ store: faulty, clock, calendar, programs: [program], pendingIdempotencyTtlMs: pendingTtlMs });
  const handler = createHttpHandler({
    service,
    store: faulty,
    files: createDirectoryFileStore(filesDirectory),
    clock,
    calendar,
    programs: [program],
    pendingIdempotencyTtlMs: pendingTtlMs,
    authenticate: (request) => (request.headers.get('authorization') === 'Bearer rep' ? representative : null),
    onError: (error) => {
      throw error;
    },
  });
  return {
    handler,
    request: (method, path, options = {}) =>
      handler(
        new Request(`http://localhost${path}`, {
          method,
          headers: { authorization: 'Bearer rep', ...(options.json === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
          ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
        }),
      ),
  };
}

/** Waits until `check` holds, polling every few milliseconds; a hung request never resolves, so the test watches the store. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The condition did not hold within 5 seconds.');
}

const postgresFailure = await probePostgres();
if (postgresFailure !== null) {
  console.warn(`SKIPPED the PostgreSQL block of crash-window.test.ts: PostgreSQL did not accept a connection (${postgresFailure}).`);
}

for (const driver of ['pglite', 'postgres'] as const) {
  describe.skipIf(driver === 'postgres' && postgresFailure !== null)(`a process killed between a write and its key (${driver})`, () => {
    let database: ReliabilityDatabase | undefined;
    let store: PostgresApplicationStore;
    let filesDirectory: string;
    let program: Program;

    beforeAll(async () => {
      filesDirectory = await mkdtemp(join(tmpdir(), 'fioco-rel-crash-'));
      program = await reliabilityProgram(createDirectoryFileStore(filesDirectory));
      if (driver === 'postgres') {
        database = await createReliabilityDatabase();
        store = await createPostgresStore({ connectionString: database.url });
      } else {
        store = await createPgliteStore();
      }
    }, 60_000);

    afterAll(async () => {
      await store?.close();
      await database?.drop();
      await rm(filesDirectory, { recursive: true, force: true });
    }, 60_000);

    it('replays a create retried after the crash', async () => {
      const clock = createManualClock('2026-03-02T09:00:00Z');
      const dying = startProcess(store, clock, program, filesDirectory, true);
      void dying.request('POST', '/applications', { json: { programId: program.id }, headers: { 'idempotency-key': 'create-1' } });
      await eventually(async () => (await store.findActive(representative.organizationId, program.id)) !== undefined);
      const created = await store.findActive(representative.organizationId, program.id);

      const restarted = startProcess(store, clock, program, filesDirectory, false);
      const during = await restarted.request('POST', '/applications', { json: { programId: program.id }, headers: { 'idempotency-key': 'create-1' } });
      expect(during.status).toBe(409);
      expect(during.headers.get('retry-after')).toBe('1');

      clock.advance(pendingTtlMs + 1);
      const retried = await restarted.request('POST', '/applications', { json: { programId: program.id }, headers: { 'idempotency-key': 'create-1' } });
      expect(retried.status).toBe(201);
      expect(((await retried.json()) as { id: string }).id).toBe(created?.id);
      expect(await store.list({ organizationId: representative.organizationId })).toHaveLength(1);
    });

    it('writes a command retried after the crash once', async () => {
      const clock = createManualClock('2026-03-02T10:00:00Z');
      const application = (await store.findActive(representative.organizationId, program.id))!;
      const command = { type: 'draft.update', payload: { comment: '<written before the crash>' } };
      const headers = { 'idempotency-key': 'comment-1', 'if-match': '*' };

      const dying = startProcess(store, clock, program, filesDirectory, true);
      void dying.request('POST', `/applications/${application.id}/commands`, { json: command, headers });
      await eventually(async () => (await store.get(application.id))!.version === application.version + 1);

      clock.advance(pendingTtlMs + 1);
      const restarted = startProcess(store, clock, program, filesDirectory, false);
      const retried = await restarted.request('POST', `/applications/${application.id}/commands`, { json: command, headers });
      expect(retried.status).toBe(200);
      expect(retried.headers.get('etag')).toBe(`"${application.version + 1}-ru"`);

      const events = await store.events(application.id);
      expect(events.filter((event) => JSON.stringify(event.payload).includes('<written before the crash>'))).toHaveLength(1);
      expect(events.map((event) => event.version)).toEqual(Array.from({ length: events.length }, (_, index) => index + 1));
    });

    it('replays a retry whose If-Match went stale', async () => {
      const clock = createManualClock('2026-03-02T11:00:00Z');
      const application = (await store.findActive(representative.organizationId, program.id))!;
      const command = { type: 'draft.update', payload: { comment: '<sent with a version tag>' } };
      const headers = { 'idempotency-key': 'comment-2', 'if-match': `"${application.version}-ru"` };

      const dying = startProcess(store, clock, program, filesDirectory, true);
      void dying.request('POST', `/applications/${application.id}/commands`, { json: command, headers });
      await eventually(async () => (await store.get(application.id))!.version === application.version + 1);

      clock.advance(pendingTtlMs + 1);
      const restarted = startProcess(store, clock, program, filesDirectory, false);
      const retried = await restarted.request('POST', `/applications/${application.id}/commands`, { json: command, headers });
      expect(retried.status).toBe(200);
      expect(retried.headers.get('etag')).toBe(`"${application.version + 1}-ru"`);

      const other = await restarted.request('POST', `/applications/${application.id}/commands`, {
        json: command,
        headers: { ...headers, 'idempotency-key': 'comment-3' },
      });
      expect(other.status).toBe(412);
      const events = await store.events(application.id);
      expect(events.filter((event) => JSON.stringify(event.payload).includes('<sent with a version tag>'))).toHaveLength(1);
    });
  });
}
