import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectoryFileStore } from '../src/files/directory-file-store.js';
import { pdfBytes, pngBytes } from './support/files.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fioco-flow-files-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('createDirectoryFileStore', () => {
  it('stores bytes and returns a FileRef with their SHA-256', async () => {
    const files = createDirectoryFileStore(directory);

    const ref = await files.put(pdfBytes, { name: 'Диплом.pdf', mediaType: 'application/pdf' });

    expect(ref).toMatchObject({ name: 'Диплом.pdf', mediaType: 'application/pdf', size: pdfBytes.byteLength });
    expect(ref.sha256).toBe(sha256(pdfBytes));
    const stored = await files.get(ref.id);
    expect(stored?.ref).toEqual(ref);
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(pdfBytes))).toBe(true);
  });

  it('keeps identical content once under its hash', async () => {
    const files = createDirectoryFileStore(directory);

    const first = await files.put(pngBytes, { name: 'a.png', mediaType: 'image/png' });
    const second = await files.put(pngBytes, { name: 'b.png', mediaType: 'image/png' });

    expect(first.id).not.toBe(second.id);
    expect(await readdir(join(directory, 'objects', first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect((await files.get(second.id))?.ref.name).toBe('b.png');
  });

  it('leaves no temporary files after writing', async () => {
    const files = createDirectoryFileStore(directory);

    await files.put(pdfBytes, { name: 'a.pdf', mediaType: 'application/pdf' });

    expect(await readdir(join(directory, 'tmp'))).toEqual([]);
  });

  it('returns undefined for unknown and path-like ids', async () => {
    const files = createDirectoryFileStore(directory);
    await writeFile(join(directory, 'secret.json'), '{}');

    expect(await files.get('no-such-file')).toBeUndefined();
    expect(await files.get('../secret')).toBeUndefined();
    expect(await files.get('')).toBeUndefined();
  });

  it('reports an object altered on disk', async () => {
    const files = createDirectoryFileStore(directory);
    const ref = await files.put(pdfBytes, { name: 'a.pdf', mediaType: 'application/pdf' });
    const objectPath = join(directory, 'objects', ref.sha256.slice(0, 2), ref.sha256);
    await writeFile(objectPath, 'altered');

    await expect(files.get(ref.id)).rejects.toThrow(`File ${ref.id} in ${directory} is corrupt`);
    expect(await readFile(objectPath, 'utf8')).toBe('altered');
  });

  it('serves files written by an earlier instance', async () => {
    const ref = await createDirectoryFileStore(directory).put(pngBytes, { name: 'скан.png', mediaType: 'image/png' });

    const reopened = createDirectoryFileStore(directory);

    expect((await reopened.get(ref.id))?.ref).toEqual(ref);
  });
});
