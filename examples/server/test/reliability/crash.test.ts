import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createApplicationService, type ApplicationEventRecord } from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import { createPgliteStore, createPostgresStore } from '@fioco-flow/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from '../support/server-process.js';
import { adminUrl, probePostgres, runAdminStatement } from '../support/postgres-admin.js';

// The example server is killed with SIGKILL while clients send commands, then started again on the same data. Every
// command it acknowledged must be in the log once. A command whose response a kill cut off is sent again with the
// same Idempotency-Key and must then be in the log exactly once. The store must open cleanly, and on PGlite the
// lock of the dead process must be taken over. FIOCO_LONG=1 kills more often.

const long = process.env.FIOCO_LONG === '1';
const kills = long ? 12 : 3;
const workers = 8;
const programId = 'vpr-2027-02';
// Each start moves the clock ten minutes on, past the 60 seconds a pending Idempotency-Key blocks.
const startOf = (run: number) => new Date(Date.parse('2027-01-25T09:00:00+03:00') + run * 10 * 60_000).toISOString();

const postgresFailure = await probePostgres();
if (postgresFailure !== null) {
  console.warn(
    `SKIPPED the PostgreSQL block of examples/server/test/reliability/crash.test.ts: PostgreSQL at ${new URL(adminUrl).host} ` +
      `did not accept a connection (${postgresFailure}). Start one on 127.0.0.1:5432 with trust auth, or set DATABASE_URL.`,
  );
}

/** A command sent under a key, with what became of it: acknowledged (2xx), rejected (4xx) or unknown (no response). */
interface Sent {
  readonly marker: string;
  readonly key: string;
  readonly type: 'draft.update' | 'row.add';
  outcome: 'acknowledged' | 'rejected' | 'unknown';
  version?: number;
  /** The status and problem code of a rejection. */
  rejection?: string;
}

function payloadOf(sent: Sent): unknown {
  return sent.type === 'draft.update' ? { comment: sent.marker } : { row: { lastName: 'Смирнова', position: sent.marker } };
}

async function send(server: ServerProcess, applicationId: string, sent: Sent): Promise<void> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${server.url}/api/applications/${applicationId}/commands`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.tokens.representative}`,
        'content-type': 'application/json',
        'if-match': '*',
        'idempotency-key': sent.key,
      },
      body: JSON.stringify({ type: sent.type, payload: payloadOf(sent) }),
    });
    text = await response.text();
  } catch {
    // The process died with the request in flight: it may or may not have been written.
    sent.outcome = 'unknown';
    return;
  }
  if (response.status >= 500) throw new Error(`${sent.type} ${sent.marker} failed with ${response.status}: ${text}`);
  sent.outcome = response.ok ? 'acknowledged' : 'rejected';
  if (!response.ok) sent.rejection = `${response.status} ${(JSON.parse(text) as { code?: string }).code}`;
  if (response.ok) sent.version = Number(/^"(\d+)-/u.exec(response.headers.get('etag') ?? '')?.[1]);
}

const backends: { name: 'PGlite' | 'PostgreSQL'; skip: boolean }[] = [
  { name: 'PGlite', skip: false },
  { name: 'PostgreSQL', skip: postgresFailure !== null },
];

for (const { name, skip } of backends) {
  describe.skipIf(skip)(`example server killed with SIGKILL under load (${name})`, () => {
    let dataDir: string;
    let databaseUrl = '';
    let database = '';
    let server: ServerProcess | undefined;
    let applicationId = '';
    const sent: Sent[] = [];
    const killedPids: number[] = [];
    let run = 0;
    let lostResponses = 0;

    const start = async () => {
      server = await startServerProcess({
        dataDir,
        env: {
          FIOCO_NOW: startOf(run),
          WEB_DIR: join(dataDir, 'no-page'),
          ...(name === 'PostgreSQL' ? { DATABASE_URL: databaseUrl } : {}),
        },
        timeoutMs: 90_000,
      });
      run += 1;
      return server;
    };

    beforeAll(async () => {
      dataDir = await temporaryDirectory('fioco-flow-crash-');
      if (name === 'PostgreSQL') {
        database = `fioco_rel_${randomBytes(6).toString('hex')}`;
        await runAdminStatement(`CREATE DATABASE ${database}`);
        const url = new URL(adminUrl);
        url.pathname = `/${database}`;
        databaseUrl = url.toString();
      }
    }, 60_000);

    afterAll(async () => {
      await server?.stop('SIGKILL');
      if (database !== '') await runAdminStatement(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await removeDirectory(dataDir);
    }, 60_000);

    it(`keeps every acknowledged command through ${kills} kills`, async () => {
      for (let kill = 0; kill < kills; kill += 1) {
        const running = await start();
        if (kill === 0) {
          const created = await fetch(`${running.url}/api/applications`, {
            method: 'POST',
            headers: { authorization: `Bearer ${running.tokens.representative}`, 'content-type': 'application/json' },
            body: JSON.stringify({ programId }),
          });
          expect(created.status).toBe(201);
          applicationId = ((await created.json()) as { id: string }).id;
        } else {
          await retryUnknown(running);
        }

        // Workers send commands back to back until the process dies under them.
        let dead = false;
        const load = Array.from({ length: workers }, async (_, worker) => {
          for (let index = 0; !dead; index += 1) {
            const entry: Sent = {
              marker: `<k${kill}-w${worker}-${index}>`,
              key: randomUUID(),
              type: index % 3 === 2 ? 'row.add' : 'draft.update',
              outcome: 'unknown',
            };
            sent.push(entry);
            await send(running, applicationId, entry);
          }
        });
        const acknowledgedBefore = sent.filter((entry) => entry.outcome === 'acknowledged').length;
        while (sent.filter((entry) => entry.outcome === 'acknowledged').length < acknowledgedBefore + 10) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 200)));
        killedPids.push(running.child.pid!);
        const code = running.stop('SIGKILL');
        dead = true;
        await code;
        await Promise.all(load);
      }

      const restarted = await start();
      if (name === 'PGlite') {
        const takeover = restarted.logLines().find((line) => String(line.msg).startsWith('took over the data directory lock'));
        expect(takeover?.previousPid).toBe(killedPids.at(-1));
      }
      expect(await (await fetch(`${restarted.url}/api/health`)).json()).toEqual({ status: 'ok' });
      await retryUnknown(restarted);

      const response = await fetch(`${restarted.url}/api/applications/${applicationId}/events`, {
        headers: { authorization: `Bearer ${restarted.tokens.staff}` },
      });
      const { events } = (await response.json()) as { events: ApplicationEventRecord[] };
      expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));

      const versionOf = new Map<string, number[]>();
      for (const event of events) {
        for (const marker of JSON.stringify(event.payload).match(/<[^<>]+>/gu) ?? []) {
          versionOf.set(marker, [...(versionOf.get(marker) ?? []), event.version]);
        }
      }
      for (const entry of sent) {
        if (entry.outcome === 'acknowledged') expect([entry.marker, versionOf.get(entry.marker)]).toEqual([entry.marker, [entry.version]]);
        else expect([entry.marker, versionOf.get(entry.marker)]).toEqual([entry.marker, undefined]);
      }
      expect(events.length).toBe(1 + sent.filter((entry) => entry.outcome === 'acknowledged').length);
      expect(await restarted.stop('SIGTERM')).toBe(0);

      console.info(
        `crash (${name}): ${kills} kills, ${sent.length} commands sent, ` +
          `${sent.filter((entry) => entry.outcome === 'acknowledged').length} acknowledged, ${lostResponses} responses lost to a kill and retried`,
      );
    }, long ? 900_000 : 300_000);

    it('replays each log to the stored snapshot', async () => {
      const store = name === 'PostgreSQL' ? await createPostgresStore({ connectionString: databaseUrl }) : await createPgliteStore({ dataDir: join(dataDir, 'pglite') });
      try {
        const service = createApplicationService({ store, clock: { now: () => new Date(startOf(run)) }, calendar: russianCalendar(), programs: [] });
        const stored = await store.get(applicationId);
        expect(service.replay(await store.events(applicationId))).toEqual(stored?.snapshot);
      } finally {
        await store.close();
      }
    }, 60_000);

    /**
     * Sends again, with the same key, each command whose response a kill cut off. It is written exactly once, or its
     * first attempt had lost every write race to the other workers and the retry gets that 412 back.
     */
    async function retryUnknown(running: ServerProcess): Promise<void> {
      for (const entry of sent.filter((candidate) => candidate.outcome === 'unknown')) {
        lostResponses += 1;
        await send(running, applicationId, entry);
        expect([entry.marker, entry.outcome === 'acknowledged' ? 'acknowledged' : entry.rejection]).toSatisfy(
          ([, result]: [string, string]) => result === 'acknowledged' || result === '412 version_mismatch',
        );
      }
    }
  });
}
