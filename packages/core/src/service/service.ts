import { violationsFromZod, type ApplicationDeadlines, type Locale, type Violation, type WorkCalendar } from '@fioco-flow/rules';
import { initialTransition, transition } from 'xstate';
import { z } from 'zod';
import { availableCommands as commandsAvailable, blockReasons, type AvailableCommand } from '../commands/available.js';
import { commandCatalog, isAllowedRole } from '../commands/catalog.js';
import { commandTypes, type CommandType } from '../commands/payloads.js';
import { conditions } from '../machine/conditions.js';
import { applicationDeadlines } from '../machine/deadlines.js';
import type { ApplicationEvent, GeneratedValues } from '../machine/events.js';
import { applyTick, assertHealthy, evaluateCommand, tickEvent, type ApplicationSnapshot } from '../machine/inspect.js';
import { createApplicationMachine, machineVersion, type ApplicationMachine } from '../machine/machine.js';
import { restoreSnapshot, stateOf, type PersistedApplication } from '../machine/persistence.js';
import { submissionViolations } from '../machine/queries.js';
import type { ApplicationState } from '../machine/states.js';
import { actorSchema, type Actor } from '../model/actor.js';
import { fileRefSchema, type FileRef } from '../model/file.js';
import { toIsoInstant as iso } from '../model/instant.js';
import { programSchema, type Program, type ProgramCatalog } from '../model/program.js';
import type { ApplicationEventRecord, ApplicationFilter, ApplicationStore, IdempotencyRecord, StoredApplication } from '../store/port.js';
import type { Clock } from './clock.js';
import { createCodeWordGenerator } from './code-words.js';
import { failure, type Failure } from './errors.js';
import { eventRecord, replayEvents, toStored } from './log.js';
import { redactEvent, toView, visibilityFor, type ApplicationView } from './views.js';

/**
 * Options of {@link createApplicationService}.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type ApplicationServiceOptions } from '@fioco-flow/core';
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const options: ApplicationServiceOptions = {
 *   store: createMemoryStore(),
 *   clock: { now: () => new Date() },
 *   calendar: russianCalendar(),
 *   programs: [program],
 * };
 * ```
 */
export interface ApplicationServiceOptions {
  readonly store: ApplicationStore;
  readonly clock: Clock;
  /** The federal production calendar: every deadline is counted on it. */
  readonly calendar: WorkCalendar;
  /** The programs applications are made for: a catalog or a plain array. */
  readonly programs: ProgramCatalog | readonly Program[];
  /** Generates code words; {@link createCodeWordGenerator} by default. */
  readonly codeWords?: () => string;
  /** Generates ids of applications, rows, documents, messages and payments; `crypto.randomUUID` by default. */
  readonly ids?: () => string;
  /** A regional calendar for an organization's originals deadline. */
  readonly organizationCalendar?: (organizationId: string) => WorkCalendar | undefined;
  /** How long a completed idempotency record is kept, in milliseconds: 24 hours by default. */
  readonly idempotencyTtlMs?: number;
  /** How long a pending idempotency record blocks its key if its request never finishes: 60 seconds by default. */
  readonly pendingIdempotencyTtlMs?: number;
}

/**
 * Options every service call accepts: the language of messages (Russian by default).
 *
 * @example
 * ```ts
 * import type { CallOptions } from '@fioco-flow/core';
 *
 * const english: CallOptions = { locale: 'en' };
 * ```
 */
export interface CallOptions {
  readonly locale?: Locale;
}

/**
 * Options of {@link ApplicationService.dispatch}.
 *
 * @example
 * ```ts
 * import type { DispatchOptions } from '@fioco-flow/core';
 *
 * const options: DispatchOptions = { expectedVersion: 7, idempotencyKey: '5b1f0c2e-submit', locale: 'ru' };
 * ```
 */
export interface DispatchOptions extends CallOptions {
  /** The version the client last saw; a different stored version gives `version_conflict`. */
  readonly expectedVersion?: number;
  /** A client key, scoped to the actor: a retry with the same key and request gets the first response back. */
  readonly idempotencyKey?: string;
  /**
   * Checks the command as a dispatch would and writes nothing: no event, no tick, no idempotency record. A host runs it
   * before work it cannot undo, such as storing uploaded files. The result may differ from a real dispatch that
   * follows if another write lands in between.
   */
  readonly dryRun?: boolean;
}

/**
 * A command accepted: the application after it as visible to the actor, the command's event, and every event written
 * (a `clock.tick` before the command when the clock changed something). `replayed` is true when the response comes
 * from an idempotency record.
 *
 * @example
 * ```ts
 * import type { DispatchSuccess } from '@fioco-flow/core';
 *
 * function newVersion(success: DispatchSuccess): number {
 *   return success.application.version; // equals success.event.version
 * }
 * ```
 */
export interface DispatchSuccess {
  readonly ok: true;
  readonly application: ApplicationView;
  readonly event: ApplicationEventRecord;
  readonly events: readonly ApplicationEventRecord[];
  readonly replayed: boolean;
}

/**
 * The result of `create` and `dispatch`.
 *
 * @example
 * ```ts
 * import type { DispatchResult } from '@fioco-flow/core';
 *
 * function summary(result: DispatchResult): string {
 *   return result.ok ? `${result.event.type} → ${result.application.state}` : `${result.error.code}: ${result.error.message}`;
 * }
 * ```
 */
export type DispatchResult = DispatchSuccess | Failure;

/**
 * The result of `tick`: each application the clock moved or flagged, with its state before and after.
 *
 * @example
 * ```ts
 * import type { TickReport } from '@fioco-flow/core';
 *
 * function lapsed(report: TickReport): string[] {
 *   return report.changed.filter((change) => change.to === 'lapsed').map((change) => change.id);
 * }
 * ```
 */
export interface TickReport {
  readonly at: string;
  readonly checked: number;
  readonly changed: readonly { readonly id: string; readonly from: ApplicationState; readonly to: ApplicationState; readonly version: number }[];
}

/**
 * The application service: creates applications, dispatches commands through the machine and persists each
 * accepted one as a snapshot plus events in one atomic store write. Expected failures are data (`{ ok: false,
 * error }`); only programmer and infrastructure errors throw.
 *
 * @example
 * ```ts
 * import type { ApplicationService } from '@fioco-flow/core';
 *
 * async function submit(service: ApplicationService, id: string, actor: Actor, version: number) {
 *   const result = await service.dispatch(id, actor, { type: 'application.submit', payload: {} }, { expectedVersion: version });
 *   return result.ok ? result.application.state : result.error.message;
 * }
 * ```
 */
export interface ApplicationService {
  /** The machine the service runs, built with the service's calendars. */
  readonly machine: ApplicationMachine;

  /** Creates a draft application of the representative's organization for a program. */
  create(
    actor: Actor,
    input: { readonly programId: string },
    options?: CallOptions & { readonly idempotencyKey?: string },
  ): Promise<DispatchResult>;

  /** Returns the application as the actor may see it; `not_found` for a representative of another organization. */
  get(id: string, actor: Actor, options?: CallOptions): Promise<{ readonly ok: true; readonly application: ApplicationView } | Failure>;

  /** Lists the applications the actor may see that match the filter; a representative sees only their organization's. */
  list(actor: Actor, filter?: ApplicationFilter): Promise<ApplicationView[]>;

  /** Applies the clock at the current time, then the command: authorize, validate, transition, persist. */
  dispatch(id: string, actor: Actor, command: { readonly type: string; readonly payload?: unknown }, options?: DispatchOptions): Promise<DispatchResult>;

  /** Applies the clock to every application whose next deadline is due at `now` (the clock's time by default). */
  tick(now?: string | Date): Promise<TickReport>;

  /** The application's event log as the actor may see it. */
  history(id: string, actor: Actor, options?: CallOptions): Promise<{ readonly ok: true; readonly events: ApplicationEventRecord[] } | Failure>;

  /** Every deadline of the application with its explanation. */
  deadlines(id: string, actor: Actor, options?: CallOptions): Promise<{ readonly ok: true; readonly deadlines: ApplicationDeadlines } | Failure>;

  /** The commands the actor may send now, with reasons for the blocked ones. */
  availableCommands(
    id: string,
    actor: Actor,
    options?: CallOptions,
  ): Promise<
    | { readonly ok: true; readonly state: ApplicationState; readonly version: number; readonly commands: AvailableCommand[] }
    | Failure
  >;

  /** Rebuilds an application's persisted snapshot from its event log. */
  replay(events: readonly ApplicationEventRecord[]): PersistedApplication;
}

const maxWriteAttempts = 5;

// The store returns what the service wrote: snapshots of the current version are not validated again on read.
const trustedStore = { validate: 'migrated' } as const;
const maxGenerationAttempts = 10;


function addMs(instant: string, milliseconds: number): string {
  return new Date(Date.parse(instant) + milliseconds).toISOString();
}

function assertActor(actor: Actor): void {
  const parsed = actorSchema.safeParse(actor);
  if (!parsed.success) {
    throw new TypeError(
      `Invalid actor ${JSON.stringify(actor)}: the host must pass { id, role: 'representative', organizationId } or { id, role: 'staff' | 'system' }.`,
    );
  }
}

function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && (commandTypes as readonly string[]).includes(value);
}

/** JSON with object keys sorted, so that equal requests give equal fingerprints. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Removes the ids of the files a request names. A file's id is where its bytes are stored, not what they are, so a
 * retried upload that stored the same bytes again under a new id is still the same request.
 */
function withoutFileIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFileIds);
  if (value === null || typeof value !== 'object') return value;
  if (fileRefSchema.safeParse(value).success) {
    const { id: _id, ...content } = value as FileRef;
    return content;
  }
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withoutFileIds(entry)]));
}

async function fingerprintOf(request: unknown): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(withoutFileIds(request))));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The year a calendar's `RangeError` says it has no data for. Both errors of a work calendar beyond its data (a date
 * outside it, a count of working days running past it) name the year in their `extendCalendar` hint.
 */
function missingCalendarYear(error: unknown): number | undefined {
  if (!(error instanceof RangeError)) return undefined;
  const named = /years: \{ '(\d{4})'/.exec(error.message) ?? /has no data for (\d{4})/.exec(error.message);
  return named?.[1] === undefined ? undefined : Number(named[1]);
}

function catalogOf(programs: ProgramCatalog | readonly Program[]): ProgramCatalog {
  if (!Array.isArray(programs)) return programs as ProgramCatalog;
  const byId = new Map((programs as readonly Program[]).map((program) => [program.id, program]));
  return { get: (programId) => byId.get(programId) };
}


/**
 * Creates the application service.
 *
 * @example
 * ```ts
 * import { createApplicationService, createMemoryStore } from '@fioco-flow/core';
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const service = createApplicationService({
 *   store: createMemoryStore(),
 *   clock: { now: () => new Date() },
 *   calendar: russianCalendar(),
 *   programs: [program],
 * });
 * const representative = { id: 'rep-orlova', role: 'representative', organizationId: 'org-6912004726' } as const;
 * const created = await service.create(representative, { programId: program.id });
 * if (created.ok) {
 *   await service.dispatch(created.application.id, representative, {
 *     type: 'draft.update',
 *     payload: { paymentTerms: 'prepayment', delivery: 'paper' },
 *   }, { expectedVersion: created.application.version });
 * }
 * ```
 */
export function createApplicationService(options: ApplicationServiceOptions): ApplicationService {
  const { store, clock } = options;
  const programs = catalogOf(options.programs);
  const nextCodeWord = options.codeWords ?? createCodeWordGenerator();
  const nextId = options.ids ?? (() => globalThis.crypto.randomUUID());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const pendingTtlMs = options.pendingIdempotencyTtlMs ?? 60 * 1000;
  const machine = createApplicationMachine({
    calendar: options.calendar,
    ...(options.organizationCalendar === undefined ? {} : { organizationCalendar: options.organizationCalendar }),
  });

  const now = () => iso(clock.now());

  async function uniqueCodeWord(): Promise<string> {
    for (let attempt = 0; attempt < maxGenerationAttempts; attempt += 1) {
      const codeWord = nextCodeWord();
      if (!(await store.isCodeWordTaken(codeWord))) return codeWord;
    }
    throw new Error(`The code word generator returned ${maxGenerationAttempts} taken code words in a row: check that it is random.`);
  }

  async function generate(type: CommandType): Promise<GeneratedValues> {
    const { generates } = commandCatalog[type];
    return {
      ...(generates.id ? { id: nextId() } : {}),
      ...(generates.codeWord ? { codeWord: await uniqueCodeWord() } : {}),
    };
  }

  type Completion = (response: DispatchResult) => IdempotencyRecord;

  /**
   * Runs an operation under an idempotency key: replays a completed response, rejects a key in use or reused
   * for another request, and otherwise claims the key, runs, and records the response.
   */
  async function withIdempotency(
    actor: Actor,
    key: string | undefined,
    request: unknown,
    applicationId: string | null,
    locale: Locale,
    run: (completion: Completion | undefined) => Promise<DispatchResult>,
  ): Promise<DispatchResult> {
    if (key === undefined) return run(undefined);

    const startedAt = now();
    const fingerprint = await fingerprintOf(request);
    const fromExisting = (existing: IdempotencyRecord): DispatchResult => {
      if (existing.fingerprint !== fingerprint) return failure({ code: 'idempotency_mismatch', key }, locale);
      if (existing.status === 'pending') return failure({ code: 'idempotency_in_progress', key }, locale);
      const response = existing.response as DispatchResult;
      return response.ok ? { ...response, replayed: true } : response;
    };

    const existing = await store.getIdempotency(actor.id, key, startedAt);
    if (existing !== undefined) return fromExisting(existing);

    const pending: IdempotencyRecord = {
      actorId: actor.id,
      key,
      fingerprint,
      status: 'pending',
      applicationId,
      response: null,
      createdAt: startedAt,
      expiresAt: addMs(startedAt, pendingTtlMs),
    };
    const claim = await store.claimIdempotency(pending, startedAt);
    if (!claim.claimed) return fromExisting(claim.existing);

    const completion: Completion = (response) => ({
      ...pending,
      status: 'completed',
      applicationId: response.ok ? response.application.id : applicationId,
      response,
      expiresAt: addMs(startedAt, idempotencyTtlMs),
    });
    try {
      const result = await run(completion);
      // A success wrote its record together with the application; a failure is recorded here.
      if (!result.ok) await store.saveIdempotency(completion(result));
      return result;
    } catch (error) {
      await store.releaseIdempotency(actor.id, key);
      throw error;
    }
  }

  async function loadVisible(id: string, actor: Actor) {
    const stored = await store.get(id);
    if (stored === undefined) return undefined;
    const visibility = visibilityFor(actor, stored);
    return visibility === null ? undefined : { stored, visibility };
  }

  /** Writes a tick that changed the application, when the command after it failed; a conflict means someone else wrote. */
  async function persistTickOnly(current: StoredApplication, ticked: ApplicationSnapshot, at: string): Promise<void> {
    const version = current.version + 1;
    await store.update(toStored(ticked, version), current.version, [eventRecord(current.id, version, tickEvent(at), stateOf(ticked))]);
  }

  async function executeCommand(
    initial: StoredApplication,
    actor: Actor,
    command: { readonly type: string; readonly payload?: unknown },
    options: DispatchOptions,
    locale: Locale,
    completion: Completion | undefined,
  ): Promise<DispatchResult> {
    const { type } = command;
    if (!isCommandType(type)) {
      const violation: Violation = { code: 'invalid_format', path: ['type'], params: { value: String(type) } };
      return failure({ code: 'invalid_payload', operation: String(type), violations: [violation] }, locale);
    }
    if (!isAllowedRole(type, actor.role)) return failure({ code: 'forbidden', operation: type, role: actor.role }, locale);

    // The input goes into the issues so that messages can quote the value the client sent.
    const parsed = (commandCatalog[type].schema as z.ZodType).safeParse(command.payload ?? {}, { reportInput: true });
    if (!parsed.success) {
      return failure({ code: 'invalid_payload', operation: type, violations: violationsFromZod(parsed.error) }, locale);
    }
    const payload = parsed.data;
    const visibility = visibilityFor(actor, initial) ?? 'restricted';

    let current = initial;
    for (let attempt = 1; ; attempt += 1) {
      const at = now();
      const original = restoreSnapshot(machine, current.snapshot, trustedStore);
      // The clock goes first, so that a command after a deadline finds the state the deadline left. A tick
      // command is itself the clock.
      const pre = type === 'clock.tick' ? { snapshot: original, changed: false } : applyTick(machine, original, at);
      const snapshot = pre.snapshot;
      const rejectWith = async (result: Failure): Promise<Failure> => {
        if (pre.changed && options.dryRun !== true) await persistTickOnly(current, snapshot, at);
        return result;
      };

      const check = commandCatalog[type].check as ((payload: unknown, data: typeof snapshot.context) => Violation[]) | undefined;
      const violations = check?.(payload, snapshot.context) ?? [];
      if (violations.length > 0) return rejectWith(failure({ code: 'invalid_payload', operation: type, violations }, locale));

      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
        return failure({ code: 'version_conflict', expected: options.expectedVersion, current: current.version }, locale);
      }

      const event = { type, at, actor, payload, generated: await generate(type) } as ApplicationEvent;
      const evaluation = evaluateCommand(snapshot, event);
      if (evaluation.kind === 'not_in_state') {
        return rejectWith(failure({ code: 'not_allowed', operation: type, state: stateOf(snapshot) }, locale));
      }
      if (evaluation.kind === 'blocked') {
        if (type === 'application.submit' && evaluation.failing.every((name) => name === 'submissionRulesMet')) {
          return rejectWith(failure({ code: 'rule_violations', operation: type, violations: submissionViolations(snapshot.context) }, locale));
        }
        const reasons = blockReasons(evaluation.failing, snapshot, event, locale);
        return rejectWith(failure({ code: 'blocked', operation: type, reasons }, locale));
      }

      // A deadline the command opens (originals after the act, a replaced document's review) may fall in a year the
      // calendar has no data for: a refusal the host fixes by extending the calendar, not a crash.
      let next: ApplicationSnapshot;
      try {
        next = assertHealthy(transition(machine, snapshot, event)[0]);
      } catch (error) {
        const year = missingCalendarYear(error);
        if (year === undefined) throw error;
        return rejectWith(failure({ code: 'calendar_out_of_range', operation: type, year }, locale));
      }
      const events: ApplicationEventRecord[] = [];
      if (pre.changed) events.push(eventRecord(current.id, current.version + 1, tickEvent(at), stateOf(snapshot)));
      const version = current.version + events.length + 1;
      const record = eventRecord(current.id, version, event, stateOf(next));
      events.push(record);

      const stored = toStored(next, version);
      const result: DispatchSuccess = { ok: true, application: toView(stored, visibility), event: record, events, replayed: false };
      if (options.dryRun === true) return result;
      const write = await store.update(stored, current.version, events, completion === undefined ? {} : { idempotency: completion(result) });
      if (write.ok) return result;
      if (write.conflict === 'not_found') return failure({ code: 'not_found', id: current.id }, locale);
      if (write.conflict === 'version_conflict' && (options.expectedVersion !== undefined || attempt === maxWriteAttempts)) {
        return failure({ code: 'version_conflict', expected: current.version, current: write.currentVersion }, locale);
      }
      if (write.conflict === 'code_word_taken' && attempt === maxWriteAttempts) {
        throw new Error(`Every code word generated for ${current.id} was taken by the time it was written: check the code word generator.`);
      }

      // Another writer got in first (or took the code word): start over from the stored version.
      const reloaded = await store.get(current.id);
      if (reloaded === undefined) return failure({ code: 'not_found', id: current.id }, locale);
      current = reloaded;
    }
  }

  async function tickOne(initial: StoredApplication, at: string) {
    let current = initial;
    for (let attempt = 1; attempt <= maxWriteAttempts; attempt += 1) {
      const original = restoreSnapshot(machine, current.snapshot, trustedStore);
      const { snapshot, changed } = applyTick(machine, original, at);
      if (!changed) return null;

      const version = current.version + 1;
      const event = eventRecord(current.id, version, tickEvent(at), stateOf(snapshot));
      const write = await store.update(toStored(snapshot, version), current.version, [event]);
      if (write.ok) return { id: current.id, from: current.state, to: stateOf(snapshot), version };

      const reloaded = await store.get(current.id);
      if (reloaded === undefined || reloaded.final) return null;
      current = reloaded;
    }
    return null;
  }

  return {
    machine,

    async create(actor, input, callOptions = {}) {
      assertActor(actor);
      const locale = callOptions.locale ?? 'ru';
      if (actor.role !== 'representative') return failure({ code: 'forbidden', operation: 'application.create', role: actor.role }, locale);
      const { organizationId } = actor;
      const request = { type: 'application.create', programId: input.programId };

      return withIdempotency(actor, callOptions.idempotencyKey, request, null, locale, async (completion) => {
        const found = await programs.get(input.programId);
        if (found === undefined) return failure({ code: 'program_not_found', programId: input.programId }, locale);
        const parsedProgram = programSchema.safeParse(found);
        if (!parsedProgram.success) {
          return failure({ code: 'invalid_program', programId: input.programId, detail: z.prettifyError(parsedProgram.error) }, locale);
        }
        const program = parsedProgram.data;

        const active = await store.findActive(organizationId, program.id);
        if (active !== undefined) {
          return failure({ code: 'duplicate_application', existingId: active.id, programTitle: program.title }, locale);
        }

        for (let attempt = 1; ; attempt += 1) {
          const at = now();
          const id = nextId();
          const [snapshot] = initialTransition(machine, { id, organizationId, program, createdAt: at, createdBy: actor.id });
          if (snapshot.status === 'error') {
            // The calendar has no data for the course dates: the program cannot be used until the calendar is extended.
            const cause = snapshot.error;
            if (cause instanceof RangeError) return failure({ code: 'invalid_program', programId: program.id, detail: cause.message }, locale);
            throw cause;
          }

          const probe = tickEvent(at);
          if (!conditions.beforeSubmissionDeadline.holds(snapshot.context, probe)) {
            const reasons = blockReasons(['beforeSubmissionDeadline'], snapshot, probe, locale);
            return failure({ code: 'blocked', operation: 'application.create', reasons }, locale);
          }

          const event: ApplicationEventRecord = {
            applicationId: id,
            version: 1,
            type: 'application.create',
            at,
            actor,
            payload: { organizationId, program },
            generated: { id },
            state: 'draft',
            machineVersion,
          };
          const stored = toStored(snapshot, 1);
          const result: DispatchSuccess = { ok: true, application: toView(stored, 'full'), event, events: [event], replayed: false };
          const write = await store.insert(stored, [event], completion === undefined ? {} : { idempotency: completion(result) });
          if (write.ok) return result;
          if (write.conflict === 'active_application_exists') {
            return failure({ code: 'duplicate_application', existingId: write.existingId, programTitle: program.title }, locale);
          }
          if (attempt === maxWriteAttempts) {
            throw new Error(`The id generator returned ${maxWriteAttempts} ids that were already taken: check that it returns unique ids.`);
          }
        }
      });
    },

    async get(id, actor, callOptions = {}) {
      assertActor(actor);
      const found = await loadVisible(id, actor);
      if (found === undefined) return failure({ code: 'not_found', id }, callOptions.locale ?? 'ru');
      return { ok: true, application: toView(found.stored, found.visibility) };
    },

    async list(actor, filter = {}) {
      assertActor(actor);
      if (actor.role === 'representative') {
        if (filter.organizationId !== undefined && filter.organizationId !== actor.organizationId) return [];
        filter = { ...filter, organizationId: actor.organizationId };
      }
      const found = await store.list(filter);
      return found.flatMap((stored) => {
        const visibility = visibilityFor(actor, stored);
        return visibility === null ? [] : [toView(stored, visibility)];
      });
    },

    async dispatch(id, actor, command, dispatchOptions = {}) {
      assertActor(actor);
      const locale = dispatchOptions.locale ?? 'ru';
      const found = await loadVisible(id, actor);
      if (found === undefined) return failure({ code: 'not_found', id }, locale);

      if (dispatchOptions.dryRun === true) return executeCommand(found.stored, actor, command, dispatchOptions, locale, undefined);
      const request = { applicationId: id, type: command.type, payload: command.payload ?? {} };
      return withIdempotency(actor, dispatchOptions.idempotencyKey, request, id, locale, (completion) =>
        executeCommand(found.stored, actor, command, dispatchOptions, locale, completion),
      );
    },

    async tick(at) {
      const instant = iso(at ?? clock.now());
      const seen = new Set<string>();
      const changed: { id: string; from: ApplicationState; to: ApplicationState; version: number }[] = [];
      // Applications the clock left unchanged stay due and sort before the unseen ones: skip past them.
      let unchanged = 0;
      for (;;) {
        const page = await store.list({ dueBefore: instant, final: false, orderBy: 'nextDeadlineAt', limit: 100, offset: unchanged });
        const fresh = page.filter((application) => !seen.has(application.id));
        if (fresh.length === 0) break;
        for (const application of fresh) {
          seen.add(application.id);
          const outcome = await tickOne(application, instant);
          if (outcome === null) unchanged += 1;
          else changed.push(outcome);
        }
      }
      return { at: instant, checked: seen.size, changed };
    },

    async history(id, actor, callOptions = {}) {
      assertActor(actor);
      const found = await loadVisible(id, actor);
      if (found === undefined) return failure({ code: 'not_found', id }, callOptions.locale ?? 'ru');
      const events = await store.events(id);
      return { ok: true, events: events.map((event) => redactEvent(event, found.visibility)) };
    },

    async deadlines(id, actor, callOptions = {}) {
      assertActor(actor);
      const found = await loadVisible(id, actor);
      if (found === undefined) return failure({ code: 'not_found', id }, callOptions.locale ?? 'ru');
      return { ok: true, deadlines: applicationDeadlines(found.stored.snapshot.data, machineDependencies(options)) };
    },

    async availableCommands(id, actor, callOptions = {}) {
      assertActor(actor);
      const locale = callOptions.locale ?? 'ru';
      const found = await loadVisible(id, actor);
      if (found === undefined) return failure({ code: 'not_found', id }, locale);
      const { stored } = found;
      const commands = commandsAvailable(stored.snapshot, actor, { now: clock.now(), locale });
      return { ok: true, state: stored.state, version: stored.version, commands };
    },

    replay(events) {
      return replayEvents(machine, events);
    },
  };
}

function machineDependencies(options: ApplicationServiceOptions) {
  return {
    calendar: options.calendar,
    ...(options.organizationCalendar === undefined ? {} : { organizationCalendar: options.organizationCalendar }),
  };
}
