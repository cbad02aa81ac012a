import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { russianCalendar, tatarstanCalendar } from '../../src/calendar/index.js';
import {
  computeDeadlines,
  dateInTimeZone,
  deadlineDays,
  defaultDeadlinePolicy,
  isOnTime,
  type ApplicationDeadlines,
  type DeadlineInput,
  type DeadlinePolicy,
} from '../../src/deadlines/index.js';

const calendar = russianCalendar();
const course = { courseStart: '2026-03-16', delivery: 'paper' } as const;

function deadlines(input: DeadlineInput, policy?: Partial<DeadlinePolicy>): ApplicationDeadlines {
  return computeDeadlines(input, { calendar, ...(policy === undefined ? {} : { policy }) });
}

describe('defaultDeadlinePolicy', () => {
  it('has the procedure values', () => {
    expect(defaultDeadlinePolicy).toEqual({
      submissionDays: 7,
      reviewDays: 3,
      contractDays: 3,
      originalsDays: 3,
      backwardMode: 'inclusive',
      cutOff: '24:00',
      timeZone: 'Europe/Moscow',
    });
    expect(Object.isFrozen(defaultDeadlinePolicy)).toBe(true);
  });
});

describe('computeDeadlines', () => {
  it('submission 7 working days before the course', () => {
    const { submission } = deadlines(course);

    expect(submission.date).toBe('2026-03-04');
    expect(submission.endsAt).toBe('2026-03-04T21:00:00.000Z');
    expect(submission.provisional).toBe(false);
    expect(submission.explanation.countedDays).toEqual([
      '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
    ]);
    expect(submission.explanation.skippedDays.map((day) => [day.date, day.kind])).toEqual([
      ['2026-03-07', 'weekend'],
      ['2026-03-08', 'holiday'],
      ['2026-03-09', 'transferred_day_off'],
      ['2026-03-14', 'weekend'],
      ['2026-03-15', 'weekend'],
    ]);
    expect(submission.explanation).toMatchObject({ kind: 'submission', direction: 'backward', amount: 7, anchor: '2026-03-16', mode: 'inclusive' });
  });

  it('contract 3 working days before the course', () => {
    const { contract } = deadlines(course);

    expect(contract.date).toBe('2026-03-11');
    expect(contract.endsAt).toBe('2026-03-11T21:00:00.000Z');
    expect(contract.explanation.countedDays).toEqual(['2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it('full-days mode is one working day earlier', () => {
    const { submission, contract } = deadlines(course, { backwardMode: 'full-days' });

    expect(submission.date).toBe('2026-03-03');
    expect(contract.date).toBe('2026-03-10');
    expect(submission.explanation.mode).toBe('full-days');
    // The N whole working days lie strictly between the action day and the start.
    expect(submission.explanation.countedDays).toEqual([
      '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
    ]);
  });

  it('review 3 working days after submission', () => {
    const { review } = deadlines({ ...course, courseStart: '2026-06-01', submittedAt: '2026-05-08T12:00:00+03:00' });

    expect(review?.date).toBe('2026-05-14');
    expect(review?.explanation.anchor).toBe('2026-05-08');
    expect(review?.explanation.direction).toBe('forward');
    expect(review?.explanation.mode).toBeUndefined();
    expect(review?.explanation.countedDays).toEqual(['2026-05-12', '2026-05-13', '2026-05-14']);
    expect(review?.explanation.skippedDays.map((day) => day.date)).toEqual(['2026-05-09', '2026-05-10', '2026-05-11']);
  });

  it('counts from the Moscow date of the instant', () => {
    // 01:30 on 5 March in Vladivostok is 18:30 on 4 March in Moscow.
    const { review, submission } = deadlines({ ...course, submittedAt: '2026-03-05T01:30:00+10:00' });

    expect(review?.explanation.anchor).toBe('2026-03-04');
    expect(review?.date).toBe('2026-03-10');
    expect(isOnTime(submission, '2026-03-05T01:30:00+10:00')).toBe(true);
    expect(isOnTime(submission, new Date('2026-03-05T01:30:00+10:00'))).toBe(true);
  });

  it('review per document upload', () => {
    const { documentReviews } = deadlines({
      ...course,
      documentUploads: [
        { documentId: 'diploma-1', uploadedAt: '2026-03-06T09:00:00Z' },
        { documentId: 'snils-2', uploadedAt: new Date('2025-12-30T08:00:00Z') },
      ],
    });

    expect(documentReviews.map((review) => [review.documentId, review.kind, review.date])).toEqual([
      ['diploma-1', 'document_review', '2026-03-12'],
      ['snils-2', 'document_review', '2026-01-14'],
    ]);
  });

  it('originals only under paper delivery', () => {
    const actPostedAt = '2026-03-19T12:00:00+03:00';

    expect(deadlines({ ...course, actPostedAt }).originals?.date).toBe('2026-03-24');
    expect(deadlines({ ...course, delivery: 'electronic', actPostedAt }).originals).toBeUndefined();
    expect(deadlines(course).originals).toBeUndefined();
  });

  it('originals on the organization calendar', () => {
    const { originals, submission } = computeDeadlines(
      { ...course, actPostedAt: '2026-03-19T12:00:00+03:00' },
      { calendar, policy: { organizationCalendar: tatarstanCalendar() } },
    );

    // Ураза-байрам, Friday 20 March 2026, is a day off in Tatarstan only.
    expect(originals?.date).toBe('2026-03-25');
    expect(originals?.explanation.calendarName?.ru).toBe('Производственный календарь Республики Татарстан');
    expect(originals?.explanation.skippedDays[0]?.kind).toBe('regional_holiday');
    expect(submission.explanation.calendarName).toBeUndefined();
  });

  it('leaves out deadlines not started', () => {
    const result = deadlines(course);

    expect(Object.keys(result).sort()).toEqual(['contract', 'documentReviews', 'submission']);
    expect(result.documentReviews).toEqual([]);
  });

  it('marks provisional deadlines', () => {
    const { submission, contract } = deadlines({ ...course, courseStart: '2027-01-11' });

    expect(submission.date).toBe('2026-12-22');
    expect(submission.provisional).toBe(true);
    expect(submission.explanation.provisionalYears).toEqual([2027]);
    expect(contract.date).toBe('2026-12-28');
    expect(deadlines(course).submission.explanation.provisionalYears).toEqual([]);
  });

  it('counts working Saturdays', () => {
    const { submission } = deadlines({ ...course, courseStart: '2025-11-06' });

    expect(submission.date).toBe('2025-10-27');
    expect(submission.explanation.countedDays).toContain('2025-11-01');
    expect(submission.explanation.countedWorkingWeekends.map((day) => day.date)).toEqual(['2025-11-01']);
  });

  it('crosses the New Year break', () => {
    const { submission } = deadlines({ ...course, courseStart: '2026-01-12' });

    expect(submission.date).toBe('2025-12-22');
    expect(submission.explanation.skippedDays.filter((day) => day.weekday <= 5).map((day) => day.date)).toEqual([
      '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
    ]);
  });

  it('starts from a course on a weekend', () => {
    expect(deadlines({ ...course, courseStart: '2026-03-15' }).submission.date).toBe('2026-03-04');
    expect(deadlines({ ...course, courseStart: '2026-03-09' }).submission.date).toBe('2026-02-26');
  });

  it('uses the cut-off and time zone of the policy', () => {
    expect(deadlines(course, { cutOff: '18:00' }).submission.endsAt).toBe('2026-03-04T15:00:00.000Z');
    expect(deadlines(course, { timeZone: 'Asia/Yekaterinburg' }).submission.endsAt).toBe('2026-03-04T19:00:00.000Z');
    expect(deadlines(course, { submissionDays: 10 }).submission.date).toBe('2026-02-27');
  });

  it('rejects invalid input', () => {
    expect(() => deadlines({ ...course, courseStart: '2026-02-30' })).toThrow("Invalid courseStart: '2026-02-30' is not a real calendar date");
    expect(() => deadlines({ ...course, courseStart: 20260316 as unknown as string })).toThrow('got the number 20260316');
    expect(() => deadlines({ ...course, delivery: 'email' as 'paper' })).toThrow(`Invalid delivery: "email". Pass 'paper' or 'electronic'.`);
    expect(() => deadlines({ ...course, submittedAt: '2026-03-04T10:00:00' })).toThrow(
      "Invalid submittedAt: '2026-03-04T10:00:00' is not an ISO instant with an offset.",
    );
    expect(() => deadlines({ ...course, submittedAt: '2026-02-30T10:00:00Z' })).toThrow(TypeError);
    expect(() => deadlines({ ...course, actPostedAt: new Date(Number.NaN) })).toThrow('Invalid actPostedAt: the Date object is invalid');
    expect(() => deadlines({ ...course, documentUploads: [{ documentId: '', uploadedAt: '2026-03-04T10:00:00Z' }] })).toThrow(
      'Invalid documentUploads[0].documentId',
    );
    expect(() => deadlines({ ...course, documentUploads: [{ documentId: 'd', uploadedAt: 'yesterday' }] })).toThrow(
      "Invalid documentUploads[0].uploadedAt: 'yesterday'",
    );
    expect(() => computeDeadlines(course, { calendar: {} as typeof calendar })).toThrow('Invalid options.calendar');
  });

  it('rejects invalid policy values', () => {
    expect(() => deadlines(course, { submissionDays: 7.5 })).toThrow(TypeError);
    expect(() => deadlines(course, { reviewDays: 0 })).toThrow('Invalid policy.reviewDays: 0 must be at least 1 working day.');
    expect(() => deadlines(course, { backwardMode: 'exclusive' as 'inclusive' })).toThrow('Invalid policy.backwardMode');
    for (const cutOff of ['25:00', '18:60', '00:00', '6:00', '24:30', '']) {
      expect(() => deadlines(course, { cutOff }), cutOff).toThrow('Invalid policy.cutOff');
    }
    expect(() => deadlines(course, { timeZone: 'Moscow' })).toThrow(RangeError);
    expect(() => deadlines(course, { timeZone: 'Moscow' })).toThrow(`Invalid policy.timeZone: "Moscow" is not an IANA time zone.`);
    expect(() => deadlines(course, { organizationCalendar: {} as typeof calendar })).toThrow('Invalid policy.organizationCalendar');
  });

  it('rejects dates outside the calendar', () => {
    expect(() => deadlines({ ...course, courseStart: '2028-03-16' })).toThrow(RangeError);
    expect(() => deadlines({ ...course, courseStart: '2013-01-10' })).toThrow('falls before 2013-01-01');
    expect(() => deadlines({ ...course, courseStart: '2027-12-20', submittedAt: '2027-12-30T10:00:00Z' })).toThrow(RangeError);
  });

  it('has the documented types', () => {
    expectTypeOf(deadlines(course).review).toEqualTypeOf<ApplicationDeadlines['review']>();
    expectTypeOf(computeDeadlines).parameter(0).toEqualTypeOf<DeadlineInput>();
  });
});

describe('computeDeadlines properties', () => {
  const day = fc.integer({ min: Date.UTC(2014, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 1) / 86_400_000 }).map((epochDay) =>
    new Date(epochDay * 86_400_000).toISOString().slice(0, 10),
  );

  it('lands on working days with N counted', () => {
    fc.assert(
      fc.property(day, fc.constantFrom<'inclusive' | 'full-days'>('inclusive', 'full-days'), fc.integer({ min: 1, max: 30 }), (courseStart, backwardMode, submissionDays) => {
        const { submission } = deadlines({ courseStart, delivery: 'paper', submittedAt: `${courseStart}T10:00:00+03:00` }, { backwardMode, submissionDays });

        expect(calendar.isWorkingDay(submission.date)).toBe(true);
        expect(submission.explanation.countedDays).toHaveLength(submissionDays);
        expect(submission.explanation.countedDays.every((date) => calendar.isWorkingDay(date))).toBe(true);
        expect(submission.explanation.skippedDays.every((description) => !description.working)).toBe(true);
        // Working days in (deadline, start]: the N counted but the deadline itself in 'inclusive' mode, and the start.
        const between = backwardMode === 'full-days' ? submissionDays : submissionDays - 1;
        expect(calendar.countWorkingDays(submission.date, courseStart)).toBe(between + (calendar.isWorkingDay(courseStart) ? 1 : 0));
      }),
      { numRuns: 200 },
    );
  });

  it('ends at 24:00 Moscow time', () => {
    fc.assert(
      fc.property(day, (courseStart) => {
        const { contract } = deadlines({ courseStart, delivery: 'electronic' });
        expect(dateInTimeZone(new Date(Date.parse(contract.endsAt) - 1), 'Europe/Moscow')).toBe(contract.date);
        expect(dateInTimeZone(contract.endsAt, 'Europe/Moscow')).not.toBe(contract.date);
        expect(isOnTime(contract, new Date(Date.parse(contract.endsAt) - 1))).toBe(true);
        expect(isOnTime(contract, contract.endsAt)).toBe(false);
      }),
    );
  });
});

describe('deadlineDays', () => {
  const submittedAt = '2026-03-04T10:00:00+03:00';

  it('lists days before a moved backward deadline', () => {
    const { submission } = deadlines(course);

    const days = deadlineDays(calendar, submission.explanation, '2026-03-05');

    expect(days.countedDays).toEqual(['2026-03-05', '2026-03-06', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(days.skippedDays.map((day) => day.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-14', '2026-03-15']);
    expect(days.countedWorkingWeekends).toEqual([]);
  });

  it('skips the deadline in full-days mode', () => {
    const { submission } = deadlines(course, { backwardMode: 'full-days' });

    const days = deadlineDays(calendar, submission.explanation, '2026-03-05');

    expect(days.countedDays).toEqual(['2026-03-06', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it('lists days up to a moved forward deadline', () => {
    const { review } = deadlines({ ...course, submittedAt });

    const days = deadlineDays(calendar, review!.explanation, '2026-03-11');

    expect(days.countedDays).toEqual(['2026-03-05', '2026-03-06', '2026-03-10', '2026-03-11']);
    expect(days.skippedDays.map((day) => day.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
  });

  it('matches computeDeadlines on its own date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2014, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 1) / 86_400_000 }),
        fc.constantFrom<'inclusive' | 'full-days'>('inclusive', 'full-days'),
        (epochDay, backwardMode) => {
          const courseStart = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
          const result = deadlines({ courseStart, delivery: 'paper', submittedAt: `${courseStart}T10:00:00+03:00` }, { backwardMode });

          for (const deadline of [result.submission, result.contract, result.review!]) {
            const { countedDays, skippedDays, countedWorkingWeekends } = deadline.explanation;
            expect(deadlineDays(calendar, deadline.explanation, deadline.date)).toEqual({ countedDays, skippedDays, countedWorkingWeekends });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('isOnTime', () => {
  const { submission } = deadlines(course);

  it('is strict at the end of the day', () => {
    expect(isOnTime(submission, '2026-03-04T20:59:59.999Z')).toBe(true);
    expect(isOnTime(submission, '2026-03-04T21:00:00.000Z')).toBe(false);
    expect(isOnTime(submission, '2026-03-04T23:59:59+03:00')).toBe(true);
    expect(isOnTime(submission, '2026-03-05T00:00:00+03:00')).toBe(false);
    expect(isOnTime(submission, '2026-03-04T22:59:59+02:00')).toBe(true);
  });

  it('rejects invalid instants', () => {
    expect(() => isOnTime(submission, '2026-03-04')).toThrow('Invalid instant');
    expect(() => isOnTime(submission, 1772658000000 as unknown as string)).toThrow('Invalid instant: expected a Date or an ISO string with an offset, got number.');
    expect(() => isOnTime({ ...submission, endsAt: 'soon' }, '2026-03-04T10:00:00Z')).toThrow('Invalid deadline.endsAt');
  });
});
