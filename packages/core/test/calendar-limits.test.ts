import { describe, expect, it } from 'vitest';
import { createApplicationService, createManualClock, createMemoryStore } from '@fioco-flow/core';
import { testFile, testProgram } from '@fioco-flow/core/testing';
import { extendCalendar, russianCalendar, type WorkCalendar } from '@fioco-flow/rules';
import { createHarness, ok, organization, representative, rowPayload, run, staff, type Harness } from './helpers.js';
import { refusal, stored } from './audit/support.js';

/**
 * A course Monday 13 December – Wednesday 29 December 2027: the last year of the bundled calendar. Ten working
 * days after an act issued on its last day fall in 2028, which the calendar has no data for.
 */
const lateProgram = testProgram({ id: 'vpr-2027-12', courseStart: '2027-12-13', courseEnd: '2027-12-29' });

/** Moscow is UTC+3: 09:00Z is 12:00 Moscow time. */
const late = {
  created: '2027-11-22T09:00:00.000Z',
  submitted: '2027-11-23T09:00:00.000Z',
  reviewed: '2027-11-24T09:00:00.000Z',
  signed: '2027-11-26T09:00:00.000Z',
  confirmed: '2027-11-29T09:00:00.000Z',
  lastDay: '2027-12-29T07:00:00.000Z',
} as const;

/** Walks an application of the late course to `enrolled` with one row, prepayment and paper delivery. */
async function enrolled(harness: Harness): Promise<string> {
  harness.clock.set(late.created);
  const id = ok(await harness.service.create(representative, { programId: lateProgram.id })).application.id;
  await run(harness, id, representative, {
    type: 'draft.update',
    payload: { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } },
  });
  const rowId = (await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(0) } })).event.generated.id as string;
  const documentIds: string[] = [];
  for (const kind of ['diploma', 'snils'] as const) {
    const attached = await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: [rowId], kind, file: testFile(kind) } });
    documentIds.push(attached.event.generated.id as string);
  }
  await run(harness, id, representative, { type: 'application.submit', payload: {} }, late.submitted);
  harness.clock.set(late.reviewed);
  for (const documentId of documentIds) await run(harness, id, staff, { type: 'document.accept', payload: { documentId } });
  await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
  await run(
    harness,
    id,
    representative,
    { type: 'contract.upload_signed', payload: { contract: testFile('contract-signed'), consent: testFile('consent-signed') } },
    late.signed,
  );
  await run(harness, id, staff, { type: 'contract.confirm', payload: {} }, late.confirmed);
  await run(harness, id, staff, { type: 'contract.send_concluded', payload: { file: testFile('contract-concluded') } });
  await run(harness, id, staff, { type: 'invoice.send', payload: { file: testFile('invoice') } });
  return id;
}

describe('deadline beyond the calendar data', () => {
  it('rejects the act and writes nothing', async () => {
    const harness = createHarness({ programs: [lateProgram] });
    const id = await enrolled(harness);
    const before = await stored(harness, id);
    const eventsBefore = await harness.store.events(id);

    harness.clock.set(late.lastDay);
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));

    expect(error.code).toBe('calendar_out_of_range');
    expect(error.year).toBe(2028);
    expect(error.message).toBe(
      'Команда «Выставить закрывающие документы» не выполнена: в производственном календаре нет данных за 2028 год, ' +
        'а срок, который она открывает, приходится на этот год. Администратор системы должен добавить 2028 год в календарь ' +
        'функцией extendCalendar.',
    );
    const after = await stored(harness, id);
    expect(after.version).toBe(before.version);
    expect(after.state).toBe('enrolled');
    expect(after.data).toEqual(before.data);
    expect(await harness.store.events(id)).toEqual(eventsBefore);
  });

  it('writes the message in English', async () => {
    const harness = createHarness({ programs: [lateProgram] });
    const id = await enrolled(harness);
    harness.clock.set(late.lastDay);
    const error = await refusal(
      harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, { locale: 'en' }),
    );
    expect(error.message).toBe(
      'The command "Issue the closing documents" was not carried out: the production calendar has no data for 2028, ' +
        'the year a deadline it opens falls in. The system administrator must add 2028 to the calendar with extendCalendar.',
    );
  });

  it('rejects a dry run too', async () => {
    const harness = createHarness({ programs: [lateProgram] });
    const id = await enrolled(harness);
    const before = await stored(harness, id);
    harness.clock.set(late.lastDay);
    const error = await refusal(
      harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, { dryRun: true }),
    );
    expect(error.code).toBe('calendar_out_of_range');
    expect((await stored(harness, id)).version).toBe(before.version);
  });
});

/**
 * A course Monday 15 March – Friday 26 March 2027. On the bundled calendar, where 2027 is provisional, the submission
 * deadline is Wednesday 3 March (seven working days back: 12, 11, 10, 9, 5, 4, 3 March, with 8 March a holiday).
 */
const march2027 = testProgram({ id: 'vpr-2027-03', courseStart: '2027-03-15', courseEnd: '2027-03-26' });

/** The 2027 year of the bundled data with Wednesday 3 March 2027 made a day off, as a decree could. */
function with3MarchOff(base: WorkCalendar): WorkCalendar {
  const provisional = {
    nonWorkingWeekdays: ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04'],
    workingWeekends: [],
    shortDays: ['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31'],
  };
  return extendCalendar(
    base,
    { years: { '2027': { ...provisional, nonWorkingWeekdays: [...provisional.nonWorkingWeekdays, '2027-03-03'].sort(), calendarStatus: 'official' } } },
    { mode: 'replace-years' },
  );
}

describe('deadlines after a calendar update', () => {
  it('shows the enforced dates', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2027-02-15T09:00:00.000Z');
    const before = createApplicationService({ store, clock, calendar: russianCalendar(), programs: [march2027], ids: () => 'a-2027-03' });
    const id = ok(await before.create(representative, { programId: march2027.id })).application.id;
    const enforced = (await store.get(id))?.snapshot.data.deadlines;
    expect(enforced?.submission.date).toBe('2027-03-03');

    const updated = with3MarchOff(russianCalendar());
    expect(updated.addWorkingDays('2027-03-15', -7)).toBe('2027-03-02');
    const after = createApplicationService({ store, clock, calendar: updated, programs: [march2027] });
    const shown = await after.deadlines(id, representative);
    if (!shown.ok) return expect.fail(shown.error.message);

    expect(shown.deadlines.submission.date).toBe(enforced?.submission.date);
    expect(shown.deadlines.submission.endsAt).toBe(enforced?.submission.endsAt);
    expect(shown.deadlines.submission.provisional).toBe(enforced?.submission.provisional);
    expect(shown.deadlines.contract.date).toBe(enforced?.contract.date);
    expect(shown.deadlines.contract.endsAt).toBe(enforced?.contract.endsAt);
    expect(shown.deadlines.submission.explanation.skippedDays.map((day) => day.date)).toContain('2027-03-03');
    expect(shown.deadlines.submission.explanation.countedDays).toEqual(['2027-03-04', '2027-03-05', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12']);

    // The clock enforces the same instant: a draft lapses when the shown submission deadline ends, not a day earlier.
    await after.tick(new Date(Date.parse(shown.deadlines.submission.endsAt) - 1));
    expect((await store.get(id))?.state).toBe('draft');
    await after.tick(shown.deadlines.submission.endsAt);
    expect((await store.get(id))?.state).toBe('lapsed');
  });

  it('replays to the stored snapshot', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2027-02-15T09:00:00.000Z');
    const service = createApplicationService({ store, clock, calendar: russianCalendar(), programs: [march2027], ids: () => 'a-2027-03' });
    const id = ok(await service.create(representative, { programId: march2027.id })).application.id;
    expect(service.replay(await store.events(id))).toEqual((await store.get(id))?.snapshot);
  });
});
