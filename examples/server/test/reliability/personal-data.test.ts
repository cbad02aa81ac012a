import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDirectoryFileStore, createHttpHandler } from '@fioco-flow/adapter-http';
import { commandTypes, createApplicationService, type Actor } from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import { createPgliteStore } from '@fioco-flow/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerClock } from '../../src/clock.js';
import { createTextPdf } from '../../src/pdf.js';
import { demoPrograms, seedTemplates } from '../../src/seed.js';
import { removeDirectory, startServerProcess, temporaryDirectory, type ServerProcess } from '../support/server-process.js';

// The whole procedure through the example server at LOG_LEVEL=debug, with the participants of the walkthrough and
// personal data put where a careless server could echo it: file names, message texts, rejection reasons, paths. No
// log line may hold a СНИЛС in any formatting, a passport number or a date of birth. Then a representative of another
// organization sends every request there is about the application; no response to them may hold any of these either.

/** A participant row of the walkthrough, as `row.add` takes it. */
type Participant = Record<string, unknown> & {
  readonly snils: string;
  readonly birthDate: string;
  readonly diplomaSurname: string;
  readonly lastName: string;
};

const walkthrough = JSON.parse(readFileSync(fileURLToPath(new URL('../../../walkthrough/application.json', import.meta.url)), 'utf8')) as {
  participants: (Participant & { id: string; documents?: unknown })[];
};
// Row 1 changed her surname after the diploma, so she needs the name-change document too.
const participants: Participant[] = walkthrough.participants
  .filter((participant) => ['row-1', 'row-2', 'row-5'].includes(participant.id))
  .map(({ documents: _documents, id: _id, ...row }) => row);
const passportNumber = '45 10 123456';
const scan = createTextPdf(['Scan for the personal data test']);

/** Lists every personal value of the test as a pattern that matches the forms it may take in a text. */
function personalValues(): { label: string; pattern: RegExp }[] {
  const values: { label: string; pattern: RegExp }[] = [];
  const spaced = (digits: string) => new RegExp(digits.split('').join('(?:[\\s\\-._]|%20|%2D|\\\\u00a0)*'), 'iu');
  for (const participant of participants) {
    const digits = participant.snils.replace(/\D/gu, '');
    values.push({ label: `СНИЛС of ${participant.lastName}`, pattern: spaced(digits) });
    const [year, month, day] = participant.birthDate.split('-');
    values.push({ label: `birth date of ${participant.lastName}`, pattern: new RegExp(`${year}-?${month}-?${day}|${day}\\.${month}\\.${year}`, 'u') });
  }
  values.push({ label: 'passport number', pattern: spaced(passportNumber.replace(/\D/gu, '')) });
  return values;
}

function expectNoPersonalData(text: string, where: string): void {
  for (const { label, pattern } of personalValues()) {
    const match = pattern.exec(text);
    expect(match === null ? null : `${label} in ${where}: …${text.slice(Math.max(0, match.index - 80), match.index + 40)}…`).toBeNull();
  }
}

describe('personal data through the example server', () => {
  let dataDir: string;
  let server: ServerProcess;
  let applicationId = '';
  const seenIds = { rows: [] as string[], documents: [] as string[], files: [] as string[], messages: [] as string[] };
  let etag = '';
  let requests = 0;

  beforeAll(async () => {
    dataDir = await temporaryDirectory('fioco-flow-personal-data-');
    server = await startServerProcess({
      dataDir,
      env: { LOG_LEVEL: 'debug', FIOCO_NOW: '2027-01-25T09:00:00+03:00', FIOCO_CLOCK_CONTROL: '1', WEB_DIR: join(dataDir, 'no-page') },
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await removeDirectory(dataDir);
  });

  async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    requests += 1;
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'content-type': 'application/json' };
    }
    return fetch(`${server.url}/api${path}`, init);
  }

  async function send(who: 'representative' | 'staff', type: string, payload: unknown = {}): Promise<Record<string, any>> {
    const response = await call(server.tokens[who], 'POST', `/applications/${applicationId}/commands`, { type, payload }, { 'if-match': etag });
    const body = (await response.json()) as Record<string, any>;
    if (response.status !== 200) throw new Error(`${type}: ${response.status} ${JSON.stringify(body)}`);
    etag = response.headers.get('etag')!;
    return body;
  }

  async function upload(who: 'representative' | 'staff', name: string): Promise<Record<string, unknown>> {
    const form = new FormData();
    form.append('file', new Blob([scan as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name);
    const response = await call(server.tokens[who], 'POST', `/applications/${applicationId}/files`, form);
    const [ref] = ((await response.json()) as { files: Record<string, unknown>[] }).files;
    seenIds.files.push(String(ref!['id']));
    return ref!;
  }

  it('runs the procedure to the end', async () => {
    const created = await call(server.tokens.representative, 'POST', '/applications', { programId: 'vpr-2027-02' });
    expect(created.status).toBe(201);
    applicationId = ((await created.json()) as { id: string }).id;
    etag = created.headers.get('etag')!;
    const me = (await (await call(server.tokens.representative, 'GET', '/../demo/me')).json()) as { requisites: unknown };
    await send('representative', 'draft.update', {
      organization: me.requisites,
      paymentTerms: 'prepayment',
      delivery: 'paper',
      consents: { personalData: true, dataAccuracy: true },
    });

    // A wrong СНИЛС, a date of birth that does not exist: the owner gets the error, the log must not.
    for (const row of [{ ...participants[0], snils: '128-475-036 72' }, { ...participants[1], birthDate: '1979-02-30' }]) {
      const refused = await call(server.tokens.representative, 'POST', `/applications/${applicationId}/commands`, { type: 'row.add', payload: { row } }, { 'if-match': etag });
      expect(refused.status).toBe(422);
    }

    for (const participant of participants) {
      const added = await send('representative', 'row.add', { row: participant });
      const rowId = (added['data'].rows as { id: string }[]).at(-1)!.id;
      seenIds.rows.push(rowId);
      const kinds = participant.diplomaSurname !== participant.lastName ? ['diploma', 'snils', 'name_change'] : ['diploma', 'snils'];
      for (const kind of kinds) {
        // File names as people type them, with the number in the name.
        const file = await upload('representative', `${kind} ${participant.lastName} ${participant.snils} ${participant.birthDate}.pdf`);
        await send('representative', 'document.attach', { rowIds: [rowId], kind, file });
      }
    }
    const submitted = await send('representative', 'application.submit');
    await send('representative', 'message.post', { text: `Паспорт Морозова Д. О.: ${passportNumber}, дата рождения ${participants[1]!.birthDate}.` });
    const documents = submitted['data'].documents as { id: string; kind: string; rowIds: string[] }[];
    seenIds.documents.push(...documents.map((document) => document.id));

    const snilsOfSecond = documents.find((document) => document.kind === 'snils' && document.rowIds[0] === seenIds.rows[1])!;
    await send('staff', 'document.reject', { documentId: snilsOfSecond.id, reason: `СНИЛС ${participants[1]!.snils} на скане не читается.` });
    const replacement = await upload('representative', `СНИЛС ${participants[1]!.snils}.pdf`);
    await send('representative', 'document.replace', { documentId: snilsOfSecond.id, file: replacement });
    for (const document of documents) await send('staff', 'document.accept', { documentId: document.id });
    await send('staff', 'message.post', { text: `Проверили паспорт ${passportNumber}, спасибо.` });
    await send('staff', 'application.take_into_work');

    await send('representative', 'contract.upload_signed', { contract: await upload('representative', 'Договор.pdf'), consent: await upload('representative', 'Согласие.pdf') });
    const confirmed = await send('staff', 'contract.confirm');
    expect(confirmed['state']).toBe('enrolled');
    await send('staff', 'contract.send_concluded', { file: await upload('staff', 'Договор заключённый.pdf') });
    await send('staff', 'invoice.send', { file: await upload('staff', 'Счёт.pdf') });

    const moved = await fetch(`${server.url}/demo/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2027-02-26T12:00:00+03:00' }),
    });
    expect(moved.status).toBe(200);
    etag = (await call(server.tokens.staff, 'GET', `/applications/${applicationId}`)).headers.get('etag')!;
    await send('staff', 'payment.record', { amount: 450_000 * participants.length, paidOn: '2027-02-08', reference: 'п/п № 118' });
    await send('staff', 'closing.issue', { act: await upload('staff', 'Акт.pdf') });
    await send('representative', 'act.upload_signed', { file: await upload('representative', 'Акт подписанный.pdf') });
    await send('representative', 'originals.record_sent', { trackingNumber: 'RA123456785RU' });
    await send('staff', 'originals.record_received');
    await send('staff', 'results.record', { results: seenIds.rows.map((rowId) => ({ rowId, passed: true })) });
    const done = await send('staff', 'package.dispatch', { trackingNumber: 'RA987654326RU' });
    expect(done['state']).toBe('completed');
    seenIds.messages.push(...(done['data'].messages as { id: string }[]).map((message) => message.id));

    // Personal data where an identifier belongs: in paths, in a query, in an Idempotency-Key, as a token.
    for (const participant of participants) {
      expect((await call(server.tokens.representative, 'GET', `/applications/${encodeURIComponent(participant.snils)}`)).status).toBe(404);
      expect((await call(server.tokens.representative, 'GET', `/applications/${participant.snils.replace(/\D+/gu, '.')}/events`)).status).toBe(404);
      expect((await call(server.tokens.representative, 'GET', `/applications/${participant.snils.replace(/\D+/gu, '_')}`)).status).toBe(404);
      expect((await call(server.tokens.staff, 'GET', `/applications/${applicationId}/participants/${participant.snils.replace(/\D/gu, '')}`)).status).toBe(404);
      expect((await call(server.tokens.staff, 'GET', `/applications?programId=${encodeURIComponent(participant.snils)}`)).status).toBe(200);
      expect((await call(participant.snils, 'GET', '/applications')).status).toBe(401);
      const keyed = await call(server.tokens.representative, 'POST', `/applications/${applicationId}/commands`, { type: 'message.post', payload: { text: participant.birthDate } }, { 'if-match': '"1"', 'idempotency-key': participant.snils.replace(/\s/gu, '-') });
      expect(keyed.status).toBe(412);
    }
  }, 180_000);

  it('writes no personal data to the log', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    const lines = server.logLines();
    expect(lines.filter((line) => line.msg === 'request').length).toBeGreaterThan(50);
    expectNoPersonalData(server.output(), 'the server output');
    console.info(`personal-data: ${requests} requests to the server, ${lines.length} log lines checked`);
  });

  it('tells another organization nothing', async () => {
    // The example server has one school, so the other school's representative gets a second adapter over its data.
    const other: Actor = { id: 'rep-other-school', role: 'representative', organizationId: 'org-other-school' };
    const store = await createPgliteStore({ dataDir: join(dataDir, 'pglite') });
    const filesDir = join(dataDir, 'files');
    const files = createDirectoryFileStore(filesDir);
    const programs = demoPrograms(await seedTemplates(files, filesDir));
    const clock = createServerClock({ startAt: new Date('2027-03-01T09:00:00+03:00') });
    const service = createApplicationService({ store, clock, calendar: russianCalendar(), programs });
    const unexpected: unknown[] = [];
    const handler = createHttpHandler({ service, store, files, clock, programs, authenticate: () => other, onError: (error) => unexpected.push(error) });

    const id = applicationId;
    const paths = [
      `/applications/${id}`,
      `/applications/${id}/events`,
      `/applications/${id}/commands`,
      `/applications/${id}/participants`,
      `/applications/${id}/documents`,
      `/applications/${id}/messages`,
      `/applications/${id}/deadlines`,
      `/applications/${id}/deadlines.ics`,
      ...seenIds.rows.map((rowId) => `/applications/${id}/participants/${rowId}`),
      ...seenIds.documents.flatMap((documentId) => [`/applications/${id}/documents/${documentId}`, `/applications/${id}/documents/${documentId}/content`]),
      ...seenIds.files.map((fileId) => `/applications/${id}/files/${fileId}`),
    ];
    const responses: { what: string; status: number; text: string }[] = [];
    const probe = async (what: string, request: Request) => {
      const response = await handler(request);
      const headers: string[] = [];
      response.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
      responses.push({ what, status: response.status, text: `${headers.join('\n')}\n${await response.text()}` });
    };
    for (const path of paths) await probe(`GET ${path}`, new Request(`http://localhost${path}`));
    for (const type of commandTypes) {
      await probe(`command ${type}`, new Request(`http://localhost/applications/${id}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-match': '*' },
        body: JSON.stringify({ type, payload: { rowId: seenIds.rows[0], documentId: seenIds.documents[0] } }),
      }));
    }
    const form = new FormData();
    form.append('file', new Blob([scan as Uint8Array<ArrayBuffer>]), 'x.pdf');
    await probe('upload', new Request(`http://localhost/applications/${id}/files`, { method: 'POST', body: form }));
    const listed = await handler(new Request('http://localhost/applications'));
    const list = (await listed.json()) as { items: unknown[] };
    await store.close();

    expect(unexpected).toEqual([]);
    expect(list.items).toEqual([]);
    for (const { what, status, text } of responses) {
      expect([what, status]).toEqual([what, 404]);
      expectNoPersonalData(text, what);
    }
    console.info(`personal-data: ${responses.length + 1} requests of another organization checked`);
  }, 60_000);
});
