import { z } from 'zod';

/**
 * Metadata of an uploaded file: the application keeps only this, while the bytes live in a {@link FileStore}.
 *
 * @example
 * ```ts
 * import { fileRefSchema } from '@fioco-flow/core';
 *
 * fileRefSchema.parse({
 *   id: 'f-contract-signed',
 *   name: 'Договор_подписанный.pdf',
 *   mediaType: 'application/pdf',
 *   size: 284_113,
 *   sha256: 'a'.repeat(64),
 * });
 * ```
 */
export const fileRefSchema = z.object({
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(255),
  mediaType: z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Metadata of an uploaded file (id, name, media type, size in bytes, SHA-256 of the bytes as lowercase hex).
 *
 * @example
 * ```ts
 * import type { FileRef } from '@fioco-flow/core';
 *
 * const scan: FileRef = { id: 'f-1', name: 'Диплом.pdf', mediaType: 'application/pdf', size: 284_113, sha256: 'a'.repeat(64) };
 * ```
 */
export type FileRef = z.infer<typeof fileRefSchema>;

/**
 * Port for the bytes of uploaded files. The core never calls it: the host (an HTTP adapter, a demo) stores the
 * bytes first and passes the returned {@link FileRef} in a command.
 *
 * @example
 * ```ts
 * import type { FileStore } from '@fioco-flow/core';
 *
 * async function upload(files: FileStore, bytes: Uint8Array) {
 *   const ref = await files.put(bytes, { name: 'СНИЛС.pdf', mediaType: 'application/pdf' });
 *   return ref; // pass it as `file` in a `document.attach` command
 * }
 * ```
 */
export interface FileStore {
  /** Stores the bytes and returns their metadata with a new id and the SHA-256 of the bytes. */
  put(bytes: Uint8Array, meta: { readonly name: string; readonly mediaType: string }): Promise<FileRef>;
  /** Returns the metadata and bytes of a stored file, or `undefined` when no file has this id. */
  get(id: string): Promise<{ readonly ref: FileRef; readonly bytes: Uint8Array } | undefined>;
}
