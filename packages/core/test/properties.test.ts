import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationStates,
  commandTypes,
  contractSum,
  dateInTimeZoneOf,
  endOfDay,
  isFinalState,
  paidAmount,
  type Actor,
  type ApplicationData,
  type CommandType,
  type StoredApplication,
} from './property-support.js';
import { testFile, testProgram } from '@fioco-flow/core/testing';
import {
  calendar,
  createHarness,
  foreignRepresentative,
  organization,
  program,
  representative,
  rowPayload,
  staff,
  system,
  walk,
  type Harness,
  type Stage,
} from './helpers.js';

/**
 * One step of a random session: who acts, how the command is chosen (`forward`: the next command of the
 * procedure the actor is offered; `offered`: any command offered; `any`: any command type at all), and how far
 * the clock moves first.
 */
interface Step {
  readonly actor: 0 | 1 | 2 | 3;
  readonly mode: 'forward' | 'offered' | 'any';
  readonly index: number;
  readonly pick: number;
  readonly flavor: number;
  readonly advanceMinutes: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  actor: fc.constantFrom<Step['actor']>(0, 0, 0, 0, 1, 1, 1, 1, 2, 3),
  mode: fc.constantFrom<Step['mode']>('forward', 'forward', 'forward', 'forward', 'offered', 'any'),
  index: fc.nat(),
  pick: fc.nat(),
  flavor: fc.nat(),
  // -1 jumps to the course's last day once the application is enrolled (and moves a day otherwise).
  advanceMinutes: fc.constantFrom(0, 0, 0, 0, 0, 0, 60, 60, 24 * 60, 3 * 24 * 60, -1),
});

/** The procedure's commands in the order a cooperative actor sends them. */
const forwardOrder: readonly CommandType[] = [
  'draft.update',
  'row.add',
  'document.attach',
  'application.submit',
  'document.accept',
  'document.replace',
  'application.take_into_work',
  'contract.upload_signed',
  'contract.confirm',
  'contract.send_concluded',
  'invoice.send',
  'closing.issue',
  'results.record',
  'act.upload_signed',
  'originals.record_sent',
  'originals.record_received',
  'act.record_signed_on_platform',
  'payment.record',
  'package.dispatch',
  'certificates.dispatch',
];

/** Whether a command still moves the application forward, so that a cooperative actor sends it. */
function advances(type: CommandType, data: ApplicationData): boolean {
  switch (type) {
    case 'draft.update':
      return data.form.paymentTerms === null;
    case 'row.add':
      return data.rows.length < 2;
    case 'document.attach':
      return data.rows.some((row) =>
        (['diploma', 'snils'] as const).some((kind) => !data.documents.some((document) => document.kind === kind && document.rowIds.includes(row.id))),
      );
    case 'results.record':
      return data.results.length < data.rows.length;
    case 'act.upload_signed':
      return (data.closing?.signedActUploads.length ?? 0) === 0;
    case 'originals.record_sent':
      return data.closing?.originalsSent === null;
    case 'payment.record':
      // Under postpayment a cooperative organization pays once the package went out, so the walk reaches
      // awaiting_payment too.
      return paidAmount(data) < contractSum(data) && (data.form.paymentTerms === 'prepayment' || data.dispatches.length > 0);
    default:
      return true;
  }
}

const ending = new Set<CommandType>(['application.discard', 'application.decline', 'application.withdraw', 'application.close']);

const actors: Record<Step['actor'], Actor> = { 0: representative, 1: staff, 2: system, 3: foreignRepresentative };

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** A payload for a command type, built from the application's data: valid most of the time, wrong on purpose otherwise. */
function payloadFor(type: CommandType, data: ApplicationData, pick: number, flavor: number, today: string): unknown {
  const row = at(data.rows, pick);
  const document = at(data.documents, pick);
  const pending = at(
    data.documents.filter((entry) => entry.status === 'pending'),
    pick,
  );
  const replaceable = at(
    data.documents.filter((entry) => entry.status === 'rejected' || entry.status === 'requested'),
    pick,
  );
  const missing = data.rows.flatMap((entry) =>
    (['diploma', 'snils'] as const)
      .filter((kind) => !data.documents.some((attached) => attached.kind === kind && attached.rowIds.includes(entry.id)))
      .map((kind) => ({ rowId: entry.id, kind })),
  );
  const toAttach = at(missing, pick);
  const file = testFile(`f-${pick % 7}-${flavor % 5}`);
  switch (type) {
    case 'draft.update':
      return flavor % 4 === 3
        ? { organization: { inn: '6912004727' } }
        : {
            organization,
            paymentTerms: flavor % 2 === 0 ? 'prepayment' : 'postpayment',
            delivery: flavor % 4 === 1 ? 'electronic' : 'paper',
            platformName: flavor % 4 === 1 ? 'РТС-тендер' : null,
            consents: { personalData: true, dataAccuracy: true },
          };
    case 'row.add':
      return { row: flavor % 6 === 5 ? { snils: '112-233-445 96' } : rowPayload(data.rows.length + (pick % 3)) };
    case 'row.update':
      return { rowId: row?.id ?? 'row-x', changes: { position: `учитель ${flavor % 3}` } };
    case 'row.remove':
      return { rowId: row?.id ?? 'row-x' };
    case 'document.attach':
      return toAttach === undefined || flavor % 5 === 4
        ? { rowIds: [row?.id ?? 'row-x'], kind: flavor % 2 === 0 ? 'diploma' : 'snils', file }
        : { rowIds: [toAttach.rowId], kind: toAttach.kind, file };
    case 'document.accept':
      return { documentId: (flavor % 5 === 4 ? document : (pending ?? document))?.id ?? 'doc-x' };
    case 'document.reject':
      return { documentId: (pending ?? document)?.id ?? 'doc-x', reason: 'Скан нечитаем' };
    case 'document.request':
      return { rowIds: [row?.id ?? 'row-x'], kind: 'passport', reason: 'Нужен паспорт' };
    case 'document.replace':
      return { documentId: (replaceable ?? document)?.id ?? 'doc-x', file };
    case 'application.discard':
    case 'application.submit':
    case 'application.take_into_work':
    case 'contract.confirm':
    case 'originals.record_received':
    case 'act.record_signed_on_platform':
    case 'clock.tick':
      return {};
    case 'application.decline':
    case 'application.withdraw':
    case 'contract.return':
    case 'application.close':
      return { reason: 'Причина' };
    case 'contract.upload_signed':
      return {
        contract: file,
        consent: testFile('consent'),
        ...(data.form.delivery === 'electronic' && flavor % 4 !== 3 ? { platformContractNumber: 'РТС-1' } : {}),
      };
    case 'contract.send_concluded':
    case 'invoice.send':
    case 'act.upload_signed':
      return { file };
    case 'closing.issue':
      return {
        act: file,
        ...((data.form.paymentTerms === 'postpayment') !== (flavor % 4 === 3) ? { invoice: testFile('invoice') } : {}),
      };
    case 'originals.record_sent':
    case 'package.dispatch':
    case 'certificates.dispatch':
      return { trackingNumber: flavor % 5 === 4 ? 'RA123456784RU' : 'RA123456785RU' };
    case 'results.record':
      return { results: data.rows.map((entry, index) => ({ rowId: entry.id, passed: ((flavor >> index) & 1) === 0 })) };
    case 'payment.record': {
      const outstanding = Math.max(1, contractSum(data) - paidAmount(data));
      // The whole rest, half of it, or 1 ₽ too much.
      const amounts = [outstanding, Math.max(1, Math.floor(outstanding / 2)), outstanding + 100];
      const amount = amounts[flavor % 3]!;
      return { amount, paidOn: today, reference: `п/п ${flavor % 100}` };
    }
    case 'message.post':
      return { text: flavor % 4 === 3 ? '' : 'Сообщение', attachments: [] };
  }
}

const concluded = new Set(['enrolled', 'closing', 'awaiting_payment', 'completed', 'closed']);

/** Checks every invariant on the stored application. */
function checkInvariants(stored: StoredApplication, frozenRows: readonly string[] | null): void {
  const data = stored.snapshot.data;

  // Course access only at conclusion, and only with every document accepted.
  if (data.access !== null) {
    expect(concluded.has(stored.state)).toBe(true);
    expect(data.contract.concludedAt).not.toBeNull();
    expect(data.documents.every((document) => document.status === 'accepted')).toBe(true);
  } else {
    expect(['enrolled', 'closing', 'awaiting_payment', 'completed'].includes(stored.state)).toBe(false);
  }

  // No certificates without payment in full by the time of the dispatch.
  for (const dispatch of data.dispatches) {
    if (dispatch.certificateRowIds.length === 0) continue;
    const paidBefore = data.payments.filter((payment) => Date.parse(payment.recordedAt) <= Date.parse(dispatch.at));
    expect(paidBefore.reduce((sum, payment) => sum + payment.amount, 0)).toBeGreaterThanOrEqual(contractSum(data));
  }
  if (stored.state === 'completed') expect(paidAmount(data)).toBeGreaterThanOrEqual(contractSum(data));

  // The participant list is fixed at submission.
  if (frozenRows !== null) {
    expect(data.rows.map((row) => row.id)).toEqual(frozenRows);
    expect(data.submission?.participantCount).toBe(frozenRows.length);
  }

  expect(stored.final).toBe(isFinalState(stored.state));
  if (stored.final) expect(stored.nextDeadlineAt).toBeNull();
  expect(applicationStates).toContain(stored.state);
}

async function runSession(harness: Harness, steps: readonly Step[], from: Stage = 'created'): Promise<string> {
  const { id } = await walk(harness, from, { paymentTerms: steps.length % 2 === 0 ? 'prepayment' : 'postpayment' });
  const start = await harness.store.get(id);
  let frozenRows: string[] | null = start?.snapshot.data.submission === null ? null : (start?.snapshot.data.rows.map((row) => row.id) ?? null);

  for (const step of steps) {
    const before = (await harness.store.get(id)) as StoredApplication;
    if (step.advanceMinutes >= 0) {
      harness.clock.advance(step.advanceMinutes * 60_000);
    } else if (before.state === 'enrolled') {
      const lastDay = Date.parse(`${program.courseEnd}T07:00:00.000Z`);
      harness.clock.set(new Date(Math.max(lastDay, harness.clock.now().getTime())));
    } else {
      harness.clock.advance(24 * 60 * 60_000);
    }
    const actor = actors[step.actor];

    let type = commandTypes[step.index % commandTypes.length] as CommandType;
    if (step.mode !== 'any') {
      // A foreign representative is offered what the owner would be, and still must get "not found".
      const asked = actor === foreignRepresentative ? representative : actor;
      const offered = await harness.service.availableCommands(id, asked);
      const available = offered.ok ? offered.commands.filter((command) => command.available).map((command) => command.type) : [];
      const data = before.snapshot.data;
      // Commands that end the application are offered too, but picked only now and then.
      const offeredNow = step.flavor % 8 === 0 ? available : available.filter((candidate) => !ending.has(candidate));
      const chosen =
        step.mode === 'forward'
          ? forwardOrder.find((candidate) => available.includes(candidate) && advances(candidate, data))
          : at(offeredNow, step.index);
      type = chosen ?? type;
    }
    const today = dateInTimeZoneOf(harness.clock.now(), step.flavor % 11 === 10 ? 1 : 0);
    const payload = payloadFor(type, before.snapshot.data, step.pick, step.flavor, today);
    const result = await harness.service.dispatch(id, actor, { type, payload });
    const after = (await harness.store.get(id)) as StoredApplication;

    if (actor === foreignRepresentative) {
      // Another organization never sees the application and never changes it.
      expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
      expect(after).toEqual(before);
    }
    if (before.final) {
      // Final states accept no command, and the clock has nothing left to do.
      expect(result.ok).toBe(false);
      expect(after).toEqual(before);
    }
    if (!result.ok && result.error.code !== 'not_allowed' && result.error.code !== 'blocked' && result.error.code !== 'invalid_payload' && result.error.code !== 'rule_violations') {
      expect(result.error.code === 'forbidden' || result.error.code === 'not_found').toBe(true);
    }

    if (frozenRows === null && after.snapshot.data.submission !== null) frozenRows = after.snapshot.data.rows.map((row) => row.id);
    checkInvariants(after, frozenRows);
  }
  return id;
}

describe('properties of random sessions', () => {
  it('keep every invariant, whoever sends what', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 20, maxLength: 70 }), async (steps) => {
        const harness = createHarness();
        const id = await runSession(harness, steps);

        // Replaying the event log gives the stored snapshot.
        const events = await harness.store.events(id);
        expect(harness.service.replay(events)).toEqual((await harness.store.get(id))?.snapshot);
        expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));

        // Every computed deadline falls on a working day.
        const deadlines = await harness.service.deadlines(id, staff);
        if (!deadlines.ok) return expect.fail(deadlines.error.message);
        const { submission, contract, review, documentReviews, originals } = deadlines.deadlines;
        for (const deadline of [submission, contract, review, originals, ...documentReviews]) {
          if (deadline !== undefined) expect(calendar.isWorkingDay(deadline.date)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep every invariant from conclusion on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 10, maxLength: 50 }), async (steps) => {
        const harness = createHarness();
        const id = await runSession(harness, steps, 'enrolled');
        const events = await harness.store.events(id);
        expect(harness.service.replay(events)).toEqual((await harness.store.get(id))?.snapshot);
      }),
      { numRuns: 60 },
    );
  });

  it('reach the later states often enough to matter', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 60, maxLength: 120 }), async (steps) => {
        const harness = createHarness();
        const id = await runSession(harness, steps);
        const events = await harness.store.events(id);
        for (const event of events) reached.add(event.state);
      }),
      { numRuns: 60, seed: 20_260_316 },
    );
    for (const state of applicationStates.filter((state) => state !== 'declined' && state !== 'withdrawn' && state !== 'closed')) {
      expect(reached).toContain(state);
    }
  });
});

describe('properties of deadlines', () => {
  // Course starts anywhere in the calendar's data that leaves room for the deadlines after it.
  const courseStart = fc
    .integer({ min: Date.UTC(2014, 1, 1), max: Date.UTC(2027, 10, 30) })
    .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));

  it('put every deadline of a new application on a working day, ending at 24:00 Moscow time', async () => {
    await fc.assert(
      fc.asyncProperty(courseStart, fc.integer({ min: 0, max: 40 }), async (start, length) => {
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        const course = testProgram({ id: 'p', courseStart: start, courseEnd: end });
        const harness = createHarness({ programs: [course], start: new Date(Date.parse(`${start}T00:00:00Z`) - 120 * 86_400_000).toISOString() });
        const created = await harness.service.create(representative, { programId: 'p' });
        if (!created.ok) return expect.fail(created.error.message);
        const { submission, contract, firstDayEndsAt } = created.application.data.deadlines;

        for (const deadline of [submission, contract]) {
          expect(calendar.isWorkingDay(deadline.date)).toBe(true);
          expect(deadline.date < start).toBe(true);
          expect(deadline.endsAt).toBe(endOfDay(deadline.date, 'Europe/Moscow'));
          // Moscow has been UTC+3 since 26 October 2014: 24:00 there is 21:00 UTC of the same day.
          if (deadline.date >= '2014-10-27') expect(deadline.endsAt).toBe(`${deadline.date}T21:00:00.000Z`);
        }
        // The last allowed day is one of the N working days before the start, which itself is never counted.
        const startCounts = calendar.isWorkingDay(start) ? 1 : 0;
        expect(calendar.countWorkingDays(submission.date, start) - startCounts).toBe(6);
        expect(calendar.countWorkingDays(contract.date, start) - startCounts).toBe(2);
        expect(firstDayEndsAt).toBe(endOfDay(start, 'Europe/Moscow'));
      }),
      { numRuns: 200 },
    );
  });
});
