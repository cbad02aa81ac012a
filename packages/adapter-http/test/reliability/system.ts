// The system behind the HTTP handler in the reliability tests: the service on a memory store, a file store in
// memory, a manual clock, and applications driven into every state of the procedure through the service.
import { createHash } from 'node:crypto';
import {
  applicationStates,
  createApplicationService,
  createManualClock,
  createMemoryStore,
  fileRefSchema,
  type Actor,
  type ApplicationEventRecord,
  type ApplicationService,
  type ApplicationState,
  type ApplicationStore,
  type FileRef,
  type FileStore,
  type ManualClock,
  type StoredApplication,
} from '@fioco-flow/core';
import { testProgram } from '@fioco-flow/core/testing';
import { russianCalendar } from '@fioco-flow/rules';
import { createHttpHandler, type HttpHandler, type HttpHandlerOptions } from '../../src/index.js';
import { pdfBytes } from '../support/files.js';

export const owner: Actor = { id: 'rep-orlova', role: 'representative', organizationId: 'org-6912004726' };
export const stranger: Actor = { id: 'rep-ivanov', role: 'representative', organizationId: 'org-7701000000' };
export const staff: Actor = { id: 'staff-lebedev', role: 'staff' };
export const scheduler: Actor = { id: 'scheduler', role: 'system' };

/** Every caller of the matrix: the owning organization, another organization, staff, the system, and a request without an actor. */
export const callers = { owner, stranger, staff, system: scheduler, anonymous: null } as const;
export type CallerName = keyof typeof callers;

export const calendar = russianCalendar();
export const program = testProgram();

/** A file store in memory whose ids are predictable: `file-1`, `file-2`, … Counts every `put`. */
export interface MemoryFileStore extends FileStore {
  readonly files: Map<string, { readonly ref: FileRef; readonly bytes: Uint8Array }>;
  readonly puts: () => number;
}

export function createMemoryFileStore(initial: ReadonlyMap<string, { readonly ref: FileRef; readonly bytes: Uint8Array }> = new Map()): MemoryFileStore {
  const files = new Map(initial);
  let puts = 0;
  return {
    files,
    puts: () => puts,
    async put(bytes, meta) {
      puts += 1;
      const ref = fileRefSchema.parse({
        id: `file-${files.size + 1}`,
        name: meta.name,
        mediaType: meta.mediaType,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      files.set(ref.id, { ref, bytes: Uint8Array.from(bytes) });
      return ref;
    },
    async get(id) {
      return files.get(id);
    },
  };
}

/** Files every test starts with: one per scan a template application or a command refers to. */
export const seededFiles = createMemoryFileStore();
const seed = (name: string) => seededFiles.put(pdfBytes, { name: `${name}.pdf`, mediaType: 'application/pdf' });
export const fileRefs = {
  diploma: await seed('diploma'),
  snils: await seed('snils'),
  snilsAgain: await seed('snils-again'),
  contractSigned: await seed('contract-signed'),
  consentSigned: await seed('consent-signed'),
  contractConcluded: await seed('contract-concluded'),
  invoice: await seed('invoice'),
  act: await seed('act'),
  actSigned: await seed('act-signed'),
  attachment: await seed('attachment'),
} as const;

/** The store, the file store and the clock of one test, behind a handler; each can be swapped for a wrapper. */
export interface System {
  readonly handler: HttpHandler;
  readonly service: ApplicationService;
  /** The store the service writes to (through the wrapper, when one is given). */
  readonly store: ApplicationStore;
  /** The file store behind the handler, without its wrapper. */
  readonly files: MemoryFileStore;
  readonly clock: ManualClock;
  readonly errors: unknown[];
  /** Sends a request as a caller, with JSON or a form as the body. */
  request(method: string, path: string, options?: { caller?: CallerName; json?: unknown; form?: FormData; headers?: Record<string, string> }): Promise<Response>;
  /**
   * Empties the stores (the file store keeps the seeded files) and inserts the template's application, with the
   * clock at the template's instant. Building a handler takes milliseconds, so a matrix of thousands of cells
   * reuses one.
   */
  reset(template?: Template): Promise<void>;
}

export interface SystemOptions {
  readonly start?: string;
  readonly wrapStore?: (store: ApplicationStore) => ApplicationStore;
  readonly wrapFiles?: (files: MemoryFileStore) => FileStore;
  readonly handler?: Partial<HttpHandlerOptions>;
}

const storeMethods = [
  'get',
  'list',
  'insert',
  'update',
  'events',
  'findActive',
  'isCodeWordTaken',
  'getIdempotency',
  'claimIdempotency',
  'saveIdempotency',
  'releaseIdempotency',
] as const satisfies readonly (keyof ApplicationStore)[];

/** A store that forwards every call to the store `target()` returns at the time of the call. */
function forwardingStore(target: () => ApplicationStore): ApplicationStore {
  const forwarding: Record<string, unknown> = {};
  for (const method of storeMethods) {
    forwarding[method] = (...args: unknown[]) => (target()[method] as (...values: unknown[]) => unknown)(...args);
  }
  return forwarding as unknown as ApplicationStore;
}

let systems = 0;

/** Builds a handler over a memory store and a copy of the seeded files, authenticating `Bearer <caller name>`. */
export function createSystem(options: SystemOptions = {}): System {
  systems += 1;
  const prefix = `s${systems}`;
  let counter = 0;
  let memory = createMemoryStore();
  const store = options.wrapStore?.(forwardingStore(() => memory)) ?? forwardingStore(() => memory);
  let files = createMemoryFileStore(seededFiles.files);
  const forwardingFiles: MemoryFileStore = {
    get files() {
      return files.files;
    },
    puts: () => files.puts(),
    put: (bytes, meta) => files.put(bytes, meta),
    get: (id) => files.get(id),
  };
  const clock = createManualClock(options.start ?? '2026-02-20T09:00:00.000Z');
  const service = createApplicationService({ store, clock, calendar, programs: [program], ids: () => `${prefix}-${(counter += 1)}` });
  const errors: unknown[] = [];
  const handler = createHttpHandler({
    service,
    store,
    files: options.wrapFiles?.(forwardingFiles) ?? forwardingFiles,
    clock,
    calendar,
    authenticate: (request) => {
      const name = request.headers.get('authorization')?.replace(/^Bearer /u, '') as CallerName | undefined;
      return name === undefined ? null : (callers[name] ?? null);
    },
    onError: (error) => {
      errors.push(error);
    },
    ...options.handler,
  });

  return {
    handler,
    service,
    store,
    files: forwardingFiles,
    clock,
    errors,
    request(method, path, requestOptions = {}) {
      const headers = new Headers(requestOptions.headers);
      if (requestOptions.caller !== undefined && requestOptions.caller !== 'anonymous') headers.set('authorization', `Bearer ${requestOptions.caller}`);
      let body: BodyInit | undefined;
      if (requestOptions.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(requestOptions.json);
      }
      if (requestOptions.form !== undefined) body = requestOptions.form;
      return handler(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
    },
    async reset(template) {
      memory = createMemoryStore();
      files = createMemoryFileStore(seededFiles.files);
      errors.length = 0;
      if (template === undefined) return;
      clock.set(template.at);
      const inserted = await memory.insert(template.stored, template.events);
      if (!inserted.ok) throw new Error(`Cannot insert the ${template.state} template: ${inserted.conflict}`);
    },
  };
}

/** An application in one state, with the instant its tests run at and the ids commands need. */
export interface Template {
  readonly state: ApplicationState;
  readonly at: string;
  readonly stored: StoredApplication;
  readonly events: readonly ApplicationEventRecord[];
  readonly rowId: string;
  /** The first document (the diploma): pending after submission, accepted from the review on. */
  readonly documentId: string;
  /** The second document (the SNILS): rejected in `submitted`, its replacement accepted from then on. */
  readonly replaceableDocumentId: string;
}

/** Instants of the fixed walk for a course from Monday 16 to Friday 27 March 2026 (Moscow is UTC+3). */
const times = {
  created: '2026-02-20T09:00:00.000Z',
  submitted: '2026-02-24T09:00:00.000Z',
  reviewed: '2026-02-25T09:00:00.000Z',
  inWork: '2026-03-02T09:00:00.000Z',
  signed: '2026-03-03T09:00:00.000Z',
  // 10:00 Moscow time on the course's last day: closing documents and results are allowed.
  lastDay: '2026-03-27T07:00:00.000Z',
  originals: '2026-03-30T09:00:00.000Z',
  // The draft lapsed at the end of Wednesday 4 March, Moscow time.
  afterSubmissionDeadline: '2026-03-05T09:00:00.000Z',
} as const;

const organization = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
};

export const participantRow = {
  subject: 'mathematics',
  lastName: 'Морозов',
  firstName: 'Дмитрий',
  patronymic: 'Олегович',
  sex: 'male',
  birthDate: '1979-11-03',
  citizenship: 'RU',
  snils: '143-902-781 61',
  email: 'morozov.do@krasnoozersk-edu.ru',
  phone: '8 (920) 155-62-90',
  position: 'учитель математики',
  education: 'higher',
  diplomaSurname: 'Морозов',
  diplomaSeries: '106905',
  diplomaNumber: '1174302',
} as const;

export const trackingNumber = 'RA123456785RU';

/**
 * Drives a new application of the owner's organization into a state through the service, on the happy path
 * (prepayment, paper delivery, one participant row) or off it for the final states.
 */
async function driveTo(state: ApplicationState): Promise<Template> {
  const store = createMemoryStore();
  const clock = createManualClock(times.created);
  let counter = 0;
  const service = createApplicationService({ store, clock, calendar, programs: [program], ids: () => `${state}-${(counter += 1)}` });
  const send = async (actor: Actor, type: string, payload: unknown, at?: string) => {
    if (at !== undefined) clock.set(at);
    const result = await service.dispatch(id, actor, { type, payload });
    if (!result.ok) throw new Error(`Driving to ${state}: ${type} failed with ${result.error.code}: ${result.error.message}`);
    return result;
  };
  const done = async (at: string): Promise<Template> => {
    clock.set(at);
    const stored = (await store.get(id)) as StoredApplication;
    if (stored.state !== state) throw new Error(`Driving to ${state} ended in ${stored.state}`);
    return { state, at, stored, events: await store.events(id), rowId, documentId: diplomaId, replaceableDocumentId: snilsId };
  };

  const created = await service.create(owner, { programId: program.id });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.application.id;
  await send(owner, 'draft.update', { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } });
  const rowId = (await send(owner, 'row.add', { row: participantRow })).event.generated.id as string;
  const diplomaId = (await send(owner, 'document.attach', { rowIds: [rowId], kind: 'diploma', file: fileRefs.diploma })).event.generated.id as string;
  const snilsId = (await send(owner, 'document.attach', { rowIds: [rowId], kind: 'snils', file: fileRefs.snils })).event.generated.id as string;
  if (state === 'draft') return done(times.created);
  if (state === 'discarded') {
    await send(owner, 'application.discard', {});
    return done(times.created);
  }
  if (state === 'lapsed') {
    clock.set(times.afterSubmissionDeadline);
    await service.tick();
    return done(times.afterSubmissionDeadline);
  }

  // Submitted, with the SNILS scan rejected: one document to accept, one to replace.
  await send(owner, 'application.submit', {}, times.submitted);
  await send(staff, 'document.reject', { documentId: snilsId, reason: 'Скан нечитаем' }, times.reviewed);
  if (state === 'submitted') return done(times.reviewed);
  if (state === 'declined' || state === 'withdrawn') {
    await send(state === 'declined' ? staff : owner, state === 'declined' ? 'application.decline' : 'application.withdraw', { reason: 'Курс перенесён' });
    return done(times.reviewed);
  }

  await send(owner, 'document.replace', { documentId: snilsId, file: fileRefs.snilsAgain });
  await send(staff, 'document.accept', { documentId: diplomaId });
  await send(staff, 'document.accept', { documentId: snilsId });
  await send(staff, 'application.take_into_work', {}, times.inWork);
  if (state === 'in_work.awaiting_signed_scans') return done(times.inWork);

  await send(owner, 'contract.upload_signed', { contract: fileRefs.contractSigned, consent: fileRefs.consentSigned }, times.signed);
  if (state === 'in_work.signed_scans_under_review') return done(times.signed);

  await send(staff, 'contract.confirm', {});
  if (state === 'enrolled') return done(times.lastDay);

  await send(staff, 'contract.send_concluded', { file: fileRefs.contractConcluded });
  await send(staff, 'invoice.send', { file: fileRefs.invoice });
  await send(staff, 'closing.issue', { act: fileRefs.act }, times.lastDay);
  await send(staff, 'results.record', { results: [{ rowId, passed: true }] });
  if (state === 'closing') return done(times.originals);
  if (state === 'closed') {
    await send(staff, 'application.close', { reason: 'Оригиналы не пришли' }, times.originals);
    return done(times.originals);
  }

  await send(owner, 'act.upload_signed', { file: fileRefs.actSigned }, times.originals);
  await send(owner, 'originals.record_sent', { trackingNumber });
  await send(staff, 'originals.record_received', {});
  await send(staff, 'package.dispatch', { trackingNumber });
  if (state === 'awaiting_payment') return done(times.originals);

  await send(staff, 'payment.record', { amount: program.pricePerRow, paidOn: '2026-03-30', reference: 'п/п № 418' });
  await send(staff, 'certificates.dispatch', { trackingNumber });
  return done(times.originals);
}

/** One template per state of the procedure. */
export async function buildTemplates(): Promise<Map<ApplicationState, Template>> {
  const templates = new Map<ApplicationState, Template>();
  for (const state of applicationStates) templates.set(state, await driveTo(state));
  return templates;
}

/** A new system holding the template's application, with the clock at the template's instant. */
export async function systemWith(template: Template, options: SystemOptions = {}): Promise<System> {
  const system = createSystem({ ...options, start: template.at });
  await system.reset(template);
  return system;
}

/** The ETag of the current version as the HTTP API writes it. */
export function etagOf(version: number): string {
  return `"${version}-ru"`;
}
