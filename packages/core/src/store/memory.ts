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

// Stored values are plain JSON, as the port requires, so a JSON round trip copies them and returns what a database
// column would.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * An application as the store keeps it: the indexed fields that filters read, and the whole application as JSON
 * text. Each write serializes the application once, and each read parses the text into a fresh copy.
 */
interface Entry {
  readonly fields: Omit<StoredApplication, 'snapshot'>;
  readonly text: string;
}

function entryOf(application: StoredApplication): Entry {
  const { snapshot: _snapshot, ...fields } = application;
  return { fields, text: JSON.stringify(application) };
}

const read = (entry: Entry): StoredApplication => JSON.parse(entry.text) as StoredApplication;

function idempotencyKey(actorId: string, key: string): string {
  return JSON.stringify([actorId, key]);
}

function isLive(record: IdempotencyRecord, now: string): boolean {
  return Date.parse(record.expiresAt) > Date.parse(now);
}

function matches(application: Entry['fields'], filter: ApplicationFilter): boolean {
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
  return (a: Entry['fields'], b: Entry['fields']): number => {
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
  const applications = new Map<string, Entry>();
  const events = new Map<string, ApplicationEventRecord[]>();
  const idempotency = new Map<string, IdempotencyRecord>();

  const activeOf = (organizationId: string, programId: string, exceptId?: string) =>
    [...applications.values()].find(
      ({ fields }) =>
        !fields.final && fields.organizationId === organizationId && fields.programId === programId && fields.id !== exceptId,
    );
  const codeWordHolder = (codeWord: string | null, exceptId?: string) =>
    codeWord === null ? undefined : [...applications.values()].find(({ fields }) => fields.codeWord === codeWord && fields.id !== exceptId);

  return {
    async get(id) {
      const entry = applications.get(id);
      return entry === undefined ? undefined : read(entry);
    },

    async list(filter = {}) {
      const offset = filter.offset ?? 0;
      const found = [...applications.values()].filter(({ fields }) => matches(fields, filter));
      found.sort((a, b) => compare(filter.orderBy)(a.fields, b.fields));
      const page = filter.limit === undefined ? found.slice(offset) : found.slice(offset, offset + filter.limit);
      return page.map(read);
    },

    async insert(application, newEvents, options = {}): Promise<InsertResult> {
      if (applications.has(application.id)) return { ok: false, conflict: 'duplicate_id' };
      const active = application.final ? undefined : activeOf(application.organizationId, application.programId);
      if (active !== undefined) return { ok: false, conflict: 'active_application_exists', existingId: active.fields.id };
      if (codeWordHolder(application.codeWord) !== undefined) return { ok: false, conflict: 'code_word_taken' };

      applications.set(application.id, entryOf(application));
      events.set(application.id, copy([...newEvents]));
      if (options.idempotency !== undefined) {
        idempotency.set(idempotencyKey(options.idempotency.actorId, options.idempotency.key), copy(options.idempotency));
      }
      return { ok: true };
    },

    async update(application, expectedVersion, newEvents, options = {}): Promise<UpdateResult> {
      const current = applications.get(application.id);
      if (current === undefined) return { ok: false, conflict: 'not_found' };
      if (current.fields.version !== expectedVersion) return { ok: false, conflict: 'version_conflict', currentVersion: current.fields.version };
      if (codeWordHolder(application.codeWord, application.id) !== undefined) return { ok: false, conflict: 'code_word_taken' };

      applications.set(application.id, entryOf(application));
      // Appended in place: copying the whole log on every write made each write slower than the last.
      const log = events.get(application.id);
      if (log === undefined) events.set(application.id, copy([...newEvents]));
      else log.push(...copy([...newEvents]));
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
      return active === undefined ? undefined : read(active);
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
