import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createApplicationService,
  createManualClock,
  createMemoryStore,
  programSchema,
  type Actor,
  type FileRef,
  type FileStore,
  type ManualClock,
  type Program,
} from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import { createDirectoryFileStore, createHttpHandler, type HttpHandler, type HttpHandlerOptions } from '../../src/index.js';
import { pdfBytes } from './files.js';

export const representative: Actor = { id: 'rep-orlova', role: 'representative', organizationId: 'org-6912004726' };
export const otherRepresentative: Actor = { id: 'rep-ivanov', role: 'representative', organizationId: 'org-7701000000' };
export const staff: Actor = { id: 'staff-lebedev', role: 'staff' };

const actorsByToken: Record<string, Actor> = {
  'token-orlova': representative,
  'token-ivanov': otherRepresentative,
  'token-lebedev': staff,
};

/** The bearer token the test authentication accepts for an actor. */
export function tokenOf(actor: Actor): string {
  const entry = Object.entries(actorsByToken).find(([, candidate]) => candidate.id === actor.id);
  if (entry === undefined) throw new Error(`No token for ${actor.id}`);
  return entry[0];
}

/** Organization requisites that pass every check at submission. */
export const organization = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
};

/** A participant row that passes every check at submission. */
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
};

export interface Harness {
  readonly handler: HttpHandler;
  readonly clock: ManualClock;
  readonly files: FileStore;
  readonly program: Program;
  readonly errors: unknown[];
  /** Sends a request as an actor (or anonymously) and returns the response. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Creates a draft application as the representative and returns its id and ETag. */
  createDraft(): Promise<{ id: string; etag: string }>;
  /** Removes the temporary file store directory. */
  close(): Promise<void>;
}

export interface RequestOptions {
  readonly actor?: Actor;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly headers?: Record<string, string>;
  readonly body?: BodyInit;
}

/**
 * Builds a handler over a memory store, a temporary directory file store and a manual clock standing
 * at Monday 2 March 2026, 12:00 Moscow time: a week before the submission deadline of the program
 * (course from Monday 16 March, last day to submit Wednesday 4 March).
 */
export async function createHarness(overrides: Partial<HttpHandlerOptions> = {}): Promise<Harness> {
  const directory = await mkdtemp(join(tmpdir(), 'fioco-flow-http-'));
  const files = createDirectoryFileStore(directory);
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const store = createMemoryStore();

  const template = (name: string): Promise<FileRef> => files.put(pdfBytes, { name, mediaType: 'application/pdf' });
  const program = programSchema.parse({
    id: 'vpr-2026-03',
    title: { ru: 'Оценивание ответов на задания ВПР', en: 'Marking the national tests' },
    hours: 36,
    courseStart: '2026-03-16',
    courseEnd: '2026-03-27',
    courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
    pricePerRow: 450_000,
    subjects: [
      { id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } },
      { id: 'mathematics', title: { ru: 'Математика', en: 'Mathematics' } },
    ],
    requiredDocuments: ['diploma', 'snils'],
    templates: {
      contract: { prepayment: await template('Договор (предоплата).pdf'), postpayment: await template('Договор (постоплата).pdf') },
      consentForm: await template('Согласие.pdf'),
    },
  });

  let nextId = 1;
  const calendar = russianCalendar();
  const service = createApplicationService({
    store,
    clock,
    calendar,
    programs: [program],
    ids: () => `id-${nextId++}`,
  });

  const errors: unknown[] = [];
  const handler = createHttpHandler({
    service,
    store,
    files,
    clock,
    calendar,
    programs: [program],
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /u, '');
      return token === undefined ? null : (actorsByToken[token] ?? null);
    },
    onError: (error) => {
      errors.push(error);
    },
    ...overrides,
  });

  const request = (method: string, path: string, options: RequestOptions = {}) => {
    const headers = new Headers(options.headers);
    if (options.actor) headers.set('authorization', `Bearer ${tokenOf(options.actor)}`);
    let body: BodyInit | undefined = options.body;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    }
    if (options.form !== undefined) body = options.form;
    return handler(new Request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
  };

  return {
    handler,
    clock,
    files,
    program,
    errors,
    request,
    async createDraft() {
      const response = await request('POST', '/applications', { actor: representative, json: { programId: program.id } });
      if (response.status !== 201) throw new Error(`Draft not created: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { id: string };
      return { id: body.id, etag: response.headers.get('etag') ?? '' };
    },
    close: () => rm(directory, { recursive: true, force: true }),
  };
}

/** Sends a command to an application with the given ETag and returns the response. */
export function sendCommand(
  harness: Harness,
  actor: Actor,
  id: string,
  etag: string | undefined,
  command: { type: string; payload?: unknown },
  headers: Record<string, string> = {},
): Promise<Response> {
  return harness.request('POST', `/applications/${id}/commands`, {
    actor,
    json: command,
    headers: { ...(etag === undefined ? {} : { 'if-match': etag }), ...headers },
  });
}

/** Sends a multipart upload to a route with the given ETag. */
export function upload(
  harness: Harness,
  actor: Actor,
  method: 'POST' | 'PUT',
  path: string,
  fields: Record<string, string>,
  files: readonly { field: string; bytes: Uint8Array; name: string; type?: string }[],
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(file.field, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? '' }), file.name);
  return harness.request(method, path, { actor, form, headers });
}

/** A draft with complete requisites, consents and one participant row with both documents: ready to submit. */
export async function createSubmittableDraft(harness: Harness): Promise<{ id: string; etag: string; rowId: string; documentIds: string[] }> {
  const { id, etag: created } = await harness.createDraft();
  const updated = await sendCommand(harness, representative, id, created, {
    type: 'draft.update',
    payload: { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } },
  });
  const added = await sendCommand(harness, representative, id, etagOf(updated), { type: 'row.add', payload: { row: participantRow } });
  const rowId = ((await added.clone().json()) as { data: { rows: { id: string }[] } }).data.rows[0]?.id ?? '';

  let etag = etagOf(added);
  for (const kind of ['diploma', 'snils']) {
    const attached = await upload(harness, representative, 'POST', `/applications/${id}/documents`, { kind, rowIds: rowId }, [
      { field: 'file', bytes: pdfBytes, name: `${kind}.pdf` },
    ], { 'if-match': etag });
    if (attached.status !== 200) throw new Error(`Upload failed: ${attached.status} ${await attached.text()}`);
    etag = etagOf(attached);
  }
  const documents = await harness.request('GET', `/applications/${id}/documents`, { actor: representative });
  const documentIds = ((await documents.json()) as { documents: { id: string }[] }).documents.map((document) => document.id);
  return { id, etag, rowId, documentIds };
}

/** A submitted application: see {@link createSubmittableDraft}. */
export async function createSubmittedApplication(harness: Harness) {
  const draft = await createSubmittableDraft(harness);
  const submitted = await sendCommand(harness, representative, draft.id, draft.etag, { type: 'application.submit' });
  if (submitted.status !== 200) throw new Error(`Submission failed: ${submitted.status} ${await submitted.text()}`);
  return { ...draft, etag: etagOf(submitted) };
}

/** The ETag of a response, failing loudly when it is missing. */
export function etagOf(response: Response): string {
  const etag = response.headers.get('etag');
  if (etag === null) throw new Error(`No ETag on a ${response.status} response`);
  return etag;
}
