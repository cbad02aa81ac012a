import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHarness,
  createSubmittableDraft,
  createSubmittedApplication,
  etagOf,
  otherRepresentative,
  participantRow,
  representative,
  sendCommand,
  staff,
  upload,
  type Harness,
} from './support/harness.js';
import { pdfBytes } from './support/files.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { pointer: string; code: string; detail: string }[];
  reasons?: { code: string; detail: string }[];
  [member: string]: unknown;
}

let harness: Harness;

beforeEach(async () => {
  harness = await createHarness();
});

afterEach(async () => {
  await harness.close();
});

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  const body = (await response.json()) as Problem;
  expect(body.status).toBe(response.status);
  expect(body.type).toBe(`urn:fioco-flow:problem:${body.code}`);
  return body;
}

describe('401 unauthenticated', () => {
  it('answers a request without an actor', async () => {
    const response = await harness.request('GET', '/applications');
    const problem = await problemOf(response);

    expect(response.status).toBe(401);
    expect(problem).toMatchObject({ code: 'unauthenticated', title: 'Требуется вход', instance: '/applications' });
  });

  it('comes before 404 for a command', async () => {
    const response = await harness.request('POST', '/applications/no-such-id/commands', { json: { type: 'application.submit' } });

    expect(response.status).toBe(401);
  });

  it('speaks English on request', async () => {
    const response = await harness.request('GET', '/applications', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    const problem = await problemOf(response);

    expect(response.headers.get('content-language')).toBe('en');
    expect(problem.title).toBe('Authentication required');
    expect(problem.detail).toBe('The request carries no valid credentials. Sign in and send the request again.');
  });
});

describe('404 not found', () => {
  it('hides another organization’s application', async () => {
    const { id } = await harness.createDraft();

    const read = await harness.request('GET', `/applications/${id}`, { actor: otherRepresentative });
    const problem = await problemOf(read);

    expect(read.status).toBe(404);
    expect(problem.code).toBe('application_not_found');
    expect(problem.detail).toBe(`Заявка «${id}» не найдена.`);
  });

  it('comes before 403, 422 and 428 for a command', async () => {
    const { id } = await harness.createDraft();

    const response = await sendCommand(harness, otherRepresentative, id, undefined, { type: 'document.accept', payload: { x: 1 } });

    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('application_not_found');
  });

  it('hides another organization’s documents, events and deadlines', async () => {
    const { id } = await harness.createDraft();

    for (const path of ['documents', 'events', 'deadlines', 'deadlines.ics', 'commands', 'messages', 'participants']) {
      const response = await harness.request('GET', `/applications/${id}/${path}`, { actor: otherRepresentative });
      expect(response.status, path).toBe(404);
    }
  });

  it('answers an unknown route', async () => {
    const response = await harness.request('GET', '/nowhere', { actor: staff });
    const problem = await problemOf(response);

    expect(response.status).toBe(404);
    expect(problem.code).toBe('route_not_found');
  });

  it('answers an unknown document and participant row', async () => {
    const { id } = await harness.createDraft();

    const document = await harness.request('GET', `/applications/${id}/documents/no-such-document`, { actor: representative });
    const row = await harness.request('GET', `/applications/${id}/participants/no-such-row`, { actor: representative });

    expect((await problemOf(document)).code).toBe('document_not_found');
    expect((await problemOf(row)).code).toBe('participant_not_found');
  });
});

describe('403 forbidden', () => {
  it('refuses a staff command from a representative before checking its payload', async () => {
    const { id } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, undefined, { type: 'document.accept', payload: { nonsense: true } });
    const problem = await problemOf(response);

    expect(response.status).toBe(403);
    expect(problem.code).toBe('command_forbidden');
    expect(problem.detail).toBe('Команду «Принять документ» не может отправить представитель организации.');
  });

  it('refuses a representative command from staff', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, staff, id, etag, { type: 'row.add', payload: { row: participantRow } });

    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('command_forbidden');
  });

  it('refuses application creation by staff', async () => {
    const response = await harness.request('POST', '/applications', { actor: staff, json: { programId: harness.program.id } });

    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('command_forbidden');
  });
});

describe('422 invalid payload', () => {
  it('points at each failed field of the payload', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, etag, {
      type: 'row.add',
      payload: { row: { ...participantRow, snils: 14390278161, sex: 'unknown' } },
    });
    const problem = await problemOf(response);

    expect(response.status).toBe(422);
    expect(problem.code).toBe('invalid_payload');
    expect(problem.errors?.map((error) => error.pointer).sort()).toEqual(['/payload/row/sex', '/payload/row/snils']);
  });

  it('comes before 428 when If-Match is missing', async () => {
    const { id } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, undefined, { type: 'payment.record' });

    expect(response.status).toBe(403);
    const invalid = await sendCommand(harness, representative, id, undefined, { type: 'row.remove', payload: {} });
    expect(invalid.status).toBe(422);
    expect((await problemOf(invalid)).errors?.[0]?.pointer).toBe('/payload/rowId');
  });

  it('reports a SNILS with a wrong checksum at its row', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, etag, {
      type: 'row.add',
      payload: { row: { ...participantRow, snils: '143-902-781 62' } },
    });
    const problem = await problemOf(response);

    expect(response.status).toBe(422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: '/participants/0/snils', code: 'snils_invalid_checksum' }),
    ]);
    expect(problem.errors?.[0]?.detail).toContain('143-902-781 62');
  });

  it('reports an unknown command type at /type', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, etag, { type: 'application.teleport' });
    const problem = await problemOf(response);

    expect(response.status).toBe(422);
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/type', code: 'unknown_command' })]);
  });

  it('lists every submission rule with a pointer into the application', async () => {
    const { id, etag } = await harness.createDraft();
    const added = await sendCommand(harness, representative, id, etag, {
      type: 'row.add',
      payload: { row: { ...participantRow, snils: undefined } },
    });

    const response = await sendCommand(harness, representative, id, etagOf(added), { type: 'application.submit' });
    const problem = await problemOf(response);

    expect(response.status).toBe(422);
    expect(problem.code).toBe('submission_rules_failed');
    const pointers = problem.errors?.map((error) => error.pointer) ?? [];
    expect(pointers).toContain('/participants/0/snils');
    expect(pointers).toContain('/consents/personalData');
    expect(pointers).toContain('/organization/inn');
  });

  it('requires a program id to create an application', async () => {
    const response = await harness.request('POST', '/applications', { actor: representative, json: {} });
    const problem = await problemOf(response);

    expect(response.status).toBe(422);
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/programId', code: 'required' })]);
  });
});

describe('428 and 412 with If-Match', () => {
  it('requires If-Match on a valid command', async () => {
    const { id } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, undefined, { type: 'draft.update', payload: { comment: 'x' } });

    expect(response.status).toBe(428);
    expect((await problemOf(response)).code).toBe('if_match_required');
  });

  it('refuses a stale ETag and names the current one', async () => {
    const { id, etag } = await harness.createDraft();
    const first = await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'первый' } });

    const stale = await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'второй' } });
    const problem = await problemOf(stale);

    expect(first.status).toBe(200);
    expect(etag).toBe('"1-ru"');
    expect(etagOf(first)).toBe('"2-ru"');
    expect(stale.status).toBe(412);
    expect(problem.code).toBe('version_mismatch');
    expect(stale.headers.get('etag')).toBe('"2-ru"');
    expect(problem['currentETag']).toBe('"2-ru"');
  });

  it('treats a weak ETag as a mismatch and * as any version', async () => {
    const { id } = await harness.createDraft();

    const weak = await sendCommand(harness, representative, id, 'W/"1-ru"', { type: 'draft.update', payload: { comment: 'x' } });
    const any = await sendCommand(harness, representative, id, '*', { type: 'draft.update', payload: { comment: 'x' } });

    expect(weak.status).toBe(412);
    expect(any.status).toBe(200);
  });

  it('matches one tag of a list', async () => {
    const { id } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, '"7-ru", "1-ru"', { type: 'draft.update', payload: { comment: 'x' } });

    expect(response.status).toBe(200);
  });

  it('accepts the tag of the other language and the bare version', async () => {
    const { id } = await harness.createDraft();
    const english = await harness.request('GET', `/applications/${id}`, { actor: representative, headers: { 'accept-language': 'en' } });

    const first = await sendCommand(harness, representative, id, etagOf(english), { type: 'draft.update', payload: { comment: 'x' } });
    const second = await sendCommand(harness, representative, id, '"2"', { type: 'draft.update', payload: { comment: 'y' } });

    expect(etagOf(english)).toBe('"1-en"');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
  });

  it('gives each language its own ETag, so a cached Russian body is not revalidated for English', async () => {
    const { id } = await harness.createDraft();

    const english = await harness.request('GET', `/applications/${id}`, {
      actor: representative,
      headers: { 'accept-language': 'en', 'if-none-match': '"1-ru"' },
    });

    expect(english.status).toBe(200);
    expect(((await english.json()) as { stateLabel: string }).stateLabel).toBe('Draft');
  });
});

describe('409 conflict', () => {
  it('comes after 412 for a stale ETag', async () => {
    const { id, etag } = await harness.createDraft();
    await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'x' } });

    const response = await sendCommand(harness, staff, id, etag, { type: 'application.take_into_work' });

    expect(response.status).toBe(412);
  });

  it('refuses a command the state does not accept', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, staff, id, etag, { type: 'application.take_into_work' });
    const problem = await problemOf(response);

    expect(response.status).toBe(409);
    expect(problem.code).toBe('command_not_allowed');
    expect(problem['state']).toBe('draft');
    expect(problem.detail).toBe('Команда «Принять заявку в работу» недоступна, когда заявка в состоянии «Черновик».');
  });

  it('gives the reasons of a blocked command', async () => {
    const submitted = await createSubmittedApplication(harness);
    const taken = await sendCommand(harness, staff, submitted.id, submitted.etag, { type: 'application.take_into_work' });
    const contract = await upload(harness, representative, 'POST', `/applications/${submitted.id}/files`, {}, [
      { field: 'file', bytes: pdfBytes, name: 'Договор подписанный.pdf' },
      { field: 'file', bytes: pdfBytes, name: 'Согласие подписанное.pdf' },
    ]);
    const [contractRef, consentRef] = ((await contract.json()) as { files: unknown[] }).files;
    const signed = await sendCommand(harness, representative, submitted.id, etagOf(taken), {
      type: 'contract.upload_signed',
      payload: { contract: contractRef, consent: consentRef },
    });

    const response = await sendCommand(harness, staff, submitted.id, etagOf(signed), { type: 'contract.confirm' });
    const problem = await problemOf(response);

    expect(taken.status).toBe(200);
    expect(contract.status).toBe(201);
    expect(signed.status).toBe(200);
    expect(response.status).toBe(409);
    expect(problem.code).toBe('command_blocked');
    expect(problem.detail).toMatch(/^Договор нельзя подтвердить: /u);
    expect(problem.reasons?.length).toBeGreaterThan(0);
    expect(problem.reasons?.[0]?.detail).toMatch(/документ/u);
  });

  it('refuses a second open application for the program', async () => {
    const { id } = await harness.createDraft();

    const response = await harness.request('POST', '/applications', { actor: representative, json: { programId: harness.program.id } });
    const problem = await problemOf(response);

    expect(response.status).toBe(409);
    expect(problem.code).toBe('application_already_exists');
    expect(problem['existingApplicationId']).toBe(id);
  });

  it('refuses a new application after the submission deadline', async () => {
    harness.clock.set('2026-03-04T21:00:00Z');

    const response = await harness.request('POST', '/applications', { actor: representative, json: { programId: harness.program.id } });
    const problem = await problemOf(response);

    expect(response.status).toBe(409);
    expect(problem.code).toBe('command_blocked');
    expect(problem.reasons?.length).toBe(1);
  });
});

describe('400, 415 and 413 for unreadable bodies', () => {
  it('rejects malformed JSON', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await harness.request('POST', `/applications/${id}/commands`, {
      actor: representative,
      body: '{"type": "draft.update",',
      headers: { 'content-type': 'application/json', 'if-match': etag },
    });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('malformed_body');
  });

  it('rejects a body that is not JSON', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await harness.request('POST', `/applications/${id}/commands`, {
      actor: representative,
      body: 'type=draft.update',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'if-match': etag },
    });

    expect(response.status).toBe(415);
    expect((await problemOf(response)).code).toBe('unsupported_content_type');
  });

  it('rejects a JSON body above the limit', async () => {
    await harness.close();
    harness = await createHarness({ limits: { maxJsonBytes: 100 } });
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'я'.repeat(100) } });

    expect(response.status).toBe(413);
    expect((await problemOf(response)).code).toBe('request_too_large');
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const { id, etag } = await harness.createDraft();

    const response = await sendCommand(harness, representative, id, etag, { type: 'application.submit' }, { 'idempotency-key': 'two words' });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('idempotency_key_invalid');
  });
});

describe('500 unexpected errors', () => {
  it('hides the error and hands it to onError', async () => {
    await harness.close();
    const failure = new Error('connection to the session store lost at 10.0.0.7');
    harness = await createHarness({
      authenticate: () => {
        throw failure;
      },
    });

    const response = await harness.request('GET', '/applications');
    const problem = await problemOf(response);
    const text = JSON.stringify(problem);

    expect(response.status).toBe(500);
    expect(problem.code).toBe('internal_error');
    expect(text).not.toContain('10.0.0.7');
    expect(text).not.toContain('at ');
    expect(harness.errors).toEqual([failure]);
  });

  it('reports an actor of the wrong shape', async () => {
    await harness.close();
    harness = await createHarness({ authenticate: () => ({ id: 'x', role: 'representative' }) as never });

    const response = await harness.request('GET', '/applications');

    expect(response.status).toBe(500);
    expect(String(harness.errors[0])).toContain('authenticate returned an invalid actor');
  });

  it('survives an onError hook that throws', async () => {
    await harness.close();
    harness = await createHarness({
      authenticate: () => {
        throw new Error('down');
      },
      onError: () => {
        throw new Error('logger down');
      },
    });

    const response = await harness.request('GET', '/applications');

    expect(response.status).toBe(500);
  });
});

describe('successful reads and writes', () => {
  it('creates a draft with its location and version', async () => {
    const response = await harness.request('POST', '/applications', { actor: representative, json: { programId: harness.program.id } });
    const body = (await response.json()) as { id: string; state: string; stateLabel: string; version: number };

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/applications/${body.id}`);
    expect(response.headers.get('etag')).toBe('"1-ru"');
    expect(body).toMatchObject({ state: 'draft', stateLabel: 'Черновик', version: 1 });
  });

  it('reads an application with its ETag and answers 304 when unchanged', async () => {
    const { id } = await harness.createDraft();

    const read = await harness.request('GET', `/applications/${id}`, { actor: representative });
    const again = await harness.request('GET', `/applications/${id}`, { actor: representative, headers: { 'if-none-match': '"1-ru"' } });

    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1-ru"');
    expect(read.headers.get('cache-control')).toBe('private, no-cache');
    expect(again.status).toBe(304);
  });

  it('lists only the actor’s organization', async () => {
    const { id } = await harness.createDraft();

    const own = await harness.request('GET', '/applications', { actor: representative });
    const other = await harness.request('GET', '/applications', { actor: otherRepresentative });
    const all = await harness.request('GET', '/applications?state=draft&final=false', { actor: staff });

    expect(((await own.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([id]);
    expect(((await other.json()) as { items: unknown[] }).items).toEqual([]);
    expect(((await all.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('rejects an unknown state filter', async () => {
    const response = await harness.request('GET', '/applications?state=draft,frozen', { actor: staff });

    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toContain('frozen');
  });

  it('lists available commands with labels in English', async () => {
    const draft = await createSubmittableDraft(harness);

    const response = await harness.request('GET', `/applications/${draft.id}/commands`, {
      actor: representative,
      headers: { 'accept-language': 'en' },
    });
    const body = (await response.json()) as { state: string; stateLabel: string; commands: { type: string; label: string; available: boolean }[] };

    expect(body.state).toBe('draft');
    expect(body.stateLabel).toBe('Draft');
    expect(body.commands.find((command) => command.type === 'application.submit')).toEqual(
      expect.objectContaining({ label: 'Submit the application', available: true }),
    );
  });

  it('returns the event history with labels', async () => {
    const submitted = await createSubmittedApplication(harness);

    const response = await harness.request('GET', `/applications/${submitted.id}/events`, { actor: staff });
    const { events } = (await response.json()) as { events: { type: string; label: string; version: number }[] };

    expect(events.map((event) => event.type)).toEqual([
      'application.create',
      'draft.update',
      'row.add',
      'document.attach',
      'document.attach',
      'application.submit',
    ]);
    expect(events[0]?.label).toBe('Заявка создана');
    expect(events.at(-1)?.version).toBe(6);
  });

  it('lists participant rows with their documents', async () => {
    const draft = await createSubmittableDraft(harness);

    const response = await harness.request('GET', `/applications/${draft.id}/participants`, { actor: representative });
    const { participants } = (await response.json()) as { participants: { id: string; snils: string; documents: { kind: string }[] }[] };

    expect(participants).toHaveLength(1);
    expect(participants[0]?.snils).toBe('143-902-781 61');
    expect(participants[0]?.documents.map((document) => document.kind)).toEqual(['diploma', 'snils']);
  });

  it('serves the health check without authentication', async () => {
    const response = await harness.request('GET', '/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
