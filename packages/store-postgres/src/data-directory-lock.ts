import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StoreError } from './errors.js';

/** Name of the lock file inside a PGlite data directory. */
export const lockFileName = 'fioco-flow.lock';

/** The process that holds a data directory, as written in its lock file. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** When the process started, ISO 8601 in UTC. */
  readonly startedAt: string;
  /** When the process took the lock, ISO 8601 in UTC. */
  readonly acquiredAt: string;
  /**
   * The process start time in clock ticks since boot (field 22 of Linux `/proc/<pid>/stat`), or null
   * where there is no `/proc`. It distinguishes a live process from a new one that reuses a dead one's pid.
   */
  readonly processStartTicks: string | null;
  /** Random per lock, so that a process removes only a lock file it wrote itself. */
  readonly token: string;
}

/** The report {@link LockOptions.onLockTakeover} receives when a lock left by a dead process is taken over. */
export interface LockTakeover {
  readonly dataDir: string;
  readonly lockPath: string;
  /** The process that held the lock and is no longer running. */
  readonly previousOwner: LockOwner;
}

/** Options of {@link acquireDataDirectoryLock}. */
export interface LockOptions {
  /**
   * Called when this call deleted the lock left by a process that is no longer running, so that the
   * host can log it (the store never logs). Among processes racing for the same dead lock, only the
   * one that deleted it is called, and another one may then win the new lock.
   */
  readonly onLockTakeover?: (takeover: LockTakeover) => void;
}

/** A held lock on a data directory. */
export interface DataDirectoryLock {
  readonly dataDir: string;
  readonly lockPath: string;
  readonly owner: LockOwner;
  /** Deletes the lock file if it is still this lock's. Calling it again does nothing. */
  release(): Promise<void>;
}

// Lock and takeover guard files this process holds. A file naming this process's own pid is live only
// if it is listed here: another store in the same process must be rejected too, since PGlite cannot
// share a directory.
const heldByThisProcess = new Set<string>();

// Takeover races (processes finding the same dead lock) end within a few rounds. A round that finds
// the takeover guard held waits a little longer each time before it reads the lock again.
const maxAcquireAttempts = 10;
const guardBusyDelayMs = 5;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

function readProcessStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces, so count fields after its ')'.
    const fieldsAfterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fieldsAfterName[19] ?? null;
  } catch {
    return null;
  }
}

function describeThisProcess(token: string): LockOwner {
  const now = Date.now();
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(now - Math.round(process.uptime() * 1000)).toISOString(),
    acquiredAt: new Date(now).toISOString(),
    processStartTicks: readProcessStartTicks(process.pid),
    token,
  };
}

function parseOwner(text: string, lockPath: string): LockOwner {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError('STORE_LOCK_INVALID', { lockPath, reason: 'not JSON' });
  }

  const owner = value as Partial<LockOwner> | null;
  const valid =
    owner !== null &&
    typeof owner === 'object' &&
    Number.isSafeInteger(owner.pid) &&
    (owner.pid ?? 0) > 0 &&
    typeof owner.hostname === 'string' &&
    typeof owner.startedAt === 'string' &&
    typeof owner.acquiredAt === 'string' &&
    (owner.processStartTicks === null || typeof owner.processStartTicks === 'string') &&
    typeof owner.token === 'string';
  if (!valid) throw new StoreError('STORE_LOCK_INVALID', { lockPath, reason: 'missing or invalid fields' });
  return owner as LockOwner;
}

function isOnThisHost(owner: LockOwner): boolean {
  return owner.hostname === hostname();
}

/** Checks whether the owner of a lock on this host is still running. */
function isRunning(owner: LockOwner, path: string): boolean {
  if (owner.pid === process.pid) return heldByThisProcess.has(path);

  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }

  // The pid is taken. It is the same process only if it started at the same moment.
  const currentTicks = readProcessStartTicks(owner.pid);
  return owner.processStartTicks === null || currentTicks === null || currentTicks === owner.processStartTicks;
}

async function readLockFile(lockPath: string): Promise<string | null> {
  try {
    return await readFile(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes a lock file atomically: the content goes to a private file first, and `link` puts it in
 * place only if no file exists at `path`. A reader never sees a half-written lock, which
 * `open(O_EXCL)` followed by a write would allow.
 */
async function tryCreateLockFile(path: string, owner: LockOwner): Promise<boolean> {
  const draftPath = `${path}.${owner.token}.tmp`;
  await writeFile(draftPath, `${JSON.stringify(owner, null, 2)}\n`, { flag: 'wx' });
  try {
    await link(draftPath, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draftPath);
  }
}

async function unlinkIfUnchanged(path: string, expectedText: string): Promise<boolean> {
  if ((await readLockFile(path)) !== expectedText) return false;
  await unlink(path).catch(ignoreMissingFile);
  return true;
}

/**
 * Deletes a dead owner's lock file under a takeover guard: a second lock file that only the process
 * deleting a dead lock holds, for two file operations. Without it, two processes that both found the
 * same dead lock could each delete it, the second one deleting the new lock the first one had written.
 * Returns false when the lock file changed or another process holds the guard; the caller then reads
 * the lock file again.
 */
async function removeDeadLock(lockPath: string, deadLockText: string, owner: LockOwner): Promise<boolean> {
  const guardPath = `${lockPath}.takeover`;

  if (!(await tryCreateLockFile(guardPath, owner))) {
    const guardText = await readLockFile(guardPath);
    if (guardText === null) return false;
    const guardOwner = parseOwner(guardText, guardPath);
    // NOTE: a process that died holding the guard leaves it behind. Two processes that delete such a
    // dead guard at the same moment can still race, because nothing guards the guard.
    if (isOnThisHost(guardOwner) && !isRunning(guardOwner, guardPath)) await unlinkIfUnchanged(guardPath, guardText);
    return false;
  }

  heldByThisProcess.add(guardPath);
  try {
    return await unlinkIfUnchanged(lockPath, deadLockText);
  } finally {
    heldByThisProcess.delete(guardPath);
    await unlink(guardPath).catch(ignoreMissingFile);
  }
}

/**
 * Takes the lock on a PGlite data directory. PGlite has no lock of its own, and two processes
 * writing one directory corrupt it. The lock file names its process (pid, host, start time). A lock
 * whose process is no longer running on this host is taken over and reported through
 * `onLockTakeover`. A lock held by a live process is rejected, and so is a lock from another host,
 * whose process cannot be checked from here.
 *
 * Creates the data directory when it does not exist.
 *
 * @throws {StoreError} `STORE_LOCKED` when a running process holds the directory, with its pid and host.
 * @throws {StoreError} `STORE_LOCK_INVALID` when the lock file cannot be read as a lock.
 *
 * @example
 * const lock = await acquireDataDirectoryLock('./.data/fioco-flow', {
 *   onLockTakeover: ({ previousOwner }) => logger.warn({ pid: previousOwner.pid }, 'took over a stale lock'),
 * });
 * // … open PGlite on the directory …
 * await lock.release();
 */
export async function acquireDataDirectoryLock(dataDir: string, options: LockOptions = {}): Promise<DataDirectoryLock> {
  const directory = resolve(dataDir);
  const lockPath = join(directory, lockFileName);
  await mkdir(directory, { recursive: true });

  const owner = describeThisProcess(randomUUID());
  let lastOwner: LockOwner | undefined;

  for (let attempt = 0; attempt < maxAcquireAttempts; attempt += 1) {
    if (await tryCreateLockFile(lockPath, owner)) {
      heldByThisProcess.add(lockPath);
      return createHeldLock(directory, lockPath, owner);
    }

    const existingText = await readLockFile(lockPath);
    if (existingText === null) continue;
    const existing = parseOwner(existingText, lockPath);
    lastOwner = existing;

    if (!isOnThisHost(existing) || isRunning(existing, lockPath)) break;
    if (await removeDeadLock(lockPath, existingText, owner)) {
      options.onLockTakeover?.({ dataDir: directory, lockPath, previousOwner: existing });
    } else {
      await delay(guardBusyDelayMs * (attempt + 1));
    }
  }

  // Either a live process holds the lock, or other processes kept winning the race for it.
  const holder = lastOwner ?? owner;
  throw new StoreError('STORE_LOCKED', {
    dataDir: directory,
    lockPath,
    pid: holder.pid,
    hostname: holder.hostname,
    startedAt: holder.startedAt,
    sameHost: isOnThisHost(holder),
  });
}

function createHeldLock(dataDir: string, lockPath: string, owner: LockOwner): DataDirectoryLock {
  let released = false;
  return {
    dataDir,
    lockPath,
    owner,
    async release() {
      if (released) return;
      released = true;
      heldByThisProcess.delete(lockPath);

      const text = await readLockFile(lockPath);
      if (text === null) return;
      // Leave a lock file alone that is no longer ours (deleted by hand and taken by another process).
      let current: LockOwner | undefined;
      try {
        current = parseOwner(text, lockPath);
      } catch {
        return;
      }
      if (current.token === owner.token) await unlink(lockPath).catch(ignoreMissingFile);
    },
  };
}

function ignoreMissingFile(error: unknown): void {
  if (errorCode(error) !== 'ENOENT') throw error;
}
