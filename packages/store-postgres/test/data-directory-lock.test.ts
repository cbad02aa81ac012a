import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirectoryLock, lockFileName, type LockOwner, type LockTakeover } from '../src/data-directory-lock.js';
import { StoreError, formatStoreError } from '../src/errors.js';
import { createPgliteStore } from '../src/create-store.js';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const holderScript = fileURLToPath(new URL('./fixtures/hold-data-directory.ts', import.meta.url));

interface HolderReport {
  readonly ready: boolean;
  readonly pid?: number;
  readonly code?: string;
  readonly message?: string;
}

const children: ChildProcess[] = [];

/** Runs the holder fixture in a new Node process and waits for its first line. */
async function startHolder(dataDir: string): Promise<{ child: ChildProcess; report: HolderReport }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return { child, report: JSON.parse(line) as HolderReport };
  throw new Error(`The holder process ${child.pid} exited with ${child.exitCode} before reporting.`);
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Returns a pid that belonged to a process which has exited. */
function pidOfExitedProcess(): number {
  const result = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(result.stdout.trim());
}

function lockOwner(overrides: Partial<LockOwner>): LockOwner {
  return {
    pid: pidOfExitedProcess(),
    hostname: hostname(),
    startedAt: '2026-03-02T06:00:00.000Z',
    acquiredAt: '2026-03-02T06:00:01.000Z',
    processStartTicks: null,
    token: 'left-by-a-crash',
    ...overrides,
  };
}

async function writeLock(dataDir: string, owner: LockOwner): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, lockFileName), JSON.stringify(owner));
}

let root: string;
let directoryCount = 0;
const newDataDir = () => join(root, `data-${(directoryCount += 1)}`);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fioco-store-lock-'));
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(killAndWait));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('acquireDataDirectoryLock', () => {
  it('writes a lock file naming this process', async () => {
    const dataDir = newDataDir();
    const lock = await acquireDataDirectoryLock(dataDir);
    const written = JSON.parse(await readFile(join(dataDir, lockFileName), 'utf8')) as LockOwner;

    expect(written.pid).toBe(process.pid);
    expect(written.hostname).toBe(hostname());
    expect(Date.parse(written.startedAt)).toBeLessThanOrEqual(Date.parse(written.acquiredAt));
    expect(written.token).toBe(lock.owner.token);
    await lock.release();
  });

  it('release leaves an empty directory', async () => {
    const dataDir = newDataDir();
    const lock = await acquireDataDirectoryLock(dataDir);
    await lock.release();
    await lock.release();

    expect(await readdir(dataDir)).toEqual([]);
  });

  it('rejects a second lock in one process', async () => {
    const dataDir = newDataDir();
    const lock = await acquireDataDirectoryLock(dataDir);
    try {
      await expect(acquireDataDirectoryLock(dataDir)).rejects.toMatchObject({
        code: 'STORE_LOCKED',
        params: { pid: process.pid, sameHost: true },
      });
    } finally {
      await lock.release();
    }
    const again = await acquireDataDirectoryLock(dataDir);
    await again.release();
  });

  it('takes over a lock whose process exited', async () => {
    const dataDir = newDataDir();
    const deadOwner = lockOwner({});
    await writeLock(dataDir, deadOwner);
    const takeovers: LockTakeover[] = [];

    const lock = await acquireDataDirectoryLock(dataDir, { onLockTakeover: (takeover) => takeovers.push(takeover) });

    expect(takeovers).toEqual([{ dataDir, lockPath: join(dataDir, lockFileName), previousOwner: deadOwner }]);
    expect(JSON.parse(await readFile(lock.lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.skipIf(!existsSync('/proc/self/stat'))('takes over a lock whose pid now names another process', async () => {
    const dataDir = newDataDir();
    // The parent process is alive, but it started at another moment than the lock records.
    await writeLock(dataDir, lockOwner({ pid: process.ppid, processStartTicks: '1' }));
    const takeovers: LockTakeover[] = [];

    const lock = await acquireDataDirectoryLock(dataDir, { onLockTakeover: (takeover) => takeovers.push(takeover) });

    expect(takeovers.map((takeover) => takeover.previousOwner.pid)).toEqual([process.ppid]);
    await lock.release();
  });

  it('removes a takeover guard left by a crash', async () => {
    const dataDir = newDataDir();
    await writeLock(dataDir, lockOwner({}));
    await writeFile(join(dataDir, `${lockFileName}.takeover`), JSON.stringify(lockOwner({ token: 'guard' })));
    const takeovers: LockTakeover[] = [];

    const lock = await acquireDataDirectoryLock(dataDir, { onLockTakeover: (takeover) => takeovers.push(takeover) });

    expect(takeovers).toHaveLength(1);
    expect(await readdir(dataDir)).toEqual([lockFileName]);
    await lock.release();
  });

  it('rejects the lock of a live process', async () => {
    const dataDir = newDataDir();
    await writeLock(dataDir, lockOwner({ pid: process.ppid }));

    await expect(acquireDataDirectoryLock(dataDir)).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      params: { pid: process.ppid, sameHost: true },
    });
  });

  it('rejects a lock from another host', async () => {
    const dataDir = newDataDir();
    await writeLock(dataDir, lockOwner({ hostname: 'app-2.internal' }));

    const error = (await acquireDataDirectoryLock(dataDir).catch((caught: unknown) => caught)) as StoreError<'STORE_LOCKED'>;

    expect(error).toBeInstanceOf(StoreError);
    expect(error.params).toMatchObject({ hostname: 'app-2.internal', sameHost: false });
    expect(formatStoreError(error, 'en')).toContain(`delete ${join(dataDir, lockFileName)}`);
  });

  it('rejects a corrupt lock file', async () => {
    const dataDir = newDataDir();
    await mkdir(dataDir);
    await writeFile(join(dataDir, lockFileName), '{"pid": "12345"}');

    await expect(acquireDataDirectoryLock(dataDir)).rejects.toMatchObject({
      code: 'STORE_LOCK_INVALID',
      params: { lockPath: join(dataDir, lockFileName), reason: 'missing or invalid fields' },
    });
  });

  it('lets one of twenty racing takeovers win', async () => {
    const dataDir = newDataDir();
    await writeLock(dataDir, lockOwner({}));
    const takeovers: LockTakeover[] = [];

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        acquireDataDirectoryLock(dataDir, { onLockTakeover: (takeover) => takeovers.push(takeover) }),
      ),
    );

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.map((outcome) => (outcome.reason as StoreError).code)).toEqual(Array(19).fill('STORE_LOCKED'));
    expect(takeovers).toHaveLength(1);
    await winners[0]!.value.release();
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('PGlite data directory shared by two processes', () => {
  it('rejects a directory another process holds', async () => {
    const dataDir = newDataDir();
    const { report } = await startHolder(dataDir);
    expect(report.ready).toBe(true);

    const error = (await createPgliteStore({ dataDir }).catch((caught: unknown) => caught)) as StoreError<'STORE_LOCKED'>;

    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.params.pid).toBe(report.pid);
    expect(formatStoreError(error)).toContain(`Каталог данных ${dataDir} уже используется процессом ${report.pid}`);
    expect(error.message).toContain(`is already in use by process ${report.pid}`);
  });

  it('another process gets STORE_LOCKED', async () => {
    const dataDir = newDataDir();
    const store = await createPgliteStore({ dataDir });
    try {
      const { child, report } = await startHolder(dataDir);

      expect(report).toMatchObject({ ready: false, code: 'STORE_LOCKED' });
      expect(report.message).toContain(`уже используется процессом ${process.pid}`);
      await new Promise((resolve) => child.once('exit', resolve));
      expect(child.exitCode).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('one of four racing processes wins', async () => {
    const dataDir = newDataDir();
    await writeLock(dataDir, lockOwner({}));

    const reports = (await Promise.all(Array.from({ length: 4 }, () => startHolder(dataDir)))).map((holder) => holder.report);

    expect(reports.filter((report) => report.ready)).toHaveLength(1);
    expect(reports.filter((report) => !report.ready).map((report) => report.code)).toEqual(Array(3).fill('STORE_LOCKED'));
  });

  it('takes over after kill -9 with data', async () => {
    const dataDir = newDataDir();
    const { child, report } = await startHolder(dataDir);
    expect(report.ready).toBe(true);
    await killAndWait(child);
    const takeovers: LockTakeover[] = [];

    const store = await createPgliteStore({ dataDir, onLockTakeover: (takeover) => takeovers.push(takeover) });
    try {
      expect(takeovers.map((takeover) => takeover.previousOwner.pid)).toEqual([report.pid]);
      expect((await store.get(`held-by-${report.pid}`))?.organizationId).toBe(`org-${report.pid}`);
    } finally {
      await store.close();
    }
  });

  it('close frees the directory', async () => {
    const dataDir = newDataDir();
    const store = await createPgliteStore({ dataDir });
    await store.close();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);

    const { report } = await startHolder(dataDir);
    expect(report.ready).toBe(true);
  });
});
