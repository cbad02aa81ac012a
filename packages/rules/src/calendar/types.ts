import type { IsoDate, LocalizedText } from '../shared/types.js';

/**
 * Status of a calendar year: `official` when the year's Government decree on transfers is in the data,
 * `provisional` when only the Labour Code holidays and their automatic moves are known.
 */
export type YearStatus = 'official' | 'provisional';

/** Kind of a day, the reason it is or is not worked. */
export type DayKind =
  /** Monday–Friday working day. */
  | 'working'
  /** Saturday or Sunday made a working day by a transfer; `swappedWith` is the weekday off it paid for. */
  | 'working_weekend'
  /** Plain Saturday or Sunday. */
  | 'weekend'
  /** Non-working holiday of Labour Code art. 112, on any day of the week; `name` names it. */
  | 'holiday'
  /** Weekday off that came from another date, given in `transferredFrom`. */
  | 'transferred_day_off'
  /** Paid non-working day declared by a presidential decree in 2020 or 2021; `decree` names it. */
  | 'extraordinary_non_working'
  /** Regional non-working holiday added with `extendCalendar` mode 'add-days'. */
  | 'regional_holiday';

/** Description of one date: its kind, reason and names. */
export interface DayDescription {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly working: boolean;
  /** Pre-holiday working day, shortened by one hour (Labour Code art. 95). */
  readonly short: boolean;
  /** The date's year is provisional: its transfer decree is not in the data yet. */
  readonly provisional: boolean;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Name of the holiday, federal or regional. */
  readonly name?: LocalizedText;
  /** For a transferred day off: the date whose day off was moved here. */
  readonly transferredFrom?: IsoDate;
  /** For a working weekend: the weekday off it was swapped with. For a holiday on a weekend: where its day off went. */
  readonly swappedWith?: IsoDate;
  /** For an extraordinary non-working day: the presidential decree (указ) that declared it. */
  readonly decree?: string;
  /** For a regional holiday: the date was inferred from the region's transfer rule, not read from an act. */
  readonly inferred?: boolean;
  /** The whole description as one phrase, e.g. «Перенос выходного дня с субботы 3 января». */
  readonly label: LocalizedText;
}

/**
 * A production calendar: which dates are worked, and working-day arithmetic over them. Every method validates its
 * input and throws rather than guess outside the calendar's data. Dates are ISO strings 'YYYY-MM-DD'.
 *
 * @example
 * import { russianCalendar } from '@fioco-flow/rules';
 *
 * const calendar = russianCalendar();
 * calendar.years; //=> [2013, 2014, …, 2027]
 * calendar.yearStatus(2027); //=> 'provisional'
 */
export interface WorkCalendar {
  /** Name of the calendar, e.g. «Федеральный производственный календарь». */
  readonly name: LocalizedText;
  /** Years the calendar has data for, sorted and contiguous. */
  readonly years: readonly number[];
  /** First date of the data: 1 January of the first year. */
  readonly firstDate: IsoDate;
  /** Last date of the data: 31 December of the last year. */
  readonly lastDate: IsoDate;

  /**
   * Returns the status of a year: 'official' once its transfer decree is in the data, 'provisional' before.
   *
   * @example
   * calendar.yearStatus(2026); //=> 'official'
   * calendar.yearStatus(2027); //=> 'provisional'
   * @throws {TypeError} for a year that is not an integer
   * @throws {RangeError} for a year outside the data, naming how to add it
   */
  yearStatus(year: number): YearStatus;

  /**
   * Checks whether a date is a working day.
   *
   * @example
   * calendar.isWorkingDay('2026-01-09'); //=> false (Friday, day off transferred from Saturday 3 January)
   * calendar.isWorkingDay('2025-11-01'); //=> true (Saturday made working, swapped with Monday 3 November)
   * calendar.isWorkingDay('2025-02-24'); //=> true (the decree moved the day off of Sunday 23 February to 8 May)
   * @throws {TypeError} for a value that is not a real date 'YYYY-MM-DD' ('2026-02-30', '2026-2-3', 20260304)
   * @throws {RangeError} for a date outside the data
   */
  isWorkingDay(date: IsoDate): boolean;

  /**
   * Returns the `amount`-th working day after `date`, or before it when `amount` is negative. `date` itself is
   * never counted, and an `amount` of 0 returns `date` unchanged.
   *
   * @example
   * calendar.addWorkingDays('2026-05-08', 3); //=> '2026-05-14' (9–11 May are days off)
   * calendar.addWorkingDays('2026-03-16', -7); //=> '2026-03-04' (Monday 9 March is a day off)
   * calendar.addWorkingDays('2025-10-31', 1); //=> '2025-11-01' (a working Saturday)
   * calendar.addWorkingDays('2025-12-30', 1); //=> '2026-01-12' (the New Year break)
   * @throws {TypeError} for an invalid date or an amount that is not an integer
   * @throws {RangeError} for a date or a result outside the data
   */
  addWorkingDays(date: IsoDate, amount: number): IsoDate;

  /**
   * Counts the working days d with from < d ≤ to. When `to` is before `from` the result is minus the count for
   * (to, from], so `countWorkingDays(a, b) === -countWorkingDays(b, a)`.
   *
   * @example
   * calendar.countWorkingDays('2026-03-04', '2026-03-16'); //=> 7
   * calendar.countWorkingDays('2026-03-16', '2026-03-04'); //=> -7
   * calendar.countWorkingDays('2025-12-31', '2026-12-31'); //=> 247 (all of 2026)
   * @throws {TypeError} for an invalid date
   * @throws {RangeError} for a date outside the data
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number;

  /**
   * Describes a date: its kind, holiday name, where a transferred day off came from, the decree of an extraordinary
   * day, whether it is short, and a label in Russian and English.
   *
   * @example
   * calendar.describeDay('2026-01-09').label.ru; //=> 'Перенос выходного дня с субботы 3 января'
   * calendar.describeDay('2024-04-27').label.en; //=> 'Working Saturday (day off transferred to Monday 29 April)'
   * calendar.describeDay('2026-02-23').name?.ru; //=> 'День защитника Отечества'
   * @throws {TypeError} for an invalid date
   * @throws {RangeError} for a date outside the data
   */
  describeDay(date: IsoDate): DayDescription;

  /**
   * Checks whether the date's year is provisional, so that its days may still move once the decree is published.
   *
   * @example
   * calendar.isProvisional('2027-05-03'); //=> true
   * @throws {TypeError} for an invalid date
   * @throws {RangeError} for a date outside the data
   */
  isProvisional(date: IsoDate): boolean;
}
