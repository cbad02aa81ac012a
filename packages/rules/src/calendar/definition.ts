import type { IsoDate, LocalizedText } from '../shared/types.js';
import type { YearStatus } from './types.js';

/** A transfer of a day off: the day off that belonged to `from` is taken on `to`. */
export interface TransferEntry {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** 'decree' (the year's Government decree) or 'labour-code' (the automatic move of art. 112). */
  readonly basis: string;
}

/** One calendar year in the shape of the shipped data, already checked. */
export interface YearDefinition {
  readonly year: number;
  readonly status: YearStatus;
  readonly nonWorkingWeekdays: readonly IsoDate[];
  readonly workingWeekends: readonly IsoDate[];
  readonly shortDays: readonly IsoDate[];
  readonly transferList: readonly TransferEntry[];
  /** Presidential non-working days (2020, 2021): date → decree. Each is also in `nonWorkingWeekdays`. */
  readonly extraordinary: ReadonlyMap<IsoDate, string>;
}

/** A regional non-working holiday. */
export interface RegionalDay {
  readonly date: IsoDate;
  readonly name: LocalizedText;
  readonly inferred: boolean;
}

/** Days added by one `extendCalendar(…, { mode: 'add-days' })` call. */
export interface RegionalLayer {
  readonly region?: LocalizedText;
  readonly days: readonly RegionalDay[];
  readonly shortDays: readonly IsoDate[];
}

/** Everything a calendar is built from; `extendCalendar` derives a new definition from an old one. */
export interface CalendarDefinition {
  readonly name: LocalizedText;
  /** Labour Code art. 112 holidays by 'MM-DD'. */
  readonly holidays: ReadonlyMap<string, LocalizedText>;
  readonly years: ReadonlyMap<number, YearDefinition>;
  readonly layers: readonly RegionalLayer[];
}
