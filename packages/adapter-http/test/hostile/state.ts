import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileRef, FileStore } from '@fioco-flow/core';
import { staff, type Harness } from '../support/harness.js';

/** A file store that counts its writes, over a directory store. */
export interface CountingFileStore extends FileStore {
  readonly puts: () => number;
}

export function countingFileStore(inner: FileStore): CountingFileStore {
  let puts = 0;
  return {
    async put(bytes, meta): Promise<FileRef> {
      puts += 1;
      return inner.put(bytes, meta);
    },
    get: (id) => inner.get(id),
    puts: () => puts,
  };
}

/** Lists every file under a directory, relative paths sorted. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length))
    .sort();
}

/**
 * Captures what a refused request must leave as it was: each application's version and event count, as staff see
 * them through the API, the file store's writes and every file in its directory.
 */
export async function captureState(harness: Harness, files: CountingFileStore, directory: string): Promise<unknown> {
  const listed = await harness.request('GET', '/applications?limit=200', { actor: staff });
  const { items } = (await listed.json()) as { items: { id: string; version: number; state: string }[] };
  const applications = [];
  for (const item of items) {
    const events = await harness.request('GET', `/applications/${item.id}/events`, { actor: staff });
    const { events: log } = (await events.json()) as { events: unknown[] };
    applications.push({ id: item.id, version: item.version, state: item.state, events: log.length });
  }
  return { applications, puts: files.puts(), files: await listFiles(directory) };
}
