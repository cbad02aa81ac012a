import type {
  ApplicationEventRecord,
  ApplicationFilter,
  ApplicationStore,
  ClaimResult,
  IdempotencyRecord,
  InsertResult,
  StoredApplication,
  UpdateResult,
} from './port.js';

const copy = <T>(value: T): T => structuredClone(value);

function idempotencyKey(actorId: string, key: string): string {
  return JSON.stringify([actorId, key]);
}

function isLive(record: IdempotencyRecord, now: string): boolean {
  return Date.parse(record.expiresAt) > Date.parse(now);
}

function matches(application: StoredApplication, filter: ApplicationFilter): boolean {
  if (filter.organizationId !== undefined && application.organizationId !== filter.organizationId) return false;
  if (filter.programId !== undefined && application.programId !== filter.programId) return false;
  if (filter.states !== undefined && !filter.states.includes(application.state)) return false;
  if (filter.final !== undefined && application.final !== filter.final) return false;
  if (filter.dueBefore !== undefined) {
    if (application.nextDeadlineAt === null) return false;
    if (Date.parse(application.nextDeadlineAt) > Date.parse(filter.dueBefore)) return false;
  }
  return true;
}

function compare(orderBy: ApplicationFilter['orderBy']) {
  return (a: StoredApplication, b: StoredApplication): number => {
    if (orderBy === 'nextDeadlineAt') {
      const left = a.nextDeadlineAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.nextDeadlineAt);
      const right = b.nextDeadlineAt === null ? Number.POSITIVE_INFINITY : Date.parse(b.nextDeadlineAt);
      if (left !== right) return left < right ? -1 : 1;
    } else {
      const left = Date.parse(a.createdAt);
      const right = Date.parse(b.createdAt);
      if (left !== right) return left - right;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/**
 * Creates an in-memory {@link ApplicationStore}: for tests, demos and single-process hosts that need no
 * persistence. Every call completes without awaiting anything between its checks and its writes, so each write is
 * atomic; stored and returned values are copies, so callers cannot change the store by mutating them.
 *
 * @example
 * ```ts
 * import { createApplicationService, createMemoryStore } from '@fioco-flow/core';
 *
 * const store = createMemoryStore();
 * const service = createApplicationService({ store, clock, calendar, programs });
 * ```
 */
export function createMemoryStore(): ApplicationStore {
  const applications = new Map<string, StoredApplication>();
  const events = new Map<string, ApplicationEventRecord[]>();
  const idempotency = new Map<string, IdempotencyRecord>();

  const activeOf = (organizationId: string, programId: string, exceptId?: string) =>
    [...applications.values()].find(
      (application) =>
        !application.final &&
        application.organizationId === organizationId &&
        application.programId === programId &&
        application.id !== exceptId,
    );
  const codeWordHolder = (codeWord: string | null, exceptId?: string) =>
    codeWord === null
      ? undefined
      : [...applications.values()].find((application) => application.codeWord === codeWord && application.id !== exceptId);

  return {
    async get(id) {
      const application = applications.get(id);
      return application === undefined ? undefined : copy(application);
    },

    async list(filter = {}) {
      const offset = filter.offset ?? 0;
      const found = [...applications.values()].filter((application) => matches(application, filter)).sort(compare(filter.orderBy));
      const page = filter.limit === undefined ? found.slice(offset) : found.slice(offset, offset + filter.limit);
      return copy(page);
    },

    async insert(application, newEvents, options = {}): Promise<InsertResult> {
      if (applications.has(application.id)) return { ok: false, conflict: 'duplicate_id' };
      const active = application.final ? undefined : activeOf(application.organizationId, application.programId);
      if (active !== undefined) return { ok: false, conflict: 'active_application_exists', existingId: active.id };
      if (codeWordHolder(application.codeWord) !== undefined) return { ok: false, conflict: 'code_word_taken' };

      applications.set(application.id, copy(application));
      events.set(application.id, copy([...newEvents]));
      if (options.idempotency !== undefined) {
        idempotency.set(idempotencyKey(options.idempotency.actorId, options.idempotency.key), copy(options.idempotency));
      }
      return { ok: true };
    },

    async update(application, expectedVersion, newEvents, options = {}): Promise<UpdateResult> {
      const current = applications.get(application.id);
      if (current === undefined) return { ok: false, conflict: 'not_found' };
      if (current.version !== expectedVersion) return { ok: false, conflict: 'version_conflict', currentVersion: current.version };
      if (codeWordHolder(application.codeWord, application.id) !== undefined) return { ok: false, conflict: 'code_word_taken' };

      applications.set(application.id, copy(application));
      events.set(application.id, [...(events.get(application.id) ?? []), ...copy([...newEvents])]);
      if (options.idempotency !== undefined) {
        idempotency.set(idempotencyKey(options.idempotency.actorId, options.idempotency.key), copy(options.idempotency));
      }
      return { ok: true };
    },

    async events(applicationId) {
      return copy(events.get(applicationId) ?? []);
    },

    async findActive(organizationId, programId) {
      const active = activeOf(organizationId, programId);
      return active === undefined ? undefined : copy(active);
    },

    async isCodeWordTaken(codeWord) {
      return codeWordHolder(codeWord) !== undefined;
    },

    async getIdempotency(actorId, key, now) {
      const record = idempotency.get(idempotencyKey(actorId, key));
      return record !== undefined && isLive(record, now) ? copy(record) : undefined;
    },

    async claimIdempotency(record, now): Promise<ClaimResult> {
      const existing = idempotency.get(idempotencyKey(record.actorId, record.key));
      if (existing !== undefined && isLive(existing, now)) return { claimed: false, existing: copy(existing) };
      idempotency.set(idempotencyKey(record.actorId, record.key), copy(record));
      return { claimed: true };
    },

    async saveIdempotency(record) {
      idempotency.set(idempotencyKey(record.actorId, record.key), copy(record));
    },

    async releaseIdempotency(actorId, key) {
      const existing = idempotency.get(idempotencyKey(actorId, key));
      if (existing?.status === 'pending') idempotency.delete(idempotencyKey(actorId, key));
    },
  };
}
