import { describe, expect, it } from 'vitest';
import { testFile } from '@fioco-flow/core/testing';
import { createHarness, representative, run, staff, system, times, walk, type Harness } from '../helpers.js';
import { boundaries, justBefore, refusal, stored } from './support.js';

const signedScans = { type: 'contract.upload_signed', payload: { contract: testFile('contract-signed'), consent: testFile('consent-signed') } } as const;
const confirm = { type: 'contract.confirm', payload: {} } as const;

/** Submitted, one document rejected and the rest accepted, taken into work. */
async function inWorkWithRejected(harness: Harness) {
  const walked = await walk(harness, 'submitted');
  harness.clock.set(times.reviewed);
  const [rejected, ...rest] = walked.documentIds as [string, ...string[]];
  await run(harness, walked.id, staff, { type: 'document.reject', payload: { documentId: rejected, reason: 'Скан нечитаем' } });
  for (const documentId of rest) await run(harness, walked.id, staff, { type: 'document.accept', payload: { documentId } });
  await run(harness, walked.id, staff, { type: 'application.take_into_work', payload: {} });
  return { ...walked, rejected };
}

describe('review: 3 working days from submission, and from each replaced or requested document', () => {
  it('sets the review due date after submission', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const { data } = await stored(harness, id);
    // Submitted Tuesday 24 February 2026: 25, 26, 27 February.
    expect(data.deadlines.review).toMatchObject({ date: '2026-02-27', endsAt: '2026-02-27T21:00:00.000Z' });
  });

  it('gives a replacement its own due date', async () => {
    const harness = createHarness();
    const { id, rejected } = await inWorkWithRejected(harness);
    await run(harness, id, representative, { type: 'document.replace', payload: { documentId: rejected, file: testFile('diploma-0-v2') } }, '2026-03-06T12:00:00.000Z');
    const { data } = await stored(harness, id);
    const document = data.documents.find((entry) => entry.id === rejected);
    expect(document?.status).toBe('pending');
    expect(document?.versions).toHaveLength(2);
    expect(document?.versions[1]?.reviewDue).toMatchObject({ date: '2026-03-12', endsAt: '2026-03-12T21:00:00.000Z' });

    const deadlines = await harness.service.deadlines(id, representative);
    if (!deadlines.ok) return expect.fail(deadlines.error.message);
    expect(deadlines.deadlines.documentReviews.map((review) => [review.documentId, review.date])).toEqual([[rejected, '2026-03-12']]);
    expect(deadlines.deadlines.review?.date).toBe('2026-02-27');
  });

  it('counts the review from the Moscow date', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    await run(harness, id, representative, { type: 'application.submit', payload: {} }, '2026-02-24T21:30:00.000Z');
    expect((await stored(harness, id)).data.deadlines.review?.date).toBe('2026-03-02');
  });

  it('counts a replacement from the Moscow date', async () => {
    const harness = createHarness();
    const { id, rejected } = await inWorkWithRejected(harness);
    await run(harness, id, representative, { type: 'document.replace', payload: { documentId: rejected, file: testFile('diploma-0-v2') } }, '2026-03-05T22:30:00.000Z');
    const document = (await stored(harness, id)).data.documents.find((entry) => entry.id === rejected);
    expect(document?.versions[1]?.reviewDue?.date).toBe('2026-03-12');
  });

  it('flags an overdue replacement at 24:00 Moscow time', async () => {
    const harness = createHarness();
    const { id, rejected } = await inWorkWithRejected(harness);
    await run(harness, id, representative, { type: 'document.replace', payload: { documentId: rejected, file: testFile('diploma-0-v2') } }, '2026-03-06T12:00:00.000Z');
    // The signed scans keep the application alive past the contract deadline of 11 March.
    await run(harness, id, representative, signedScans);
    await harness.service.tick(justBefore('2026-03-12T21:00:00.000Z'));
    expect((await stored(harness, id)).data.overdue.documents).toEqual({});
    await harness.service.tick('2026-03-12T21:00:00.000Z');
    expect((await stored(harness, id)).data.overdue.documents).toEqual({ [rejected]: '2026-03-12T21:00:00.000Z' });
    // Overdue blocks nothing: staff still accept it.
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId: rejected } });
  });

  it('gives a requested document a due date counted from its upload', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'reviewed');
    const requested = await run(harness, id, staff, { type: 'document.request', payload: { rowIds: [rowIds[0] as string], kind: 'passport', reason: 'Нужен паспорт' } });
    const documentId = requested.event.generated.id as string;
    await run(harness, id, representative, { type: 'document.replace', payload: { documentId, file: testFile('passport') } }, '2026-02-27T10:00:00.000Z');
    const document = (await stored(harness, id)).data.documents.find((entry) => entry.id === documentId);
    // Uploaded Friday 27 February: 2, 3, 4 March.
    expect(document?.versions[0]?.reviewDue?.date).toBe('2026-03-04');
  });

  it('flags the application review overdue but lets staff take it into work later', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    await harness.service.tick('2026-02-27T21:00:00.000Z');
    expect((await stored(harness, id)).data.overdue.review).toBe('2026-02-27T21:00:00.000Z');
    await run(harness, id, staff, { type: 'application.take_into_work', payload: {} }, '2026-03-02T09:00:00.000Z');
  });

  it('lets staff take the application into work while documents are still pending', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const taken = await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
    expect(taken.application.state).toBe('in_work.awaiting_signed_scans');
    expect(taken.application.data.contract.drafts?.contract.id).toBe('tpl-contract-prepayment');
  });
});

describe('confirmation needs every document accepted', () => {
  it('refuses confirmation while a replacement is pending', async () => {
    const harness = createHarness();
    const { id, rejected } = await inWorkWithRejected(harness);
    await run(harness, id, representative, { type: 'document.replace', payload: { documentId: rejected, file: testFile('diploma-0-v2') } });
    await run(harness, id, representative, signedScans, times.signed);
    const error = await refusal(harness.service.dispatch(id, staff, confirm));
    expect(error.code).toBe('blocked');
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['allDocumentsAccepted']);
    expect(error.message).toMatch(/1 из 4/);
    await run(harness, id, staff, { type: 'document.accept', payload: { documentId: rejected } });
    expect((await run(harness, id, staff, confirm)).application.state).toBe('enrolled');
  });

  it('refuses to confirm while a requested document was never uploaded', async () => {
    const harness = createHarness();
    const { id, rowIds } = await walk(harness, 'signed');
    await run(harness, id, staff, { type: 'document.request', payload: { rowIds: [rowIds[1] as string], kind: 'passport', reason: 'Нужен паспорт' } });
    const error = await refusal(harness.service.dispatch(id, staff, confirm));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['allDocumentsAccepted']);
  });

  it('refuses to confirm while a document is rejected and not yet replaced', async () => {
    const harness = createHarness();
    const { id } = await inWorkWithRejected(harness);
    await run(harness, id, representative, signedScans, times.signed);
    expect((await refusal(harness.service.dispatch(id, staff, confirm))).code).toBe('blocked');
  });
});

describe('contract deadline 11 March, conclusion by the first day', () => {
  it('lapses without signed scans at the contract deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work');
    await harness.service.tick(justBefore(boundaries.contractEndsAt));
    expect((await stored(harness, id)).state).toBe('in_work.awaiting_signed_scans');
    await harness.service.tick(boundaries.contractEndsAt);
    const after = await stored(harness, id);
    expect(after.state).toBe('lapsed');
    expect(after.data.outcome?.lapseCause).toBe('contract_deadline');
  });

  it('lapses a submitted application staff never took into work at the contract deadline', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'reviewed');
    await harness.service.tick(boundaries.contractEndsAt);
    expect((await stored(harness, id)).data.outcome?.lapseCause).toBe('contract_deadline');
  });

  it('accepts the first upload until 24:00', async () => {
    const onTime = createHarness();
    const a = await walk(onTime, 'in_work');
    expect((await run(onTime, a.id, representative, signedScans, justBefore(boundaries.contractEndsAt))).application.state).toBe(
      'in_work.signed_scans_under_review',
    );

    const late = createHarness();
    const b = await walk(late, 'in_work');
    late.clock.set(boundaries.contractEndsAt);
    expect((await refusal(late.service.dispatch(b.id, representative, signedScans))).code).toBe('not_allowed');
    expect((await stored(late, b.id)).state).toBe('lapsed');
  });

  it('lapses uploaded but unconfirmed scans after the first day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    await harness.service.tick(boundaries.contractEndsAt);
    expect((await stored(harness, id)).state).toBe('in_work.signed_scans_under_review');
    await harness.service.tick(justBefore(boundaries.firstDayEndsAt));
    expect((await stored(harness, id)).state).toBe('in_work.signed_scans_under_review');
    await harness.service.tick(boundaries.firstDayEndsAt);
    const after = await stored(harness, id);
    expect(after.state).toBe('lapsed');
    expect(after.data.outcome?.lapseCause).toBe('course_started');
  });

  it('accepts a late correction and confirmation on the first day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    await run(harness, id, staff, { type: 'contract.return', payload: { reason: 'Нет печати' } }, '2026-03-12T09:00:00.000Z');
    await run(harness, id, representative, signedScans, '2026-03-16T10:00:00.000Z');
    const confirmed = await run(harness, id, staff, confirm, justBefore(boundaries.firstDayEndsAt));
    expect(confirmed.application.state).toBe('enrolled');
  });

  it('lapses a returned contract whose correction never came at the end of the first day', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    await run(harness, id, staff, { type: 'contract.return', payload: { reason: 'Нет печати' } }, '2026-03-12T09:00:00.000Z');
    await harness.service.tick(justBefore(boundaries.firstDayEndsAt));
    expect((await stored(harness, id)).state).toBe('in_work.awaiting_signed_scans');
    harness.clock.set(boundaries.firstDayEndsAt);
    expect((await refusal(harness.service.dispatch(id, representative, signedScans))).code).toBe('not_allowed');
    expect((await stored(harness, id)).data.outcome?.lapseCause).toBe('course_started');
  });

  it('requires the platform contract number under electronic delivery', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work', { delivery: 'electronic' });
    harness.clock.set(times.signed);
    const error = await refusal(harness.service.dispatch(id, representative, signedScans));
    expect(error.reasons?.map((reason) => reason.condition)).toEqual(['platformContractNumberGiven']);
  });
});

describe('withdrawal and conclusion', () => {
  it('accepts a withdrawal while the signed scans are under review', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    expect((await run(harness, id, representative, { type: 'application.withdraw', payload: { reason: 'Передумали' } })).application.state).toBe('withdrawn');
  });

  it('refuses a withdrawal once the contract is concluded, in enrolled and in closing', async () => {
    for (const stage of ['enrolled', 'closing'] as const) {
      const harness = createHarness();
      const { id } = await walk(harness, stage);
      const error = await refusal(harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: { reason: 'Передумали' } }));
      expect(error.code, stage).toBe('not_allowed');
    }
  });

  it('issues the code word at conclusion only', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    expect((await stored(harness, id)).data.access).toBeNull();
    const confirmed = await run(harness, id, staff, confirm, times.confirmed);
    const codeWord = confirmed.application.data.access?.codeWord ?? '';
    expect(codeWord).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(codeWord).not.toMatch(/[01OIL]/);
    expect(confirmed.application.data.access?.courseUrl).toBe('https://dpo.fioco.ru/course/view.php?id=412');
  });
});

describe('the clock is applied before every command', () => {
  it('lapses before a late staff message', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const before = await stored(harness, id);
    harness.clock.set(boundaries.contractEndsAt);
    const error = await refusal(harness.service.dispatch(id, staff, { type: 'message.post', payload: { text: 'Просим подписать договор' } }));
    expect(error.code).toBe('not_allowed');
    const after = await stored(harness, id);
    expect(after.state).toBe('lapsed');
    expect(after.version).toBe(before.version + 1);
    const history = await harness.service.history(id, staff);
    if (!history.ok) return expect.fail(history.error.message);
    expect(history.events.at(-1)).toMatchObject({ type: 'clock.tick', actor: system, state: 'lapsed', at: boundaries.contractEndsAt });
  });

  it('writes the overdue flag before a command that follows it', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const posted = await run(harness, id, representative, { type: 'message.post', payload: { text: 'Когда проверите?' } }, '2026-03-02T09:00:00.000Z');
    expect(posted.events.map((event) => event.type)).toEqual(['clock.tick', 'message.post']);
    expect(posted.application.data.overdue.review).toBe('2026-03-02T09:00:00.000Z');
  });
});
