import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import federal from '../../data/ru-federal-2013-2027.json' with { type: 'json' };
import { russianCalendar, type WorkCalendar } from '../../src/calendar/index.js';

const DAY_MS = 86_400_000;

interface YearJson {
  readonly nonWorkingWeekdays: readonly string[];
  readonly workingWeekends: readonly string[];
  readonly extraordinaryNonWorkingDays?: Readonly<Record<string, string>>;
}
const years: Readonly<Record<string, YearJson>> = federal.years;

/**
 * The day loop most business-day code uses, read straight from the data lists: step one UTC day at a time and test
 * each date against the set of weekdays off and the set of working weekends.
 */
function naiveCalendar(extraordinaryNonWorkingDays: boolean) {
  const weekdaysOff = new Set<string>();
  const weekendsWorked = new Set<string>();
  for (const data of Object.values(years)) {
    const extraordinary = new Set(Object.keys(data.extraordinaryNonWorkingDays ?? {}));
    for (const date of data.nonWorkingWeekdays) if (extraordinaryNonWorkingDays || !extraordinary.has(date)) weekdaysOff.add(date);
    for (const date of data.workingWeekends) weekendsWorked.add(date);
  }
  const isWorkingDay = (date: string): boolean => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 ? weekendsWorked.has(date) : !weekdaysOff.has(date);
  };
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return {
    isWorkingDay,
    addWorkingDays(date: string, amount: number): string {
      let current = date;
      const step = Math.sign(amount);
      for (let left = Math.abs(amount); left > 0; ) {
        current = shift(current, step);
        if (isWorkingDay(current)) left--;
      }
      return current;
    },
    countWorkingDays(from: string, to: string): number {
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let date = shift(low, 1); date <= high; date = shift(date, 1)) if (isWorkingDay(date)) count++;
      return count === 0 ? 0 : sign * count;
    },
  };
}

const EPOCH_2014 = Date.UTC(2014, 0, 1) / DAY_MS;
const EPOCH_2027 = Date.UTC(2027, 0, 1) / DAY_MS;
const toIso = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

// Dates in 2014–2026 with at most 240 working days either way stay inside 2013–2027, which have 247 or more each.
const dateArbitrary = fc.integer({ min: EPOCH_2014, max: EPOCH_2027 - 1 }).map(toIso);
const amountArbitrary = fc.integer({ min: -240, max: 240 });
const nonZeroAmount = amountArbitrary.filter((amount) => amount !== 0);

const variants: [string, WorkCalendar, ReturnType<typeof naiveCalendar>][] = [
  ['with presidential days', russianCalendar(), naiveCalendar(true)],
  ['by decree only', russianCalendar({ extraordinaryNonWorkingDays: false }), naiveCalendar(false)],
];

describe.each(variants)('calendar arithmetic (%s)', (_name, calendar, naive) => {
  const workingDate = dateArbitrary.map((date) => (calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1)));

  it('agrees with the data on every day', () => {
    for (let epochDay = Date.UTC(2013, 0, 1) / DAY_MS; epochDay < Date.UTC(2028, 0, 1) / DAY_MS; epochDay++) {
      const date = toIso(epochDay);
      expect(calendar.isWorkingDay(date), date).toBe(naive.isWorkingDay(date));
    }
  });

  it('addWorkingDays lands on a working day', () => {
    fc.assert(fc.property(dateArbitrary, nonZeroAmount, (date, amount) => calendar.isWorkingDay(calendar.addWorkingDays(date, amount))));
  });

  it('addWorkingDays moves in the amount direction', () => {
    fc.assert(
      fc.property(dateArbitrary, nonZeroAmount, (date, amount) => {
        const result = calendar.addWorkingDays(date, amount);
        return amount > 0 ? result > date : result < date;
      }),
    );
  });

  it('countWorkingDays inverts a forward step', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: 1, max: 240 }), (date, amount) => {
        expect(calendar.countWorkingDays(date, calendar.addWorkingDays(date, amount))).toBe(amount);
      }),
    );
  });

  it('countWorkingDays inverts a backward step from a working day', () => {
    fc.assert(
      fc.property(workingDate, fc.integer({ min: -240, max: -1 }), (date, amount) => {
        expect(calendar.countWorkingDays(date, calendar.addWorkingDays(date, amount))).toBe(amount);
      }),
    );
  });

  it('addWorkingDays inverts countWorkingDays between working days', () => {
    fc.assert(
      fc.property(workingDate, workingDate, (from, to) => {
        expect(calendar.addWorkingDays(from, calendar.countWorkingDays(from, to))).toBe(to);
      }),
    );
  });

  it('countWorkingDays is antisymmetric', () => {
    fc.assert(
      fc.property(dateArbitrary, dateArbitrary, (from, to) => {
        expect(calendar.countWorkingDays(from, to) + calendar.countWorkingDays(to, from)).toBe(0);
      }),
    );
  });

  it('countWorkingDays adds over adjacent ranges', () => {
    fc.assert(
      fc.property(dateArbitrary, dateArbitrary, dateArbitrary, (a, b, c) => {
        expect(calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c)).toBe(calendar.countWorkingDays(a, c));
      }),
    );
  });

  it('addWorkingDays agrees with the day loop', () => {
    fc.assert(
      fc.property(dateArbitrary, amountArbitrary, (date, amount) => {
        expect(calendar.addWorkingDays(date, amount)).toBe(naive.addWorkingDays(date, amount));
      }),
      { numRuns: 300 },
    );
  });

  it('countWorkingDays agrees with the day loop', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.integer({ min: -360, max: 360 }), (from, span) => {
        const to = toIso(Date.parse(`${from}T00:00:00Z`) / DAY_MS + span);
        expect(calendar.countWorkingDays(from, to)).toBe(naive.countWorkingDays(from, to));
      }),
      { numRuns: 300 },
    );
  });
});
