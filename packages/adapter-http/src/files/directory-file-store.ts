import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileRefSchema, type FileRef, type FileStore } from '@fioco-flow/core';

const fileIdPattern = /^[A-Za-z0-9_-]{1,200}$/u;

/**
 * Creates a {@link FileStore} in a directory. Bytes are content-addressed: `objects/ab/<sha256>` contains
 * each distinct content once, however many uploads share it. Each upload gets its own id and a small
 * metadata file `refs/<id>.json` with the name and media type. Every file is written to `tmp/` first
 * and renamed into place, so a crash never leaves a half-written object or reference behind.
 *
 * @param directory - The directory to keep files in; created when missing.
 * @throws {Error} From `get`, when a stored object no longer matches its SHA-256 (the disk was altered).
 *
 * @example
 * import { createDirectoryFileStore } from '@fioco-flow/adapter-http';
 *
 * const files = createDirectoryFileStore('/var/lib/fioco-flow/files');
 * const ref = await files.put(pdfBytes, { name: 'Диплом Орловой.pdf', mediaType: 'application/pdf' });
 * ref.sha256 //=> '3a7bd3e2…' (64 hex digits)
 * (await files.get(ref.id))?.bytes.length === pdfBytes.length //=> true
 */
export function createDirectoryFileStore(directory: string): FileStore {
  const objectsDirectory = join(directory, 'objects');
  const refsDirectory = join(directory, 'refs');
  const temporaryDirectory = join(directory, 'tmp');

  const objectPath = (sha256: string) => join(objectsDirectory, sha256.slice(0, 2), sha256);
  const refPath = (id: string) => join(refsDirectory, `${id}.json`);

  async function writeAtomically(path: string, content: Uint8Array | string): Promise<void> {
    await mkdir(temporaryDirectory, { recursive: true });
    const temporaryPath = join(temporaryDirectory, `${randomUUID()}.part`);
    try {
      await writeFile(temporaryPath, content, { flag: 'wx' });
      await mkdir(dirname(path), { recursive: true });
      await rename(temporaryPath, path);
    } catch (error) {
      await rm(temporaryPath, { force: true });
      throw error;
    }
  }

  async function exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (isMissingFile(error)) return false;
      throw error;
    }
  }

  return {
    async put(bytes, meta) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const ref = fileRefSchema.parse({
        id: randomUUID(),
        name: meta.name,
        mediaType: meta.mediaType,
        size: bytes.byteLength,
        sha256,
      });

      // Identical content is kept once; a rename over an existing object would only rewrite the same bytes.
      if (!(await exists(objectPath(sha256)))) await writeAtomically(objectPath(sha256), bytes);
      await writeAtomically(refPath(ref.id), JSON.stringify(ref));
      return ref;
    },

    async get(id) {
      if (!fileIdPattern.test(id)) return undefined;

      let ref: FileRef;
      try {
        ref = fileRefSchema.parse(JSON.parse(await readFile(refPath(id), 'utf8')));
      } catch (error) {
        if (isMissingFile(error)) return undefined;
        throw error;
      }

      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(objectPath(ref.sha256)));
      } catch (error) {
        if (isMissingFile(error)) return undefined;
        throw error;
      }
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== ref.sha256) {
        throw new Error(`File ${id} in ${directory} is corrupt: its SHA-256 is ${actual}, expected ${ref.sha256}.`);
      }
      return { ref, bytes };
    },
  };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
