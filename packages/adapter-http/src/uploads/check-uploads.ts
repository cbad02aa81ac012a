import type { FileRef, FileStore } from '@fioco-flow/core';
import type { UploadLimits } from '../http/body.js';
import type { ProblemParam } from '../problems/messages.js';
import { fieldProblem, problem } from '../problems/problem.js';
import { sniffMediaType, type AcceptedMediaType } from './content-type.js';
import { sanitizeFileName } from './file-name.js';

/** An uploaded file that passed every check, not yet stored. */
export interface CheckedUpload {
  /** JSON pointer of the file in the request, e.g. `/attachments/1`. */
  readonly pointer: string;
  readonly name: string;
  readonly mediaType: AcceptedMediaType;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

const acceptedTypesText = 'PDF, JPEG, PNG';

function describeDetected(detected: string | null): ProblemParam {
  return detected ?? { ru: 'файл неизвестного формата', en: 'a file of unknown format' };
}

/**
 * Checks uploaded files: their count, that none is empty or larger than the limit, and that each is
 * a PDF, JPEG or PNG by its content. Names are sanitized for the detected type.
 *
 * @param files - The files with the JSON pointer each gets in error reports.
 * @throws {ProblemError} `too_many_files` or `file_too_large` (413), `file_empty` (422),
 *   `unsupported_file_type` (415), each naming the file.
 */
export async function checkUploads(
  files: readonly { readonly pointer: string; readonly file: File }[],
  limits: UploadLimits,
): Promise<CheckedUpload[]> {
  if (files.length > limits.maxFiles) {
    throw problem('too_many_files', { count: files.length, maxFiles: limits.maxFiles });
  }

  const checked: CheckedUpload[] = [];
  for (const { pointer, file } of files) {
    const name = file.name || 'file';

    if (file.size === 0) throw fieldProblem('file_empty', { name }, pointer);
    if (file.size > limits.maxFileBytes) {
      throw fieldProblem('file_too_large', { name, size: file.size, maxBytes: limits.maxFileBytes }, pointer);
    }

    const bytes = new Uint8Array(await file.arrayBuffer());
    const sniffed = await sniffMediaType(bytes);
    if (!sniffed.accepted) {
      const params = { name, detected: describeDetected(sniffed.detected), allowed: acceptedTypesText };
      throw fieldProblem('unsupported_file_type', params, pointer);
    }

    checked.push({
      pointer,
      name: sanitizeFileName(name, sniffed.mediaType),
      mediaType: sniffed.mediaType,
      bytes,
      sha256: await sha256Hex(bytes),
    });
  }
  return checked;
}

/**
 * The FileRef a checked upload will have, with a placeholder id: payloads are validated with it
 * before anything is stored.
 */
export function provisionalFileRef(upload: CheckedUpload): FileRef {
  return { id: 'pending-upload', name: upload.name, mediaType: upload.mediaType, size: upload.bytes.byteLength, sha256: upload.sha256 };
}

/** Stores checked uploads and returns their FileRefs in the same order. */
export async function storeUploads(files: FileStore, uploads: readonly CheckedUpload[]): Promise<FileRef[]> {
  const refs: FileRef[] = [];
  for (const upload of uploads) {
    refs.push(await files.put(upload.bytes, { name: upload.name, mediaType: upload.mediaType }));
  }
  return refs;
}

/** SHA-256 of bytes as lowercase hex, through Web Crypto so the handler runs outside Node too. */
export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
