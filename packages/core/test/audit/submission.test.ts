import { describe, expect, it } from 'vitest';
import { testFile } from '@fioco-flow/core/testing';
import { createHarness, foreignRepresentative, ok, organization, program, representative, rowPayload, run, snils, staff, times, walk, type Harness } from '../helpers.js';
import { boundaries, justBefore, refusal, stored } from './support.js';

/** Creates a filled draft with the given rows, each with the diploma and SNILS scans plus any extra kinds asked for. */
async function draftWith(harness: Harness, rows: Record<string, string>[], extraDocuments: Record<number, ('name_change' | 'passport')[]> = {}) {
  const { id } = await walk(harness, 'filled', { rows: 0 });
  const rowIds: string[] = [];
  for (const [index, row] of rows.entries()) {
    const added = await run(harness, id, representative, { type: 'row.add', payload: { row: row as never } });
    const rowId = added.event.generated.id as string;
    rowIds.push(rowId);
    for (const kind of ['diploma', 'snils', ...(extraDocuments[index] ?? [])] as const) {
      await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: [rowId], kind, file: testFile(`${kind}-${index}`) } });
    }
  }
  return { id, rowIds };
}

const submit = { type: 'application.submit', payload: {} } as const;

describe('submission deadline: 7 working days before the course, until 24:00 Moscow time', () => {
  it('accepts a submission at 23:59:59.999 Moscow time of the last day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    const submitted = await run(harness, id, representative, submit, justBefore(boundaries.submissionEndsAt));
    expect(submitted.application.state).toBe('submitted');
    expect(submitted.application.data.deadlines.submission).toMatchObject({ date: '2026-03-04', endsAt: boundaries.submissionEndsAt });
  });

  it('refuses a submission at 24:00 Moscow time and leaves the draft lapsed', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    harness.clock.set(boundaries.submissionEndsAt);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    expect(error.code).toBe('not_allowed');
    expect((await stored(harness, id)).state).toBe('lapsed');
    expect((await stored(harness, id)).data.outcome?.lapseCause).toBe('submission_deadline');
  });

  it('takes a Vladivostok instant on Moscow time', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    const submitted = await run(harness, id, representative, submit, '2026-03-05T01:30:00+10:00');
    expect(submitted.application.data.submission?.submittedAt).toBe('2026-03-04T15:30:00.000Z');
  });

  it('refuses a new draft at 24:00 Moscow time of the last day', async () => {
    const harness = createHarness({ start: boundaries.submissionEndsAt });
    const error = await refusal(harness.service.create(representative, { programId: program.id }));
    expect(error.code).toBe('blocked');
  });

  it('ends the day at the program cut-off when the institute announces one', async () => {
    const early = { ...program, id: 'vpr-cutoff', deadlinePolicy: { cutOff: '18:00' } };
    const harness = createHarness({ programs: [early] });
    harness.clock.set(times.created);
    const created = ok(await harness.service.create(representative, { programId: early.id }));
    expect(created.application.data.deadlines.submission.endsAt).toBe('2026-03-04T15:00:00.000Z');
    harness.clock.set('2026-03-04T15:00:00.000Z');
    const error = await refusal(harness.service.dispatch(created.application.id, representative, { type: 'draft.update', payload: { comment: 'x' } }));
    expect(error.code).toBe('not_allowed');
    expect((await stored(harness, created.application.id)).state).toBe('lapsed');
  });
});

describe('participant list rules at submission', () => {
  it('refuses a repeated (SNILS, subject) pair', async () => {
    const harness = createHarness();
    const number = snils(128_475_036);
    const { id } = await draftWith(harness, [rowPayload(0, { snils: number }), rowPayload(2, { snils: number.replace(/[- ]/g, ' ') })]);
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    expect(error.code).toBe('rule_violations');
    const duplicate = error.violations?.find((violation) => violation.code === 'duplicate_snils_subject');
    expect(duplicate).toMatchObject({ path: ['participants', 1, 'subject'], params: { rows: [1, 2], subject: 'russian' } });
    expect(duplicate?.message).toMatch(/строк/);
  });

  it('accepts one person in several subjects with the same personal data', async () => {
    const harness = createHarness();
    const number = snils(128_475_036);
    const { id } = await draftWith(harness, [rowPayload(0, { snils: number }), rowPayload(1, { snils: number, email: 'TEACHER0@school17.ru', diplomaNumber: rowPayload(0).diplomaNumber })]);
    const submitted = await run(harness, id, representative, submit, times.submitted);
    expect(submitted.application.data.submission).toMatchObject({ participantCount: 2, contractSum: 2 * program.pricePerRow });
  });

  it('reports two rows of one SNILS with different birth dates together', async () => {
    const harness = createHarness();
    const number = snils(128_475_036);
    const { id } = await draftWith(harness, [
      rowPayload(0, { snils: number }),
      rowPayload(1, { snils: number, birthDate: '1986-04-13', email: 'teacher0@school17.ru', diplomaNumber: rowPayload(0).diplomaNumber }),
    ]);
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    expect(error.violations?.map((violation) => violation.code)).toEqual(['personal_data_mismatch']);
    expect(error.violations?.[0]?.params).toMatchObject({ rows: [1, 2], fields: ['birthDate'] });
    expect((await stored(harness, id)).state).toBe('draft');
  });

  it('requires a document on the change of surname when the diploma surname differs', async () => {
    const harness = createHarness();
    const { id } = await draftWith(harness, [rowPayload(0, { lastName: 'Кузнецова', diplomaSurname: 'Белова' })]);
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    expect(error.violations).toHaveLength(1);
    expect(error.violations?.[0]).toMatchObject({ code: 'document_missing', path: ['participants', 0, 'documents'], params: { kind: 'name_change' } });
  });

  it('treats ё and е, and letter case, as the same surname', async () => {
    const harness = createHarness();
    const { id } = await draftWith(harness, [rowPayload(0, { lastName: 'Семёнова', diplomaSurname: 'СЕМЕНОВА' })]);
    const submitted = await run(harness, id, representative, submit, times.submitted);
    expect(submitted.application.state).toBe('submitted');
  });

  it('accepts the change-of-surname document when it is attached', async () => {
    const harness = createHarness();
    const { id } = await draftWith(harness, [rowPayload(0, { lastName: 'Кузнецова', diplomaSurname: 'Белова' })], { 0: ['name_change'] });
    const submitted = await run(harness, id, representative, submit, times.submitted);
    expect(submitted.application.state).toBe('submitted');
  });

  it('lets rows of one person share the same scans', async () => {
    const harness = createHarness();
    const number = snils(128_475_036);
    const { id } = await walk(harness, 'filled', { rows: 0 });
    const first = await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(0, { snils: number }) } });
    const second = await run(harness, id, representative, {
      type: 'row.add',
      payload: { row: rowPayload(1, { snils: number, email: 'teacher0@school17.ru', diplomaNumber: rowPayload(0).diplomaNumber }) },
    });
    const both = [first.event.generated.id as string, second.event.generated.id as string];
    for (const kind of ['diploma', 'snils'] as const) {
      await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: both, kind, file: testFile(kind) } });
    }
    expect((await run(harness, id, representative, submit, times.submitted)).application.state).toBe('submitted');
  });

  it('compares the names of one person, ё as е', async () => {
    const number = snils(128_475_036);
    const same = { snils: number, email: 'teacher0@school17.ru', diplomaNumber: rowPayload(0).diplomaNumber };
    const alike = createHarness();
    const a = await draftWith(alike, [
      rowPayload(0, { snils: number, firstName: 'Алёна', lastName: 'Семёнова', diplomaSurname: 'Семёнова' }),
      rowPayload(1, { ...same, firstName: 'АЛЕНА', lastName: 'семенова', diplomaSurname: 'Семенова', phone: '8 (915) 204-37-18' }),
    ]);
    expect((await run(alike, a.id, representative, submit, times.submitted)).application.state).toBe('submitted');

    const different = createHarness();
    const b = await draftWith(different, [rowPayload(0, { snils: number }), { ...rowPayload(1, same), patronymic: '' }]);
    different.clock.set(times.submitted);
    const error = await refusal(different.service.dispatch(b.id, representative, submit));
    expect(error.violations?.[0]).toMatchObject({ code: 'personal_data_mismatch', params: { rows: [1, 2], fields: ['patronymic'] } });
  });

  it('accepts hyphenated surnames and «оглы» patronymics', async () => {
    const harness = createHarness();
    const { id } = await draftWith(harness, [
      rowPayload(0, { lastName: 'Иванова-Петрова', diplomaSurname: 'Иванова-Петрова' }),
      rowPayload(1, { lastName: 'Мамедов', firstName: 'Эльчин', patronymic: 'Рашид оглы', sex: 'male', diplomaSurname: 'Мамедов' }),
    ]);
    expect((await run(harness, id, representative, submit, times.submitted)).application.state).toBe('submitted');
  });

  it('requires every document the program adds, such as the passport', async () => {
    const withPassport = { ...program, id: 'vpr-passport', requiredDocuments: ['diploma', 'snils', 'passport'] as const };
    const harness = createHarness({ programs: [withPassport as never] });
    harness.clock.set(times.created);
    const created = ok(await harness.service.create(representative, { programId: withPassport.id }));
    const id = created.application.id;
    await run(harness, id, representative, {
      type: 'draft.update',
      payload: { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } },
    });
    const row = await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(0) } });
    const rowId = row.event.generated.id as string;
    for (const kind of ['diploma', 'snils'] as const) {
      await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: [rowId], kind, file: testFile(kind) } });
    }
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    expect(error.violations?.map((violation) => violation.params['kind'])).toEqual(['passport']);
  });

  it('refuses a foreign subject on entry', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled', { rows: 0 });
    const error = await refusal(harness.service.dispatch(id, representative, { type: 'row.add', payload: { row: rowPayload(0, { subject: 'physics' }) } }));
    expect(error.violations?.[0]).toMatchObject({ code: 'subject_not_in_program', path: ['participants', 0, 'subject'] });
  });

  it('refuses a wrong SNILS checksum on entry', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled', { rows: 1 });
    const before = await stored(harness, id);
    const wrong = snils(128_475_036).replace(/\d\d$/, (check) => String((Number(check) + 1) % 100).padStart(2, '0'));
    const error = await refusal(harness.service.dispatch(id, representative, { type: 'row.add', payload: { row: rowPayload(3, { snils: wrong }) } }));
    expect(error.code).toBe('invalid_payload');
    expect(error.violations?.[0]).toMatchObject({ code: 'snils_invalid_checksum', path: ['participants', 1, 'snils'] });
    expect((await stored(harness, id)).version).toBe(before.version);
  });

  it('reports every violation at once, each naming its row and field', async () => {
    const harness = createHarness();
    const created = ok(await harness.service.create(representative, { programId: program.id }));
    const id = created.application.id;
    await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(0) } });
    await run(harness, id, representative, { type: 'row.add', payload: { row: { ...rowPayload(1), lastName: 'Иванова' } } });
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit));
    const paths = error.violations?.map((violation) => violation.path.join('.')) ?? [];
    // Requisites, payment terms, delivery, both consents, and two missing scans in each row.
    expect(paths).toEqual(expect.arrayContaining(['paymentTerms', 'delivery', 'consents.personalData', 'consents.dataAccuracy']));
    expect(paths.filter((path) => path === 'participants.0.documents')).toHaveLength(2);
    expect(paths.filter((path) => path === 'participants.1.documents')).toHaveLength(3);
    expect(error.violations?.find((violation) => violation.path.join('.') === 'participants.1.documents')?.message).toMatch(/строке 2/);
    expect(error.message).toMatch(/[а-я]/);
  });

  it('reports the rules in English on request', async () => {
    const harness = createHarness();
    const { id } = await draftWith(harness, [rowPayload(0, { lastName: 'Кузнецова', diplomaSurname: 'Белова' })]);
    harness.clock.set(times.submitted);
    const error = await refusal(harness.service.dispatch(id, representative, submit, { locale: 'en' }));
    expect(error.violations?.[0]?.message).toMatch(/row 1/i);
  });
});

describe('after submission the list is fixed', () => {
  it('refuses to add, change or remove a row, or attach a document, and keeps the count and the sum', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'submitted');
    const before = await stored(harness, id);
    for (const command of [
      { type: 'row.add', payload: { row: rowPayload(5) } },
      { type: 'row.update', payload: { rowId: rowIds[0] as string, changes: { position: 'завуч' } } },
      { type: 'row.remove', payload: { rowId: rowIds[0] as string } },
      { type: 'document.attach', payload: { rowIds: [rowIds[0] as string], kind: 'other', file: testFile('late') } },
      { type: 'draft.update', payload: { paymentTerms: 'postpayment' } },
    ] as const) {
      expect((await refusal(harness.service.dispatch(id, representative, command))).code, command.type).toBe('not_allowed');
    }
    const after = await stored(harness, id);
    expect(after.version).toBe(before.version);
    expect(after.data.submission).toEqual({ submittedAt: times.submitted, participantCount: 2, contractSum: 2 * program.pricePerRow });
  });
});

describe('one application per organization and program that is not final', () => {
  it('refuses a second draft, allows one once the first is final, and never counts another organization', async () => {
    const harness = createHarness();
    const first = ok(await harness.service.create(representative, { programId: program.id }));
    const second = await refusal(harness.service.create(representative, { programId: program.id }));
    expect(second.code).toBe('duplicate_application');
    ok(await harness.service.create(foreignRepresentative, { programId: program.id }));

    await run(harness, first.application.id, representative, { type: 'application.discard', payload: {} });
    ok(await harness.service.create(representative, { programId: program.id }));
  });

  it('refuses a new draft while the earlier application is in work', async () => {
    const harness = createHarness();
    await walk(harness, 'in_work');
    harness.clock.set(times.reviewed);
    expect((await refusal(harness.service.create(representative, { programId: program.id }))).code).toBe('duplicate_application');
  });

  it('lets only one of two simultaneous creations through', async () => {
    const harness = createHarness();
    const results = await Promise.all([
      harness.service.create(representative, { programId: program.id }),
      harness.service.create({ ...representative, id: 'rep-smirnova' }, { programId: program.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.flatMap((result) => (result.ok ? [] : [result.error.code]))).toEqual(['duplicate_application']);
  });

  it('allows a new draft after the earlier one was declined', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    await run(harness, id, staff, { type: 'application.decline', payload: { reason: 'Нет печати на заявке' } });
    ok(await harness.service.create(representative, { programId: program.id }));
  });
});
