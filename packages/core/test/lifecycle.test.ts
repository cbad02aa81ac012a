import { extendCalendar } from '@fioco-flow/rules';
import { describe, expect, it } from 'vitest';
import { isCodeWord, type ServiceError } from '@fioco-flow/core';
import { testFile } from '@fioco-flow/core/testing';
import {
  calendar,
  createHarness,
  ok,
  program,
  representative,
  rowPayload,
  run,
  staff,
  stateOf,
  times,
  trackingNumber,
  walk,
  type Harness,
} from './helpers.js';

async function refused(promise: Promise<{ ok: boolean; error?: ServiceError }>): Promise<ServiceError> {
  const result = await promise;
  if (result.ok || result.error === undefined) return expect.fail('expected a refusal');
  return result.error;
}

async function data(harness: Harness, id: string) {
  const stored = await harness.store.get(id);
  if (stored === undefined) return expect.fail(`application ${id} is not stored`);
  return stored.snapshot.data;
}

describe('draft lapses at the submission deadline', () => {
  // Course starts Monday 16 March 2026; 9 March is a day off (8 March moved), so 7 working days back is Wednesday
  // 4 March, which ends at 24:00 Moscow time = 21:00 UTC.
  it('stores the deadline of 4 March 2026 ending at 21:00 UTC', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    expect((await data(harness, id)).deadlines.submission).toEqual({
      date: '2026-03-04',
      endsAt: '2026-03-04T21:00:00.000Z',
      provisional: false,
    });
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-03-04T21:00:00.000Z');
  });

  it('keeps the draft a millisecond before', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const report = await harness.service.tick('2026-03-04T20:59:59.999Z');
    expect(report.changed).toEqual([]);
    expect(await stateOf(harness, id)).toBe('draft');
  });

  it('lapses the draft at the deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const report = await harness.service.tick('2026-03-04T21:00:00.000Z');
    expect(report.changed).toEqual([{ id, from: 'draft', to: 'lapsed', version: 2 }]);
    const lapsed = await data(harness, id);
    expect(lapsed.outcome).toEqual({ at: '2026-03-04T21:00:00.000Z', by: 'clock', reason: null, lapseCause: 'submission_deadline' });
  });

  it('accepts a submission a millisecond before the deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    await run(harness, id, representative, { type: 'application.submit', payload: {} }, '2026-03-04T20:59:59.999Z');
    expect(await stateOf(harness, id)).toBe('submitted');
  });

  it('finds a lapsed draft when a command arrives after the deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    harness.clock.set('2026-03-04T21:00:00.000Z');
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }));
    expect(error.code).toBe('not_allowed');
    expect(error.state).toBe('lapsed');
    expect(error.message).toBe('Команда «Отправить заявку» недоступна, когда заявка в состоянии «Аннулирована по сроку».');
    // The clock's transition is stored even though the command was refused.
    expect(await stateOf(harness, id)).toBe('lapsed');
  });

  it('refuses to create a draft after the submission deadline', async () => {
    const harness = createHarness({ start: '2026-03-04T21:00:00.000Z' });
    const error = await refused(harness.service.create(representative, { programId: program.id }));
    expect(error.code).toBe('blocked');
    expect(error.message).toBe('Заявку нельзя создать: срок подачи заявки истёк: последний день — 4 марта 2026 г. (ср).');
  });
});

describe('submission', () => {
  it('reports every violation at once', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    await run(harness, id, representative, {
      type: 'row.add',
      payload: { row: { subject: 'russian', lastName: 'Кузнецова', firstName: 'Елена' } },
    });
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }));
    expect(error.code).toBe('rule_violations');
    const codes = (error.violations ?? []).map((violation) => [violation.code, violation.path.join('.')]);
    expect(codes).toContainEqual(['required', 'organization.inn']);
    expect(codes).toContainEqual(['required', 'paymentTerms']);
    expect(codes).toContainEqual(['required', 'delivery']);
    expect(codes).toContainEqual(['consent_missing', 'consents.personalData']);
    expect(codes).toContainEqual(['consent_missing', 'consents.dataAccuracy']);
    expect(codes).toContainEqual(['required', 'participants.0.snils']);
    expect(codes).toContainEqual(['document_missing', 'participants.0.documents']);
    expect(error.message).toMatch(/^Заявку нельзя отправить: \d+ нарушени/);
    expect(await stateOf(harness, id)).toBe('draft');
  });

  it('requires at least one participant', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }));
    expect(error.code).toBe('rule_violations');
    expect(error.violations?.map((violation) => violation.code)).toContain('no_participants');
  });

  it('requires the platform name under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    await run(harness, id, representative, { type: 'draft.update', payload: { delivery: 'electronic', platformName: null } });
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }));
    expect(error.violations?.map((violation) => [violation.code, violation.path.join('.')])).toEqual([
      ['platform_name_required', 'platformName'],
    ]);
  });

  it('requires a document on the change of surname', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'filled', { rows: 1 });
    await run(harness, id, representative, { type: 'row.update', payload: { rowId: rowIds[0] as string, changes: { diplomaSurname: 'Белова' } } });
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }));
    expect(error.violations?.map((violation) => [violation.code, violation.params['kind']])).toEqual([['document_missing', 'name_change']]);
  });

  it('fixes the participant count and the contract sum', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted', { rows: 3 });
    expect((await data(harness, id)).submission).toEqual({
      submittedAt: times.submitted,
      participantCount: 3,
      contractSum: 3 * 450_000,
    });
  });

  it('refuses row changes after submission', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'submitted');
    const added = await refused(harness.service.dispatch(id, representative, { type: 'row.add', payload: { row: rowPayload(5) } }));
    expect(added.code).toBe('not_allowed');
    const removed = await refused(harness.service.dispatch(id, representative, { type: 'row.remove', payload: { rowId: rowIds[0] as string } }));
    expect(removed.code).toBe('not_allowed');
  });

  it('sets the review deadline three working days after submission', async () => {
    // Submitted Tuesday 24 February 2026: 25, 26, 27 February.
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const submitted = await data(harness, id);
    expect(submitted.deadlines.review).toEqual({ date: '2026-02-27', endsAt: '2026-02-27T21:00:00.000Z', provisional: false });
    expect(submitted.documents.every((document) => document.reviewDue?.date === '2026-02-27')).toBe(true);
  });
});

describe('draft values', () => {
  it('refuses a SNILS with a wrong checksum when it is entered', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const error = await refused(
      harness.service.dispatch(id, representative, { type: 'row.add', payload: { row: { snils: '112-233-445 96' } } }),
    );
    expect(error.code).toBe('invalid_payload');
    expect(error.violations?.map((violation) => [violation.code, violation.path.join('.')])).toEqual([
      ['snils_invalid_checksum', 'participants.0.snils'],
    ]);
    expect((await data(harness, id)).rows).toEqual([]);
  });

  it('stores the SNILS and the phone in canonical form', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const added = await run(harness, id, representative, {
      type: 'row.add',
      payload: { row: { snils: '12847503671', phone: '8 (915) 204-37-18', citizenship: 'ru' } },
    });
    expect(added.application.data.rows[0]).toMatchObject({ snils: '128-475-036 71', phone: '+79152043718', citizenship: 'RU' });
  });

  it('refuses a wrong INN in the requisites and keeps the rest', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const error = await refused(
      harness.service.dispatch(id, representative, { type: 'draft.update', payload: { organization: { inn: '6912004727' } } }),
    );
    expect(error.code).toBe('invalid_payload');
    expect(error.violations?.[0]?.path).toEqual(['organization', 'inn']);
    expect((await data(harness, id)).form.organization).toEqual({});
  });

  it('clears a row field with null', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'filled', { rows: 1 });
    const updated = await run(harness, id, representative, {
      type: 'row.update',
      payload: { rowId: rowIds[0] as string, changes: { patronymic: null } },
    });
    expect(updated.application.data.rows[0]).not.toHaveProperty('patronymic');
  });

  it('removes a row with the documents only it had', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'filled', { rows: 2 });
    const [first, second] = rowIds as [string, string];
    await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: [first, second], kind: 'passport', file: testFile('shared') } });
    const removed = await run(harness, id, representative, { type: 'row.remove', payload: { rowId: first } });
    const documents = removed.application.data.documents;
    expect(documents.map((document) => document.rowIds)).toEqual([[second], [second], [second]]);
  });

  it('adds a version when a draft document is attached again', async () => {
    const harness = createHarness();
    const { id, rowIds, documentIds } = await walk(harness, 'filled', { rows: 1 });
    const attached = await run(harness, id, representative, {
      type: 'document.attach',
      payload: { rowIds: [rowIds[0] as string], kind: 'diploma', file: testFile('diploma-better'), documentId: documentIds[0] as string },
    });
    expect(attached.application.data.documents[0]?.versions.map((version) => version.file.id)).toEqual(['diploma-0', 'diploma-better']);
  });

  it('refuses to attach a document to a row that does not exist', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled', { rows: 1 });
    const error = await refused(
      harness.service.dispatch(id, representative, {
        type: 'document.attach',
        payload: { rowIds: ['row-x'], kind: 'diploma', file: testFile('x') },
      }),
    );
    expect(error.code).toBe('blocked');
    expect(error.message).toBe('Документ нельзя приложить: строки участника «row-x» в заявке нет.');
  });
});

describe('document review', () => {
  it('keeps every version and gives a replacement its own review due date', async () => {
    const harness = createHarness();
    const { id, documentIds } = await walk(harness, 'submitted');
    const documentId = documentIds[0] as string;
    await run(harness, id, staff, { type: 'document.reject', payload: { documentId, reason: 'Скан нечитаем' } }, times.reviewed);

    // Replaced Thursday 26 February: 27 February, 2 and 3 March.
    const replaced = await run(
      harness,
      id,
      representative,
      { type: 'document.replace', payload: { documentId, file: testFile('diploma-0-v2') } },
      '2026-02-26T09:00:00.000Z',
    );
    const document = replaced.application.data.documents.find((entry) => entry.id === documentId);
    expect(document?.status).toBe('pending');
    expect(document?.reviewDue).toEqual({ date: '2026-03-03', endsAt: '2026-03-03T21:00:00.000Z', provisional: false });
    expect(document?.versions.map((version) => [version.file.id, version.outcome?.status])).toEqual([
      ['diploma-0', 'rejected'],
      ['diploma-0-v2', undefined],
    ]);
    expect(document?.versions[0]?.outcome?.reason).toBe('Скан нечитаем');
  });

  it('replaces only a rejected or requested document', async () => {
    const harness = createHarness();
    const { id, documentIds } = await walk(harness, 'submitted');
    const error = await refused(
      harness.service.dispatch(id, representative, {
        type: 'document.replace',
        payload: { documentId: documentIds[0] as string, file: testFile('x') },
      }),
    );
    expect(error.code).toBe('blocked');
    expect(error.message).toBe('Документ нельзя заменить: нет отклонённых или запрошенных документов, а заменить можно только такой документ.');
  });

  it('asks for a missing document and accepts its upload', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'in_work');
    const requested = await run(harness, id, staff, {
      type: 'document.request',
      payload: { rowIds: [rowIds[0] as string], kind: 'employment_record', reason: 'Нужна выписка из трудовой книжки' },
    });
    const documentId = requested.event.generated.id as string;
    expect(requested.application.data.documents.at(-1)).toMatchObject({ id: documentId, status: 'requested', versions: [] });

    await run(harness, id, representative, { type: 'document.replace', payload: { documentId, file: testFile('record') } });
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId } });
    expect((await data(harness, id)).documents.every((document) => document.status === 'accepted')).toBe(true);
  });

  it('flags the review overdue at the end of its last day, not before', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-02-27T21:00:00.000Z');

    await harness.service.tick('2026-02-27T20:59:59.999Z');
    expect((await data(harness, id)).overdue.review).toBeNull();

    const report = await harness.service.tick('2026-02-27T21:00:00.000Z');
    expect(report.changed).toEqual([{ id, from: 'submitted', to: 'submitted', version: expect.any(Number) }]);
    const flagged = await data(harness, id);
    expect(flagged.overdue.review).toBe('2026-02-27T21:00:00.000Z');
    expect(Object.keys(flagged.overdue.documents)).toHaveLength(4);
    // Flags block nothing: staff still review, and the next due instant is the contract deadline.
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-03-11T21:00:00.000Z');
  });

  it('clears a document flag when staff decide on it', async () => {
    const harness = createHarness();
    const { id, documentIds } = await walk(harness, 'submitted');
    await harness.service.tick('2026-02-27T21:00:00.000Z');
    harness.clock.set('2026-03-02T09:00:00.000Z');
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId: documentIds[0] as string } });
    expect(Object.keys((await data(harness, id)).overdue.documents)).toEqual(documentIds.slice(1));
  });
});

describe('contract', () => {
  it('attaches the contract draft for the payment terms and the consent form', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work', { paymentTerms: 'postpayment' });
    expect((await data(harness, id)).contract.drafts).toEqual({
      contract: program.templates.contract.postpayment,
      consentForm: program.templates.consentForm,
    });
  });

  it('refuses confirmation until every document is accepted', async () => {
    const harness = createHarness();
    const { id, documentIds } = await walk(harness, 'submitted');
    harness.clock.set(times.reviewed);
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId: documentIds[0] as string } });
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId: documentIds[1] as string } });
    await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
    await run(
      harness,
      id,
      representative,
      { type: 'contract.upload_signed', payload: { contract: testFile('c'), consent: testFile('s') } },
      times.signed,
    );
    const error = await refused(harness.service.dispatch(id, staff, { type: 'contract.confirm', payload: {} }));
    expect(error.code).toBe('blocked');
    expect(error.message).toBe('Договор нельзя подтвердить: 2 из 4 документов ещё не приняты.');
    expect((await data(harness, id)).access).toBeNull();
  });

  it('gives course access only at conclusion', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    expect((await data(harness, id)).access).toBeNull();
    await run(harness, id, staff, { type: 'contract.confirm', payload: {} }, times.confirmed);
    const concluded = await data(harness, id);
    expect(concluded.access?.courseUrl).toBe(program.courseUrl);
    expect(isCodeWord(concluded.access?.codeWord)).toBe(true);
    expect(concluded.contract.concludedAt).toBe(times.confirmed);
    expect((await harness.store.get(id))?.codeWord).toBe(concluded.access?.codeWord);
  });

  it('requires the platform contract number under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work', { delivery: 'electronic' });
    harness.clock.set(times.signed);
    const error = await refused(
      harness.service.dispatch(id, representative, {
        type: 'contract.upload_signed',
        payload: { contract: testFile('c'), consent: testFile('s') },
      }),
    );
    expect(error.message).toBe(
      'Подписанный договор нельзя загрузить: при получении документов в электронном виде укажите номер договора на электронной площадке «РТС-тендер».',
    );
  });

  // Contract deadline: 3 working days before Monday 16 March 2026 is Wednesday 11 March, ending 21:00 UTC.
  it('lapses a submitted application at the contract deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    await harness.service.tick('2026-03-11T20:59:59.999Z');
    expect(await stateOf(harness, id)).toBe('submitted');
    await harness.service.tick('2026-03-11T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('lapsed');
    expect((await data(harness, id)).outcome?.lapseCause).toBe('contract_deadline');
  });

  it('lapses an application in work without signed scans at the contract deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work');
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-03-11T21:00:00.000Z');
    await harness.service.tick('2026-03-11T20:59:59.999Z');
    expect(await stateOf(harness, id)).toBe('in_work.awaiting_signed_scans');
    await harness.service.tick('2026-03-11T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('lapsed');
  });

  it('accepts a correction after a return until the end of the course first day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    await run(harness, id, staff, { type: 'contract.return', payload: { reason: 'Нет печати' } }, '2026-03-10T09:00:00.000Z');

    await harness.service.tick('2026-03-11T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('in_work.awaiting_signed_scans');
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-03-16T21:00:00.000Z');

    await run(
      harness,
      id,
      representative,
      { type: 'contract.upload_signed', payload: { contract: testFile('c2'), consent: testFile('s2') } },
      '2026-03-16T20:59:59.999Z',
    );
    expect(await stateOf(harness, id)).toBe('in_work.signed_scans_under_review');
    await harness.service.tick('2026-03-16T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('lapsed');
    expect((await data(harness, id)).outcome?.lapseCause).toBe('course_started');
  });

  it('lapses a returned contract not corrected by the end of the first day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    await run(harness, id, staff, { type: 'contract.return', payload: { reason: 'Нет подписи' } }, '2026-03-12T09:00:00.000Z');
    await harness.service.tick('2026-03-16T20:59:59.999Z');
    expect(await stateOf(harness, id)).toBe('in_work.awaiting_signed_scans');
    await harness.service.tick('2026-03-16T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('lapsed');
  });

  it('refuses a withdrawal after conclusion', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const error = await refused(harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: { reason: 'Передумали' } }));
    expect(error.code).toBe('not_allowed');
  });

  it('sends the prepayment invoice once, and none under postpayment', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const again = await refused(harness.service.dispatch(id, staff, { type: 'invoice.send', payload: { file: testFile('i2') } }));
    expect(again.message).toBe('Счёт нельзя отправить: счёт уже отправлен.');

    const post = createHarness();
    const { id: postId } = await walk(post, 'enrolled', { paymentTerms: 'postpayment' });
    const error = await refused(post.service.dispatch(postId, staff, { type: 'invoice.send', payload: { file: testFile('i') } }));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['prepayment']);
  });
});

describe('closing', () => {
  // The course ends Friday 27 March 2026; that day begins at 2026-03-26T21:00:00Z in Moscow.
  it('refuses closing documents before the course last day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    harness.clock.set('2026-03-26T20:59:59.999Z');
    const error = await refused(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
    expect(error.message).toBe(
      'Закрывающие документы нельзя выставить: курс заканчивается 27 марта 2026 г. (пт), сделать это можно начиная с этого дня.',
    );
    harness.clock.set('2026-03-26T21:00:00.000Z');
    ok(await harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
  });

  it('refuses results before the course last day', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'enrolled');
    harness.clock.set('2026-03-20T09:00:00.000Z');
    const error = await refused(
      harness.service.dispatch(id, staff, { type: 'results.record', payload: { results: [{ rowId: rowIds[0] as string, passed: true }] } }),
    );
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['courseLastDayReached']);
  });

  it('requires the invoice with the act under postpayment and refuses it under prepayment', async () => {
    const post = createHarness();
    const { id } = await walk(post, 'enrolled', { paymentTerms: 'postpayment' });
    post.clock.set(times.lastDay);
    const missing = await refused(post.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
    expect(missing.message).toBe('Закрывающие документы нельзя выставить: при оплате после оказания услуг к акту нужно приложить счёт.');

    const pre = createHarness();
    const { id: preId } = await walk(pre, 'enrolled');
    pre.clock.set(times.lastDay);
    const extra = await refused(
      pre.service.dispatch(preId, staff, { type: 'closing.issue', payload: { act: testFile('act'), invoice: testFile('inv') } }),
    );
    expect(extra.reasons?.map((reason) => reason.condition)).toEqual(['invoiceMatchesPaymentTerms']);
  });

  it('posts the act to the thread and sets the originals deadline', async () => {
    // Act posted Friday 27 March 2026: 30, 31 March and 1 April.
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const closing = await data(harness, id);
    expect(closing.messages.at(-1)?.attachments.map((file) => file.id)).toEqual(['act']);
    expect(closing.deadlines.originals).toEqual({ date: '2026-04-01', endsAt: '2026-04-01T21:00:00.000Z', provisional: false });
    expect((await harness.store.get(id))?.nextDeadlineAt).toBe('2026-04-01T21:00:00.000Z');
  });

  it('flags the originals overdue at the end of their last day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    await harness.service.tick('2026-04-01T20:59:59.999Z');
    expect((await data(harness, id)).overdue.originals).toBeNull();
    await harness.service.tick('2026-04-01T21:00:00.000Z');
    expect((await data(harness, id)).overdue.originals).toBe('2026-04-01T21:00:00.000Z');
    expect(await stateOf(harness, id)).toBe('closing');
    expect((await harness.store.get(id))?.nextDeadlineAt).toBeNull();
  });

  it('counts the originals deadline on the organization calendar when the host gives one', async () => {
    const regional = extendCalendar(
      calendar,
      { days: [{ date: '2026-03-31', ru: 'Региональный праздник', en: 'Regional holiday' }] },
      { mode: 'add-days' },
    );
    const harness = createHarness({ organizationCalendar: (organizationId) => (organizationId === 'org-1' ? regional : undefined) });
    const { id } = await walk(harness, 'closing');
    expect((await data(harness, id)).deadlines.originals?.date).toBe('2026-04-02');
    const deadlines = await harness.service.deadlines(id, staff);
    if (!deadlines.ok) return expect.fail(deadlines.error.message);
    expect(deadlines.deadlines.originals?.date).toBe('2026-04-02');
    // The federal calendar still serves every other deadline.
    expect(deadlines.deadlines.contract.date).toBe('2026-03-11');
  });

  it('refuses the package until the originals are received', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const error = await refused(harness.service.dispatch(id, staff, { type: 'package.dispatch', payload: { trackingNumber } }));
    expect(error.message).toBe('Пакет документов нельзя отправить: оригиналы акта и договора ещё не получены.');
  });

  it('refuses the package while a row has no result', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'enrolled');
    await run(harness, id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, times.lastDay);
    await run(harness, id, staff, { type: 'results.record', payload: { results: [{ rowId: rowIds[0] as string, passed: true }] } });
    await run(harness, id, staff, { type: 'originals.record_received', payload: {} });
    const error = await refused(harness.service.dispatch(id, staff, { type: 'package.dispatch', payload: { trackingNumber } }));
    expect(error.message).toBe('Пакет документов нельзя отправить: результаты не внесены для 1 из 2 участников.');
    expect(await stateOf(harness, id)).toBe('closing');
  });

  it('records originals received even if the organization never recorded sending them', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    await run(harness, id, staff, { type: 'originals.record_received', payload: {} }, times.originals);
    expect((await data(harness, id)).closing?.originalsReceivedAt).toBe(times.originals);
  });

  it('refuses a tracking number with a wrong check digit', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const error = await refused(
      harness.service.dispatch(id, representative, { type: 'originals.record_sent', payload: { trackingNumber: 'RA123456784RU' } }),
    );
    expect(error.code).toBe('invalid_payload');
    expect(error.violations?.map((violation) => [violation.code, violation.path.join('.')])).toEqual([
      ['tracking_number_invalid', 'trackingNumber'],
    ]);
  });

  it('uses the platform act instead of originals under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing', { delivery: 'electronic' });
    const sent = await refused(harness.service.dispatch(id, representative, { type: 'originals.record_sent', payload: { trackingNumber } }));
    expect(sent.reasons?.map((reason) => reason.condition)).toEqual(['paperDelivery']);
    expect((await data(harness, id)).deadlines.originals).toBeNull();
    await run(harness, id, staff, { type: 'act.record_signed_on_platform', payload: {} });
    await run(harness, id, staff, { type: 'payment.record', payload: { amount: 900_000, paidOn: '2026-03-27', reference: '1' } });
    const dispatched = await run(harness, id, staff, { type: 'package.dispatch', payload: { trackingNumber } });
    expect(dispatched.application.state).toBe('completed');
    expect(dispatched.application.data.dispatches[0]?.originals).toBe(false);
  });
});

describe('payment and certificates', () => {
  it('sends no certificates without payment in full and awaits payment', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'originals');
    await run(harness, id, staff, { type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-03-30', reference: '1' } });
    const dispatched = await run(harness, id, staff, { type: 'package.dispatch', payload: { trackingNumber } });
    expect(dispatched.application.state).toBe('awaiting_payment');
    expect(dispatched.application.data.dispatches).toEqual([
      {
        kind: 'package',
        trackingNumber,
        at: times.originals,
        by: staff.id,
        originals: true,
        certificateRowIds: [],
        certificateOfStudyRowIds: [rowIds[1]],
      },
    ]);

    const early = await refused(harness.service.dispatch(id, staff, { type: 'certificates.dispatch', payload: { trackingNumber } }));
    expect(early.message).toBe('Удостоверения нельзя отправить: оплачено 4 500,00 ₽ из 9 000,00 ₽.');

    await run(harness, id, staff, { type: 'payment.record', payload: { amount: 450_000, paidOn: '2026-04-01', reference: '2' } }, times.paid);
    const completed = await run(harness, id, staff, { type: 'certificates.dispatch', payload: { trackingNumber } });
    expect(completed.application.state).toBe('completed');
    expect(completed.application.data.dispatches[1]).toMatchObject({ kind: 'certificates', certificateRowIds: [rowIds[0]] });
  });

  it('sends certificates with the package when paid in full, and certificates of study for rows that did not pass', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'completed');
    const completed = await data(harness, id);
    expect(completed.dispatches[0]).toMatchObject({ certificateRowIds: [rowIds[0]], certificateOfStudyRowIds: [rowIds[1]] });
  });

  it('refuses a payment above the outstanding sum', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    await run(harness, id, staff, { type: 'payment.record', payload: { amount: 500_000, paidOn: '2026-03-03', reference: '1' } });
    const error = await refused(
      harness.service.dispatch(id, staff, { type: 'payment.record', payload: { amount: 500_000, paidOn: '2026-03-03', reference: '2' } }),
    );
    expect(error.message).toBe('Оплату нельзя внести: сумма платежа 5 000,00 ₽ больше остатка к оплате 4 000,00 ₽; проверьте сумму.');
  });

  it('refuses a payment dated after today in Moscow', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    harness.clock.set('2026-03-03T20:59:59.999Z');
    const error = await refused(
      harness.service.dispatch(id, staff, { type: 'payment.record', payload: { amount: 1, paidOn: '2026-03-04', reference: '1' } }),
    );
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['paymentDateNotInFuture']);
    harness.clock.set('2026-03-03T21:00:00.000Z');
    ok(await harness.service.dispatch(id, staff, { type: 'payment.record', payload: { amount: 1, paidOn: '2026-03-04', reference: '1' } }));
  });

  it('closes an application stuck awaiting payment with a reason', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'originals');
    await run(harness, id, staff, { type: 'package.dispatch', payload: { trackingNumber } });
    const closed = await run(harness, id, staff, { type: 'application.close', payload: { reason: 'Оплата не поступила' } });
    expect(closed.application.state).toBe('closed');
    expect(closed.application.data.outcome).toMatchObject({ reason: 'Оплата не поступила', by: staff.id });
  });
});

describe('thread', () => {
  it('is closed in a draft and after the end', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    const draft = await refused(harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: 'Вопрос' } }));
    expect(draft.code).toBe('not_allowed');

    await run(harness, id, representative, { type: 'application.submit', payload: {} }, times.submitted);
    const posted = await run(harness, id, representative, {
      type: 'message.post',
      payload: { text: 'Прикладываем письмо', attachments: [testFile('letter')] },
    });
    expect(posted.application.data.messages).toEqual([
      { id: posted.event.generated.id, author: representative, text: 'Прикладываем письмо', attachments: [testFile('letter')], at: times.submitted },
    ]);

    await run(harness, id, staff, { type: 'application.decline', payload: { reason: 'Программа отменена' } });
    const after = await refused(harness.service.dispatch(id, staff, { type: 'message.post', payload: { text: 'Ещё' } }));
    expect(after.code).toBe('not_allowed');
  });

  it('refuses an empty message', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const error = await refused(harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: '  ' } }));
    expect(error.code).toBe('invalid_payload');
  });
});
