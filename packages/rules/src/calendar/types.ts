import type { IsoDate, LocalizedText } from '../shared/types.js';

/**
 * Status of a calendar year: `official` when the year's Government decree on transfers is in the data,
 * `provisional` when only the Labour Code holidays and their automatic moves are known.
 */
export type YearStatus = 'official' | 'provisional';

/** Why a day is or is not worked. */
export type DayKind =
  /** Monday–Friday working day. */
  | 'working'
  /** Saturday or Sunday made a working day by a transfer; `swappedWith` is the weekday off it paid for. */
  | 'working_weekend'
  /** Plain Saturday or Sunday. */
  | 'weekend'
  /** Non-working holiday of Labour Code art. 112, on any day of the week; `name` says which. */
  | 'holiday'
  /** Weekday off that came from another date; `transferredFrom` says which. */
  | 'transferred_day_off'
  /** Paid non-working day declared by a presidential decree in 2020 or 2021; `decree` names it. */
  | 'extraordinary_non_working'
  /** Regional non-working holiday added with `extendCalendar` mode 'add-days'. */
  | 'regional_holiday';

/** Everything a calendar knows about one date. */
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
 * A production calendar: which dates are worked, and working-day arithmetic over them.
 * Every method validates its input and throws rather than guess outside the calendar's data.
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
  /** Status of a year. @throws {RangeError} for a year outside the data */
  yearStatus(year: number): YearStatus;
  /** Whether the date is a working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The `amount`-th working day after `date` (before it when negative); `date` itself is never counted. */
  addWorkingDays(date: IsoDate, amount: number): IsoDate;
  /** Working days d with from < d ≤ to; negative when `to` is before `from`. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /** Kind, name and reason of a date, in Russian and English. */
  describeDay(date: IsoDate): DayDescription;
  /** Whether the date's year is provisional. */
  isProvisional(date: IsoDate): boolean;
}
