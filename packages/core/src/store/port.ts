import type { CommandType } from '../commands/payloads.js';
import type { GeneratedValues } from '../machine/events.js';
import type { PersistedApplication } from '../machine/persistence.js';
import type { ApplicationState } from '../machine/states.js';
import type { Actor } from '../model/actor.js';

/**
 * An application as a store keeps it: the persisted snapshot plus the columns the store indexes. `version` grows
 * by one per event; `nextDeadlineAt` is the instant the clock next changes something (the due index).
 *
 * @example
 * ```ts
 * import type { StoredApplication } from '@fioco-flow/core';
 *
 * function isDue(application: StoredApplication, now: string): boolean {
 *   return application.nextDeadlineAt !== null && Date.parse(application.nextDeadlineAt) <= Date.parse(now);
 * }
 * ```
 */
export interface StoredApplication {
  readonly id: string;
  readonly organizationId: string;
  readonly programId: string;
  readonly state: ApplicationState;
  readonly final: boolean;
  readonly version: number;
  /** Unique across all applications once issued. */
  readonly codeWord: string | null;
  readonly nextDeadlineAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly snapshot: PersistedApplication;
}

/**
 * The type of an event in the log: the creation of the application, or a command.
 *
 * @example
 * ```ts
 * import type { ApplicationEventType } from '@fioco-flow/core';
 *
 * const first: ApplicationEventType = 'application.create';
 * ```
 */
export type ApplicationEventType = 'application.create' | CommandType;

/**
 * One entry of an application's event log: every accepted command, the clock's transitions included, with the
 * actor, the instant, the validated payload, the generated values and the resulting state and version. For
 * `application.create` the payload is `{ organizationId, program }` and `generated.id` is the application id.
 *
 * @example
 * ```ts
 * import type { ApplicationEventRecord } from '@fioco-flow/core';
 *
 * function describe(event: ApplicationEventRecord): string {
 *   return `v${event.version} ${event.at} ${event.actor.id}: ${event.type} → ${event.state}`;
 * }
 * ```
 */
export interface ApplicationEventRecord {
  readonly applicationId: string;
  readonly version: number;
  readonly type: ApplicationEventType;
  readonly at: string;
  readonly actor: Actor;
  readonly payload: unknown;
  readonly generated: GeneratedValues;
  readonly state: ApplicationState;
  readonly machineVersion: number;
}

/**
 * An idempotency record, scoped to the actor's id and the client's key. `pending` is written when the first
 * request starts (a second request with the key meanwhile is refused), `completed` contains the first
 * response to replay. Records are ignored after `expiresAt`.
 *
 * @example
 * ```ts
 * import type { IdempotencyRecord } from '@fioco-flow/core';
 *
 * function isRunning(record: IdempotencyRecord, now: string): boolean {
 *   return record.status === 'pending' && Date.parse(record.expiresAt) > Date.parse(now);
 * }
 * ```
 */
export interface IdempotencyRecord {
  readonly actorId: string;
  readonly key: string;
  /** SHA-256 of the request (application, command type, payload with files by content, not id): the same key with another request is refused. */
  readonly fingerprint: string;
  readonly status: 'pending' | 'completed';
  readonly applicationId: string | null;
  /** The first response as JSON, when completed. */
  readonly response: unknown;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/**
 * Filters of {@link ApplicationStore.list}; every given filter must match.
 *
 * @example
 * ```ts
 * import type { ApplicationFilter } from '@fioco-flow/core';
 *
 * // Unfinished applications whose next deadline has come, earliest first.
 * const due: ApplicationFilter = { final: false, dueBefore: '2026-03-04T21:00:00.000Z', orderBy: 'nextDeadlineAt', limit: 100 };
 * ```
 */
export interface ApplicationFilter {
  readonly organizationId?: string;
  readonly programId?: string;
  readonly states?: readonly ApplicationState[];
  readonly final?: boolean;
  /** Applications whose `nextDeadlineAt` is at or before this instant (the due index). */
  readonly dueBefore?: string;
  /** `createdAt` (default, then id) or `nextDeadlineAt` (earliest first, applications without one last, then id). */
  readonly orderBy?: 'createdAt' | 'nextDeadlineAt';
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * Outcome of {@link ApplicationStore.insert}.
 *
 * @example
 * ```ts
 * import type { InsertResult } from '@fioco-flow/core';
 *
 * const duplicate: InsertResult = { ok: false, conflict: 'active_application_exists', existingId: 'a-1' };
 * ```
 */
export type InsertResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly conflict: 'duplicate_id' | 'code_word_taken' }
  | { readonly ok: false; readonly conflict: 'active_application_exists'; readonly existingId: string };

/**
 * Outcome of {@link ApplicationStore.update}.
 *
 * @example
 * ```ts
 * import type { UpdateResult } from '@fioco-flow/core';
 *
 * const lost: UpdateResult = { ok: false, conflict: 'version_conflict', currentVersion: 8 };
 * ```
 */
export type UpdateResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly conflict: 'not_found' | 'code_word_taken' }
  | { readonly ok: false; readonly conflict: 'version_conflict'; readonly currentVersion: number };

/**
 * Outcome of {@link ApplicationStore.claimIdempotency}.
 *
 * @example
 * ```ts
 * import type { ClaimResult } from '@fioco-flow/core';
 *
 * function isMine(result: ClaimResult): boolean {
 *   return result.claimed;
 * }
 * ```
 */
export type ClaimResult = { readonly claimed: true } | { readonly claimed: false; readonly existing: IdempotencyRecord };

/**
 * The storage port of the application service. Every write is atomic: the snapshot, its events and the
 * idempotency record land together or not at all. Implementations run {@link runApplicationStoreContract}
 * from `@fioco-flow/core/testing`.
 *
 * @example
 * ```ts
 * import { createApplicationService, createMemoryStore } from '@fioco-flow/core';
 *
 * const service = createApplicationService({ store: createMemoryStore(), clock, calendar, programs });
 * ```
 */
export interface ApplicationStore {
  /** Returns the application with this id, or `undefined`. */
  get(id: string): Promise<StoredApplication | undefined>;

  /** Returns the applications that match every given filter, in the requested order. */
  list(filter?: ApplicationFilter): Promise<StoredApplication[]>;

  /**
   * Inserts a new application with its first events. Refuses a second non-final application of one organization
   * for one program, a duplicate id, and a code word another application holds.
   */
  insert(
    application: StoredApplication,
    events: readonly ApplicationEventRecord[],
    options?: { readonly idempotency?: IdempotencyRecord },
  ): Promise<InsertResult>;

  /**
   * Replaces the application if its stored version equals `expectedVersion`, appends the events and writes the
   * idempotency record, all at once. Two writers that read the same version: one succeeds, the other gets
   * `version_conflict`.
   */
  update(
    application: StoredApplication,
    expectedVersion: number,
    events: readonly ApplicationEventRecord[],
    options?: { readonly idempotency?: IdempotencyRecord },
  ): Promise<UpdateResult>;

  /** The event log of an application in version order (empty for an unknown id). */
  events(applicationId: string): Promise<ApplicationEventRecord[]>;

  /** The non-final application of an organization for a program, if there is one. */
  findActive(organizationId: string, programId: string): Promise<StoredApplication | undefined>;

  /** Tells whether any application has this code word. */
  isCodeWordTaken(codeWord: string): Promise<boolean>;

  /** The idempotency record of an actor's key unless it expired at `now`. */
  getIdempotency(actorId: string, key: string, now: string): Promise<IdempotencyRecord | undefined>;

  /** Writes a pending record unless a record of the key that has not expired at `now` exists; then returns that one. */
  claimIdempotency(record: IdempotencyRecord, now: string): Promise<ClaimResult>;

  /** Writes a record, replacing any record of the same actor and key. */
  saveIdempotency(record: IdempotencyRecord): Promise<void>;

  /** Deletes the record of an actor's key if it is still pending (a request that failed with an exception). */
  releaseIdempotency(actorId: string, key: string): Promise<void>;
}
