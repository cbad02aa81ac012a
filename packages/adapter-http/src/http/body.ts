import { problem } from '../problems/problem.js';

/** Size and count limits of request bodies and uploads. */
export interface UploadLimits {
  /** Largest accepted file, in bytes: 10 MiB by default. */
  readonly maxFileBytes: number;
  /** Maximum number of files in one request: 10 by default. */
  readonly maxFiles: number;
  /** Largest JSON body, in bytes: 1 MiB by default. */
  readonly maxJsonBytes: number;
}

/** The default {@link UploadLimits}. */
export const defaultUploadLimits: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  maxJsonBytes: 1024 * 1024,
};

// Room for the form fields and multipart boundaries beside the files themselves.
const multipartOverheadBytes = 256 * 1024;

/** Returns the largest multipart body the limits allow. */
export function maxMultipartBytes(limits: UploadLimits): number {
  return limits.maxFileBytes * limits.maxFiles + multipartOverheadBytes;
}

/**
 * Reads a request body up to `maxBytes`, stopping as soon as it is exceeded, so an oversized or
 * endless upload never fills memory. A declared `Content-Length` above the limit is rejected before
 * reading anything.
 *
 * @throws {ProblemError} `request_too_large` (413) when the body exceeds `maxBytes`.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw problem('request_too_large', { maxBytes });
  if (request.body === null) return new Uint8Array();

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw problem('request_too_large', { maxBytes });
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Returns the media type of a request without its parameters, lowercased, such as `multipart/form-data`. */
export function mediaTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a JSON body within the limit. An empty body reads as `{}`, so commands without a payload
 * need no body.
 *
 * @throws {ProblemError} `unsupported_content_type` (415) for another media type, `request_too_large`
 *   (413) above the limit, `malformed_body` (400) when the body is not JSON.
 */
export async function readJsonBody(request: Request, limits: UploadLimits): Promise<unknown> {
  const mediaType = mediaTypeOf(request);
  const bytes = await readBodyBytes(request, limits.maxJsonBytes);
  if (bytes.byteLength === 0) return {};
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) {
    throw problem('unsupported_content_type', { contentType: mediaType || '—', expected: 'application/json' });
  }

  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'invalid UTF-8';
    throw problem('malformed_body', { reason: { ru: `неверный JSON (${reason})`, en: `invalid JSON (${reason})` } });
  }
  // Fingerprints and file lookups walk the body recursively, so a deeper body would overflow the stack.
  if (depthExceeds(value, maxJsonDepth)) {
    throw problem('malformed_body', {
      reason: { ru: `JSON вложен глубже ${maxJsonDepth} уровней`, en: `JSON nested deeper than ${maxJsonDepth} levels` },
    });
  }
  return value;
}

/** Deepest nesting of arrays and objects a JSON body may have; a command body nests four levels at most. */
export const maxJsonDepth = 32;

function depthExceeds(value: unknown, limit: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** A multipart body split into its text fields and its files. */
export interface MultipartBody {
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly files: readonly { readonly field: string; readonly file: File }[];
  /** Fields that arrived as an empty part with no file chosen, as browsers send an empty file input. */
  readonly emptyFileFields: readonly string[];
}

/**
 * Reads a `multipart/form-data` body within the limits of the files it may carry.
 *
 * @throws {ProblemError} `unsupported_content_type` (415) for another media type, `request_too_large`
 *   (413) above the limit, `malformed_body` (400) when the parts cannot be parsed.
 */
export async function readMultipartBody(request: Request, limits: UploadLimits, fileFields: readonly string[]): Promise<MultipartBody> {
  const mediaType = mediaTypeOf(request);
  if (mediaType !== 'multipart/form-data') {
    throw problem('unsupported_content_type', { contentType: mediaType || '—', expected: 'multipart/form-data' });
  }
  const bytes = await readBodyBytes(request, maxMultipartBytes(limits));

  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw problem('malformed_body', {
      reason: { ru: 'части multipart/form-data не разобраны', en: 'the multipart/form-data parts could not be parsed' },
    });
  }

  const fields = new Map<string, string[]>();
  const files: { field: string; file: File }[] = [];
  const emptyFileFields: string[] = [];
  form.forEach((value, name) => {
    if (typeof value !== 'string') {
      files.push({ field: name, file: value });
    } else if (fileFields.includes(name)) {
      // An empty file input arrives as a text part with no content.
      emptyFileFields.push(name);
    } else {
      fields.set(name, [...(fields.get(name) ?? []), value]);
    }
  });
  return { fields, files, emptyFileFields };
}
