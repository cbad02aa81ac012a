import type { ApplicationStore, Clock, IdempotencyRecord } from '@fioco-flow/core';
import { problem } from '../problems/problem.js';
import { sha256Hex } from '../uploads/check-uploads.js';

/** The part of the core's store that keeps idempotency records. */
export type IdempotencyStore = Pick<ApplicationStore, 'getIdempotency' | 'claimIdempotency' | 'saveIdempotency' | 'releaseIdempotency'>;

/** Longest accepted `Idempotency-Key`, in characters. */
export const maxIdempotencyKeyLength = 255;

// Records of this adapter share the store with the core service's own records. The prefix keeps a
// key sent over HTTP apart from the same key used in a direct service call.
const keyPrefix = 'http:';

/** The first response to a request, as an idempotency record keeps it. */
interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

// Headers a replay must repeat: the body's type and language, and where the result lives.
const recordedHeaders = ['content-type', 'content-language', 'etag', 'location', 'vary', 'cache-control'];

export interface IdempotencyOptions {
  readonly store: IdempotencyStore;
  readonly clock: Clock;
  /** How long a completed response is replayed, in milliseconds. */
  readonly ttlMs: number;
  /** How long a request that never finished (a crashed process) blocks its key, in milliseconds. */
  readonly pendingTtlMs: number;
}

/** A claimed key: the request runs, then its response is recorded or the claim released. */
export interface IdempotencySession {
  /** Records a response below 500 for replay and returns it; releases the key for a 5xx. */
  complete(response: Response): Promise<Response>;
  /** Releases the key after an unexpected error, so that a retry runs again. */
  release(): Promise<void>;
}

/**
 * Reads the `Idempotency-Key` header: a string of visible ASCII characters, quoted as a structured
 * field string or not.
 *
 * @returns The key, or `undefined` when the header is absent.
 * @throws {ProblemError} `idempotency_key_invalid` (400) for an empty, overlong or non-ASCII key.
 */
export function readIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  const key = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  if (key.length === 0 || key.length > maxIdempotencyKeyLength || !/^[\x21-\x7e]+$/u.test(key)) {
    throw problem('idempotency_key_invalid', { maxLength: maxIdempotencyKeyLength });
  }
  return key;
}

/**
 * Returns the key under which the core service records a command sent with an `Idempotency-Key`. The service writes
 * that record in the transaction of the command itself, so it survives a crash that the adapter's own record, written
 * after the command, may miss. The prefix keeps it apart from the adapter's `http:` records.
 *
 * @returns `undefined` when the header is absent.
 * @throws {ProblemError} `idempotency_key_invalid` (400), as {@link readIdempotencyKey}.
 * @example
 * serviceIdempotencyKey('8e0f7c1a') //=> 'http-command:8e0f7c1a'
 */
export function serviceIdempotencyKey(header: string | undefined): string | undefined {
  const key = readIdempotencyKey(header);
  return key === undefined ? undefined : `http-command:${key}`;
}

/**
 * Returns the status of the core service's record of a command under a service key. It is `completed` within the
 * adapter's TTL, and `pending` while a request with the key runs or until the record of a request that failed midway
 * expires. A completed record older than the adapter's TTL is expired here, so a key lives for `idempotencyTtlMs`
 * whatever the service's own TTL is.
 */
export async function serviceRecordStatus(
  options: IdempotencyOptions,
  actorId: string,
  serviceKey: string | undefined,
): Promise<'completed' | 'pending' | undefined> {
  if (serviceKey === undefined) return undefined;
  const now = options.clock.now().toISOString();
  const record = await options.store.getIdempotency(actorId, serviceKey, now);
  if (record === undefined) return undefined;
  if (record.status === 'pending') return 'pending';
  if (Date.parse(record.createdAt) + options.ttlMs > Date.parse(now)) return 'completed';

  await options.store.saveIdempotency({ ...record, expiresAt: now });
  return undefined;
}

/** JSON with object keys sorted, so that equal requests give equal fingerprints. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// Code-unit order, so that the fingerprint does not depend on the runtime's locale.
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** SHA-256 of a request's method, path and canonical body: what "the same request" means for a key. */
export function requestFingerprint(method: string, path: string, body: unknown): Promise<string> {
  return sha256Hex(canonicalJson({ method, path, body }));
}

/**
 * Starts a request under an idempotency key. A completed record with the same fingerprint replays
 * the first response. A pending record means the first request still runs, and any other
 * fingerprint means the key was reused for another request. Without a record, a pending record
 * claims the key.
 *
 * @throws {ProblemError} `idempotency_key_reused` (422), `idempotency_request_in_progress` (409).
 */
export async function beginIdempotentRequest(
  options: IdempotencyOptions,
  actorId: string,
  clientKey: string,
  fingerprint: string,
  applicationId: string | null,
): Promise<{ readonly replay: Response } | { readonly session: IdempotencySession }> {
  const key = `${keyPrefix}${clientKey}`;
  const startedAt = options.clock.now().toISOString();
  const pending: IdempotencyRecord = {
    actorId,
    key,
    fingerprint,
    status: 'pending',
    applicationId,
    response: null,
    createdAt: startedAt,
    expiresAt: addMilliseconds(startedAt, options.pendingTtlMs),
  };

  const existing = (await options.store.getIdempotency(actorId, key, startedAt)) ?? (await claimOrExisting(options.store, pending, startedAt));
  if (existing !== undefined) return { replay: replayOf(existing, fingerprint) };

  return {
    session: {
      async complete(response) {
        // A key in use by another request is a passing state, not this request's outcome: a retry must run again.
        if (response.status >= 500 || (await isInProgress(response))) {
          await options.store.releaseIdempotency(actorId, key);
          return response;
        }
        const recorded = await recordResponse(response);
        await options.store.saveIdempotency({
          ...pending,
          status: 'completed',
          response: recorded,
          expiresAt: addMilliseconds(startedAt, options.ttlMs),
        });
        return new Response(recorded.body, { status: recorded.status, headers: response.headers });
      },
      async release() {
        await options.store.releaseIdempotency(actorId, key);
      },
    },
  };
}

async function claimOrExisting(store: IdempotencyStore, pending: IdempotencyRecord, now: string): Promise<IdempotencyRecord | undefined> {
  const claim = await store.claimIdempotency(pending, now);
  return claim.claimed ? undefined : claim.existing;
}

function replayOf(existing: IdempotencyRecord, fingerprint: string): Response {
  if (existing.fingerprint !== fingerprint) throw problem('idempotency_key_reused', {});
  if (existing.status === 'pending') {
    throw problem('idempotency_request_in_progress', {}, { headers: { 'retry-after': '1' } });
  }

  const recorded = existing.response as RecordedResponse;
  return new Response(recorded.body, {
    status: recorded.status,
    headers: { ...recorded.headers, 'idempotent-replayed': 'true' },
  });
}

async function isInProgress(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  const body = (await response.clone().json().catch(() => null)) as { code?: unknown } | null;
  return body?.code === 'idempotency_request_in_progress';
}

async function recordResponse(response: Response): Promise<RecordedResponse> {
  const headers: Record<string, string> = {};
  for (const name of recordedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.text() };
}

function addMilliseconds(instant: string, milliseconds: number): string {
  return new Date(Date.parse(instant) + milliseconds).toISOString();
}
