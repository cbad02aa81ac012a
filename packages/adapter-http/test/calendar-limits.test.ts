import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicationService, createManualClock, createMemoryStore, type Actor, type FileRef, type FileStore } from '@fioco-flow/core';
import { testProgram } from '@fioco-flow/core/testing';
import { russianCalendar } from '@fioco-flow/rules';
import { createDirectoryFileStore, createHttpHandler, type HttpHandler } from '../src/index.js';
import { pdfBytes } from './support/files.js';
import { organization, participantRow, representative, staff, tokenOf } from './support/harness.js';

/** A course Monday 13 December – Wednesday 29 December 2027, the last year of the bundled calendar. */
const program = testProgram({ id: 'vpr-2027-12', courseStart: '2027-12-13', courseEnd: '2027-12-29' });
const calendar = russianCalendar();

let directory: string;
let files: FileStore;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fioco-flow-calendar-limits-'));
  files = createDirectoryFileStore(directory);
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Drives an application of the late course to `enrolled` through the service and builds a handler over its store. */
async function enrolledApplication() {
  const store = createMemoryStore();
  const clock = createManualClock('2027-11-22T09:00:00.000Z');
  let counter = 0;
  const service = createApplicationService({ store, clock, calendar, programs: [program], ids: () => `id-${(counter += 1)}` });
  const file = (name: string): Promise<FileRef> => files.put(pdfBytes, { name: `${name}.pdf`, mediaType: 'application/pdf' });

  const created = await service.create(representative, { programId: program.id });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.application.id;
  const send = async (actor: Actor, type: string, payload: unknown, at?: string) => {
    if (at !== undefined) clock.set(at);
    const result = await service.dispatch(id, actor, { type, payload });
    if (!result.ok) throw new Error(`${type} failed with ${result.error.code}: ${result.error.message}`);
    return result;
  };
  await send(representative, 'draft.update', {
    organization,
    paymentTerms: 'prepayment',
    delivery: 'paper',
    consents: { personalData: true, dataAccuracy: true },
  });
  const rowId = (await send(representative, 'row.add', { row: participantRow })).event.generated.id as string;
  const documentIds: string[] = [];
  for (const kind of ['diploma', 'snils']) {
    documentIds.push((await send(representative, 'document.attach', { rowIds: [rowId], kind, file: await file(kind) })).event.generated.id as string);
  }
  await send(representative, 'application.submit', {}, '2027-11-23T09:00:00.000Z');
  for (const documentId of documentIds) await send(staff, 'document.accept', { documentId }, '2027-11-24T09:00:00.000Z');
  await send(staff, 'application.take_into_work', {});
  await send(representative, 'contract.upload_signed', { contract: await file('contract'), consent: await file('consent') }, '2027-11-26T09:00:00.000Z');
  await send(staff, 'contract.confirm', {}, '2027-11-29T09:00:00.000Z');
  await send(staff, 'contract.send_concluded', { file: await file('contract-concluded') });
  const enrolled = await send(staff, 'invoice.send', { file: await file('invoice') });

  const errors: unknown[] = [];
  const handler: HttpHandler = createHttpHandler({
    service,
    store,
    files,
    clock,
    calendar,
    programs: [program],
    authenticate: (request) => (request.headers.get('authorization') === `Bearer ${tokenOf(staff)}` ? staff : null),
    onError: (error) => {
      errors.push(error);
    },
  });
  return { id, handler, clock, store, errors, version: enrolled.application.version, act: await file('act') };
}

/** Sends `closing.issue` as staff with the application's current ETag, in a language. */
async function issueClosing(handler: HttpHandler, id: string, act: FileRef, language: 'ru' | 'en'): Promise<Response> {
  const headers = { authorization: `Bearer ${tokenOf(staff)}`, 'accept-language': language };
  const current = await handler(new Request(`http://localhost/applications/${id}`, { headers }));
  const etag = current.headers.get('etag') ?? '';
  return handler(
    new Request(`http://localhost/applications/${id}/commands`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ type: 'closing.issue', payload: { act } }),
    }),
  );
}

describe('deadline beyond the calendar data', () => {
  it('returns 422 date_outside_calendar', async () => {
    const { id, handler, clock, store, errors, version, act } = await enrolledApplication();
    clock.set('2027-12-29T07:00:00.000Z');

    const response = await issueClosing(handler, id, act, 'ru');

    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'urn:fioco-flow:problem:date_outside_calendar',
      code: 'date_outside_calendar',
      status: 422,
      title: 'Дата вне производственного календаря',
      year: 2028,
    });
    expect(body['detail']).toContain('нет данных за 2028 год');
    expect(body['detail']).toContain('extendCalendar');
    const stored = await store.get(id);
    expect(stored?.version).toBe(version);
    expect(stored?.state).toBe('enrolled');
    expect((await store.events(id)).map((event) => event.type)).not.toContain('closing.issue');
    expect(errors).toEqual([]);
  });

  it('writes the problem in English', async () => {
    const { id, handler, clock, act } = await enrolledApplication();
    clock.set('2027-12-29T07:00:00.000Z');

    const response = await issueClosing(handler, id, act, 'en');

    expect(response.status).toBe(422);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['title']).toBe('Date outside the production calendar');
    expect(body['detail']).toContain('the production calendar has no data for 2028');
  });
});
