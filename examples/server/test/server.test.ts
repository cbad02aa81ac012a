import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from './support/server-process.js';

// The server as a process: start on a free port with PGlite in a temporary directory, serve the API and the seed,
// refuse a second process on the same directory, stop on SIGTERM and release the data directory.

let dataDir: string;
let server: ServerProcess;

const lockPath = () => join(dataDir, 'pglite', 'fioco-flow.lock');

beforeAll(async () => {
  dataDir = await temporaryDirectory('fioco-flow-server-');
  server = await startServerProcess({
    dataDir,
    env: { FIOCO_NOW: '2027-01-25T09:00:00+03:00', WEB_DIR: join(dataDir, 'no-page') },
  });
}, 60_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await removeDirectory(dataDir);
});

describe('example server process', () => {
  it('listens on the loopback address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
  });

  it('answers /api/health', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('seeds both VPR cohorts', async () => {
    const response = await fetch(`${server.url}/api/programs`, { headers: { authorization: `Bearer ${server.tokens.staff}` } });
    const { programs } = (await response.json()) as { programs: { id: string; title: { ru: string }; courseStart: string; courseEnd: string }[] };

    expect(programs.map((program) => [program.id, program.courseStart, program.courseEnd])).toEqual([
      ['vpr-2026-03', '2026-03-16', '2026-03-27'],
      ['vpr-2027-02', '2027-02-15', '2027-02-26'],
    ]);
    expect(programs[0]?.title.ru).toBe('Оценивание ответов на задания всероссийских проверочных работ');
  });

  it('lists the demo accounts without their tokens', async () => {
    const text = await (await fetch(`${server.url}/demo/accounts`)).text();
    const { accounts } = JSON.parse(text) as { accounts: { key: string; role: string; organizationId?: string }[] };

    expect(accounts.map((account) => [account.key, account.role])).toEqual([
      ['representative', 'representative'],
      ['staff', 'staff'],
    ]);
    expect(accounts[0]?.organizationId).toBe('org-demo-school');
    expect(text).not.toContain(server.tokens.representative);
    expect(text).not.toContain(server.tokens.staff);
  });

  it('starts the clock at FIOCO_NOW', async () => {
    const clock = (await (await fetch(`${server.url}/demo/clock`)).json()) as { now: string; simulated: boolean; control: boolean };

    expect(clock.simulated).toBe(true);
    expect(clock.control).toBe(false);
    const elapsed = Date.parse(clock.now) - Date.parse('2027-01-25T06:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(elapsed).toBeLessThan(120_000);
  });

  it('refuses the API without a valid token', async () => {
    const missing = await fetch(`${server.url}/api/applications`);
    const wrong = await fetch(`${server.url}/api/applications`, { headers: { authorization: 'Bearer not-a-demo-token-at-all' } });

    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses to move the clock unless clock control is on', async () => {
    const response = await fetch(`${server.url}/demo/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2027-03-01T09:00:00+03:00' }),
    });
    expect(response.status).toBe(403);
  });

  it('holds the PGlite lock naming its process', async () => {
    const owner = JSON.parse(await readFile(lockPath(), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(server.child.pid);
  });

  it('refuses a second process on the same data directory', async () => {
    const second = startServerProcess({ dataDir, timeoutMs: 45_000 });

    await expect(second).rejects.toThrow(/exited with 1/u);
    await expect(second).rejects.toThrow(/Сервер не запущен\. Каталог данных \S+ уже используется процессом \d+/u);
    await expect(second).rejects.toThrow(/"code":"STORE_LOCKED"/u);
    await expect(second).rejects.not.toThrow(/"stack"/u);
  }, 60_000);

  it('stops on SIGTERM, releases the lock and keeps the data', async () => {
    const created = await fetch(`${server.url}/api/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.representative}`, 'content-type': 'application/json' },
      body: JSON.stringify({ programId: 'vpr-2027-02' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const exitCode = await server.stop('SIGTERM');
    expect(exitCode).toBe(0);
    expect(existsSync(lockPath())).toBe(false);
    const messages = server.logLines().map((line) => line.msg);
    expect(messages).toContain('server stopped, store closed');

    // Tokens go only to the banner on stdout, never into the log.
    const logText = server.logLines().map((line) => JSON.stringify(line)).join('\n');
    expect(logText).not.toContain(server.tokens.representative);
    expect(logText).not.toContain(server.tokens.staff);

    server = await startServerProcess({ dataDir, env: { FIOCO_NOW: '2027-01-25T09:05:00+03:00' } });
    const again = await fetch(`${server.url}/api/applications/${id}`, { headers: { authorization: `Bearer ${server.tokens.representative}` } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { state: string }).state).toBe('draft');
    expect(await server.stop('SIGINT')).toBe(0);
  }, 90_000);
});
