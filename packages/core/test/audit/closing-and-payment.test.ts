import { describe, expect, it } from 'vitest';
import { testFile } from '@fioco-flow/core/testing';
import { createHarness, organization, program, representative, rowPayload, run, staff, times, trackingNumber, walk } from '../helpers.js';
import { boundaries, justBefore, refusal, stored } from './support.js';

const payment = (amount: number, reference: string, paidOn = '2026-03-30') =>
  ({ type: 'payment.record', payload: { amount, paidOn, reference } }) as const;
const dispatchPackage = { type: 'package.dispatch', payload: { trackingNumber } } as const;

describe('closing documents from the course last day', () => {
  it('issues the act from 00:00 of the last day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    harness.clock.set(justBefore(boundaries.lastDayBeginsAt));
    const early = await refusal(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
    expect(early.reasons?.map((reason) => reason.condition)).toEqual(['courseLastDayReached']);
    const issued = await run(harness, id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, boundaries.lastDayBeginsAt);
    expect(issued.application.state).toBe('closing');
    expect(issued.application.data.messages.at(-1)?.attachments.map((file) => file.id)).toEqual(['act']);
  });

  it('refuses results before the last day while enrolled', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'enrolled');
    harness.clock.set(justBefore(boundaries.lastDayBeginsAt));
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'results.record', payload: { results: [{ rowId: rowIds[0] as string, passed: true }] } }));
    expect(error.code).toBe('blocked');
  });

  it('requires the invoice with the act under postpayment', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled', { paymentTerms: 'postpayment' });
    harness.clock.set(times.lastDay);
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['invoiceMatchesPaymentTerms']);
    const issued = await run(harness, id, staff, { type: 'closing.issue', payload: { act: testFile('act'), invoice: testFile('invoice') } });
    expect(issued.application.data.closing?.invoice?.id).toBe('invoice');
  });

  it('refuses an invoice with the act under prepayment', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    harness.clock.set(times.lastDay);
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act'), invoice: testFile('invoice') } }));
    expect(error.code).toBe('blocked');
  });

  it('sends the enrolment invoice only under prepayment', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled', { paymentTerms: 'postpayment' });
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'invoice.send', payload: { file: testFile('invoice') } }));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['prepayment']);
  });

  it('sets the originals due date for paper only', async () => {
    const paper = createHarness();
    const a = await walk(paper, 'closing');
    // Act posted Friday 27 March 2026: 30, 31 March, 1 April.
    expect((await stored(paper, a.id)).data.deadlines.originals).toMatchObject({ date: '2026-04-01', endsAt: '2026-04-01T21:00:00.000Z' });

    const electronic = createHarness();
    const b = await walk(electronic, 'closing', { delivery: 'electronic' });
    expect((await stored(electronic, b.id)).data.deadlines.originals).toBeNull();
    const deadlines = await electronic.service.deadlines(b.id, staff);
    if (!deadlines.ok) return expect.fail(deadlines.error.message);
    expect(deadlines.deadlines.originals).toBeUndefined();
  });
});

describe('originals and the platform act', () => {
  it('refuses originals commands under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing', { delivery: 'electronic' });
    const sent = await refusal(harness.service.dispatch(id, representative, { type: 'originals.record_sent', payload: { trackingNumber } }));
    expect(sent.reasons?.map((reason) => reason.condition)).toEqual(['paperDelivery']);
    const received = await refusal(harness.service.dispatch(id, staff, { type: 'originals.record_received', payload: {} }));
    expect(received.reasons?.map((reason) => reason.condition)).toEqual(['paperDelivery']);
  });

  it('refuses the platform act under paper delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'act.record_signed_on_platform', payload: {} }));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['electronicDelivery']);
  });

  it('dispatches the electronic package after the platform act', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'originals', { delivery: 'electronic' });
    await run(harness, id, staff, payment(2 * program.pricePerRow, 'п/п № 7'));
    const done = await run(harness, id, staff, dispatchPackage);
    expect(done.application.state).toBe('completed');
    expect(done.application.data.dispatches[0]?.originals).toBe(false);
  });
});

describe('dispatch of the package', () => {
  it('refuses the package until every row has a result', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'enrolled');
    await run(harness, id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, times.lastDay);
    await run(harness, id, staff, { type: 'results.record', payload: { results: [{ rowId: rowIds[0] as string, passed: true }] } });
    await run(harness, id, staff, { type: 'originals.record_received', payload: {} });
    const error = await refusal(harness.service.dispatch(id, staff, dispatchPackage));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['everyRowHasResult']);
    await run(harness, id, staff, { type: 'results.record', payload: { results: [{ rowId: rowIds[1] as string, passed: false }] } });
    expect((await run(harness, id, staff, dispatchPackage)).application.state).toBe('awaiting_payment');
  });

  it('refuses the package until originals are received', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    await run(harness, id, representative, { type: 'originals.record_sent', payload: { trackingNumber } });
    const error = await refusal(harness.service.dispatch(id, staff, dispatchPackage));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['originalsOrPlatformAct']);
  });

  it('holds certificates back until paid in full', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'originals');
    await run(harness, id, staff, payment(program.pricePerRow, 'п/п № 1'));
    const sent = await run(harness, id, staff, dispatchPackage);
    expect(sent.application.state).toBe('awaiting_payment');
    expect(sent.application.data.dispatches[0]).toMatchObject({ certificateRowIds: [], certificateOfStudyRowIds: [rowIds[1]] });
    expect((await refusal(harness.service.dispatch(id, staff, { type: 'certificates.dispatch', payload: { trackingNumber } }))).code).toBe('blocked');
    await run(harness, id, staff, payment(program.pricePerRow, 'п/п № 2', '2026-04-01'), times.paid);
    const done = await run(harness, id, staff, { type: 'certificates.dispatch', payload: { trackingNumber } });
    expect(done.application.state).toBe('completed');
    expect(done.application.data.dispatches[1]).toMatchObject({ kind: 'certificates', certificateRowIds: [rowIds[0]] });
  });
});

describe('payments', () => {
  it('adds partial payments up to the sum', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const sum = 2 * program.pricePerRow;
    await run(harness, id, staff, payment(300_000, 'п/п № 1', '2026-03-03'));
    await run(harness, id, staff, payment(300_000, 'п/п № 2', '2026-03-03'));
    const last = await run(harness, id, staff, payment(sum - 600_000, 'п/п № 3', '2026-03-03'));
    expect(last.application.data.payments.reduce((total, entry) => total + entry.amount, 0)).toBe(sum);
    const more = await refusal(harness.service.dispatch(id, staff, payment(1, 'п/п № 4', '2026-03-03')));
    expect(more.reasons?.map((reason) => reason.condition)).toEqual(['paymentOutstanding']);
  });

  it('refuses a payment above the sum or not in whole kopecks', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const above = await refusal(harness.service.dispatch(id, staff, payment(2 * program.pricePerRow + 1, 'п/п № 1', '2026-03-03')));
    expect(above.reasons?.map((reason) => reason.condition)).toEqual(['paymentWithinOutstanding']);
    for (const amount of [0, -100, 10.5]) {
      expect((await refusal(harness.service.dispatch(id, staff, payment(amount, 'п/п', '2026-03-03')))).code, String(amount)).toBe('invalid_payload');
    }
    expect((await stored(harness, id)).data.payments).toEqual([]);
  });

  it('completes at the package when already paid', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'originals');
    await run(harness, id, staff, payment(450_000, 'п/п № 1'));
    await run(harness, id, staff, payment(450_000, 'п/п № 2'));
    const done = await run(harness, id, staff, dispatchPackage);
    expect(done.application.state).toBe('completed');
  });
});

describe('close', () => {
  it('closes from closing with a reason', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    expect((await refusal(harness.service.dispatch(id, staff, { type: 'application.close', payload: {} as never }))).code).toBe('invalid_payload');
    const closed = await run(harness, id, staff, { type: 'application.close', payload: { reason: 'Оригиналы не поступили' } });
    expect(closed.application.state).toBe('closed');
  });

  it('refuses to close from enrolled and from in work', async () => {
    for (const stage of ['enrolled', 'in_work'] as const) {
      const harness = createHarness();
      const { id } = await walk(harness, stage);
      const error = await refusal(harness.service.dispatch(id, staff, { type: 'application.close', payload: { reason: 'Ошибка' } }));
      expect(error.code, stage).toBe('not_allowed');
    }
  });
});

describe('thread', () => {
  it('is read-only once the application is closed, for both sides', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'originals');
    await run(harness, id, staff, { type: 'application.close', payload: { reason: 'Оплата не поступила' } });
    for (const actor of [representative, staff]) {
      const error = await refusal(harness.service.dispatch(id, actor, { type: 'message.post', payload: { text: 'Ещё вопрос' } }));
      expect(error.code).toBe('not_allowed');
    }
  });

  it('posts the concluded contract, the invoice and the act to the thread', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const { data } = await stored(harness, id);
    expect(data.messages.map((message) => message.source)).toEqual(['contract.send_concluded', 'invoice.send', 'closing.issue']);
  });
});

describe('originals deadline flags', () => {
  it('flags the originals overdue at 24:00 of 1 April', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    await harness.service.tick(justBefore('2026-04-01T21:00:00.000Z'));
    expect((await stored(harness, id)).data.overdue.originals).toBeNull();
    await harness.service.tick('2026-04-01T21:00:00.000Z');
    expect((await stored(harness, id)).data.overdue.originals).toBe('2026-04-01T21:00:00.000Z');
    await run(harness, id, representative, { type: 'originals.record_sent', payload: { trackingNumber } }, '2026-04-02T09:00:00.000Z');
    await run(harness, id, staff, { type: 'originals.record_received', payload: {} });
  });

  it('counts the originals from the Moscow date of the act', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    await run(harness, id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }, '2026-03-30T21:30:00.000Z');
    expect((await stored(harness, id)).data.deadlines.originals).toMatchObject({ date: '2026-04-03', endsAt: '2026-04-03T21:00:00.000Z' });
  });

  it('raises no flag for originals sent in time', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    await run(harness, id, representative, { type: 'originals.record_sent', payload: { trackingNumber } }, '2026-03-30T09:00:00.000Z');
    await harness.service.tick('2026-04-10T09:00:00.000Z');
    expect((await stored(harness, id)).data.overdue.originals).toBeNull();
  });

  it('raises no originals flag under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing', { delivery: 'electronic' });
    expect((await harness.service.tick('2026-04-10T09:00:00.000Z')).changed).toEqual([]);
    expect((await stored(harness, id)).data.overdue.originals).toBeNull();
  });
});

describe('a deadline beyond the calendar data', () => {
  it('names the missing year 2028 and changes nothing', async () => {
    const late = { ...program, id: 'vpr-2027-12', courseStart: '2027-12-13', courseEnd: '2027-12-29' };
    const harness = createHarness({ programs: [late], start: '2027-11-01T09:00:00.000Z' });
    const created = await harness.service.create(representative, { programId: late.id });
    if (!created.ok) return expect.fail(created.error.message);
    const id = created.application.id;
    await run(harness, id, representative, {
      type: 'draft.update',
      payload: { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } },
    });
    const row = await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(0) } });
    const rowId = row.event.generated.id as string;
    const documents: string[] = [];
    for (const kind of ['diploma', 'snils'] as const) {
      const attached = await run(harness, id, representative, { type: 'document.attach', payload: { rowIds: [rowId], kind, file: testFile(kind) } });
      documents.push(attached.event.generated.id as string);
    }
    await run(harness, id, representative, { type: 'application.submit', payload: {} }, '2027-11-10T09:00:00.000Z');
    for (const documentId of documents) await run(harness, id, staff, { type: 'document.accept', payload: { documentId } });
    await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
    await run(harness, id, representative, { type: 'contract.upload_signed', payload: { contract: testFile('c'), consent: testFile('s') } });
    await run(harness, id, staff, { type: 'contract.confirm', payload: {} });
    const before = await stored(harness, id);

    harness.clock.set('2027-12-29T07:00:00.000Z');
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'closing.issue', payload: { act: testFile('act') } }));
    expect(error.code).toBe('calendar_out_of_range');
    expect(error.year).toBe(2028);
    expect(error.message).toMatch(/2028 год.*extendCalendar/s);
    const after = await stored(harness, id);
    expect(after.version).toBe(before.version);
    expect(after.state).toBe('enrolled');
  });
});
