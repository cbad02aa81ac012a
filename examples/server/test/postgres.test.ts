import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from './support/server-process.js';
import { adminUrl, probePostgres, runAdminStatement } from './support/postgres-admin.js';

// The server on PostgreSQL (DATABASE_URL) instead of PGlite: it migrates a new database, keeps applications
// across a restart, and stops cleanly. Runs when a server answers at DATABASE_URL or on 127.0.0.1:5432.

const failure = await probePostgres();
if (failure !== null) {
  console.warn(
    `SKIPPED examples/server/test/postgres.test.ts: PostgreSQL at ${new URL(adminUrl).host} did not accept a connection (${failure}). ` +
      'Start a server on 127.0.0.1:5432 that the user postgres reaches without a password, or set DATABASE_URL to one where the user may create databases.',
  );
}

describe.skipIf(failure !== null)('example server on PostgreSQL', () => {
  const database = `fioco_server_test_${randomBytes(6).toString('hex')}`;
  let databaseUrl: string;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await runAdminStatement(`CREATE DATABASE ${database}`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    dataDir = await temporaryDirectory('fioco-flow-server-pg-');
  }, 30_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await runAdminStatement(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await removeDirectory(dataDir);
  }, 30_000);

  it('keeps applications across a restart', async () => {
    const env = { DATABASE_URL: databaseUrl, FIOCO_NOW: '2027-01-25T09:00:00+03:00', WEB_DIR: `${dataDir}/no-page` };
    server = await startServerProcess({ dataDir, env });
    expect(server.logLines().find((line) => line.msg === 'server started')?.store).toBe('postgres');
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' });

    const created = await fetch(`${server.url}/api/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.representative}`, 'content-type': 'application/json' },
      body: JSON.stringify({ programId: 'vpr-2027-02' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await server.stop('SIGTERM')).toBe(0);

    server = await startServerProcess({ dataDir, env });
    const listed = await fetch(`${server.url}/api/applications`, { headers: { authorization: `Bearer ${server.tokens.staff}` } });
    const { items } = (await listed.json()) as { items: { id: string; state: string }[] };
    expect(items.map((item) => [item.id, item.state])).toEqual([[id, 'draft']]);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
  }, 120_000);
});
