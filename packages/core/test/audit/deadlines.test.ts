import { describe, expect, it } from 'vitest';
import { computeDeadlines, isOnTime, renderDeadline, russianCalendar, tatarstanCalendar } from '@fioco-flow/rules';

const calendar = russianCalendar();

describe('working days follow the federal production calendar', () => {
  it('keeps Mondays 24 February and 10 March 2025 working days', () => {
    expect(calendar.isWorkingDay('2025-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-03-10')).toBe(true);
  });

  it('applies the transfers of the 2025 and 2026 decrees', () => {
    expect(calendar.isWorkingDay('2025-11-01')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-09')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
  });

  it('counts the 2020 presidential days off only by default', () => {
    // 6 May 2020 was a paid non-working day by presidential decree.
    expect(calendar.isWorkingDay('2020-05-06')).toBe(false);
    expect(russianCalendar({ extraordinaryNonWorkingDays: false }).isWorkingDay('2020-05-06')).toBe(true);
  });

  it('refuses a year outside the data', () => {
    expect(() => calendar.addWorkingDays('2031-03-16', -7)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2031-03-16', -7)).toThrow(/2031/);
    expect(() => calendar.addWorkingDays('2031-03-16', -7)).toThrow(/extendCalendar/);
  });
});

describe('the procedure deadlines', () => {
  it('counts backward from the course start', () => {
    const inclusive = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar });
    expect(inclusive.submission.date).toBe('2026-03-04');
    expect(inclusive.contract.date).toBe('2026-03-11');
    const fullDays = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar, policy: { backwardMode: 'full-days' } });
    expect(fullDays.submission.date).toBe('2026-03-03');
  });

  it('counts forward from the day after the event', () => {
    const deadlines = computeDeadlines(
      { courseStart: '2026-06-15', delivery: 'paper', submittedAt: '2026-05-08T12:00:00+03:00', actPostedAt: '2026-05-08T12:00:00+03:00' },
      { calendar },
    );
    expect(deadlines.review?.date).toBe('2026-05-14');
    expect(deadlines.originals?.date).toBe('2026-05-14');
  });

  it('ends a deadline at 24:00 Moscow time, 21:00 UTC', () => {
    const { submission } = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar });
    expect(submission.endsAt).toBe('2026-03-04T21:00:00.000Z');
    expect(isOnTime(submission, '2026-03-04T23:59:59.999+03:00')).toBe(true);
    expect(isOnTime(submission, '2026-03-05T00:00:00+03:00')).toBe(false);
    expect(isOnTime(submission, '2026-03-05T01:30:00+10:00')).toBe(true);
  });

  it('dates the review from the Moscow date of the submission instant', () => {
    // 01:30 on Saturday 7 March in Vladivostok is 18:30 on Friday 6 March in Moscow: 10, 11, 12 March.
    const deadlines = computeDeadlines({ courseStart: '2026-04-06', delivery: 'paper', submittedAt: '2026-03-07T01:30:00+10:00' }, { calendar });
    expect(deadlines.review?.date).toBe('2026-03-12');
  });

  it('returns only the deadlines whose starting event is known', () => {
    const before = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar });
    expect(Object.keys(before).sort()).toEqual(['contract', 'documentReviews', 'submission']);
    expect(before.documentReviews).toEqual([]);
    const electronic = computeDeadlines({ courseStart: '2026-03-16', delivery: 'electronic', actPostedAt: '2026-03-27T10:00:00Z' }, { calendar });
    expect(electronic.originals).toBeUndefined();
  });

  it('gives each document upload its own review due date', () => {
    const deadlines = computeDeadlines(
      {
        courseStart: '2026-04-06',
        delivery: 'paper',
        documentUploads: [
          { documentId: 'd-1', uploadedAt: '2026-03-06T10:00:00Z' },
          { documentId: 'd-2', uploadedAt: '2026-03-10T10:00:00Z' },
        ],
      },
      { calendar },
    );
    expect(deadlines.documentReviews.map((review) => [review.documentId, review.date])).toEqual([
      ['d-1', '2026-03-12'],
      ['d-2', '2026-03-13'],
    ]);
  });

  it('counts the originals deadline on the organization calendar when a host gives one', () => {
    // Tatarstan: 30 August (Republic Day) is a regional holiday; 2024-08-30 is a Friday.
    const federal = computeDeadlines({ courseStart: '2024-10-07', delivery: 'paper', actPostedAt: '2024-08-28T10:00:00Z' }, { calendar });
    const regional = computeDeadlines(
      { courseStart: '2024-10-07', delivery: 'paper', actPostedAt: '2024-08-28T10:00:00Z' },
      { calendar, policy: { organizationCalendar: tatarstanCalendar(calendar) } },
    );
    expect(federal.originals?.date).toBe('2024-09-02');
    expect(regional.originals?.date).toBe('2024-09-03');
    // The submission deadline stays on the federal calendar.
    expect(regional.submission.date).toBe(federal.submission.date);
  });

  it('explains itself with the skipped day and its reason', () => {
    const { submission } = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar });
    const text = renderDeadline(submission);
    expect(text).toContain('4 марта 2026 г. (ср)');
    expect(text).toContain('7 рабочих дней до начала курса 16 марта');
    expect(text).toMatch(/9 марта — .*8 марта/);
    expect(renderDeadline(submission, { organizationTimeZone: 'Asia/Vladivostok' })).toContain('07:00 5 марта');
    expect(renderDeadline(submission, { organizationTimeZone: 'Europe/Kaliningrad' })).toContain('23:00 4 марта');
    expect(renderDeadline(submission, { locale: 'en' })).toMatch(/4 March 2026/);
  });
});
