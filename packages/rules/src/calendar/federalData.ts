import federalJson from '../../data/ru-federal-2013-2027.json' with { type: 'json' };
import type { IsoDate, LocalizedText } from '../shared/types.js';
import type { CalendarDefinition, TransferEntry, YearDefinition } from './definition.js';
import type { YearStatus } from './types.js';

interface FederalYearJson {
  readonly nonWorkingWeekdays: readonly string[];
  readonly workingWeekends: readonly string[];
  readonly shortDays: readonly string[];
  readonly decreeOnlyShortDays?: readonly string[];
  readonly transferList: readonly TransferEntry[];
  readonly calendarStatus: string;
  readonly extraordinaryNonWorkingDays?: Readonly<Record<string, string>>;
}

interface FederalJson {
  readonly holidays: { readonly days: readonly { readonly monthDay: string; readonly ru: string; readonly en: string }[] };
  readonly years: Readonly<Record<string, FederalYearJson>>;
}

const federal: FederalJson = federalJson;

const FEDERAL_NAME: LocalizedText = {
  ru: 'Федеральный производственный календарь',
  en: 'Federal production calendar of Russia',
};

const DECREE_ONLY_NAME: LocalizedText = {
  ru: 'Федеральный производственный календарь по постановлениям Правительства (без нерабочих дней по указам Президента 2020–2021 гг.)',
  en: 'Federal production calendar of Russia by Government decrees alone (without the presidential non-working days of 2020–2021)',
};

/** Labour Code art. 112 holidays by 'MM-DD', with their names. */
export const laborCodeHolidays: ReadonlyMap<string, LocalizedText> = new Map(
  federal.holidays.days.map((holiday) => [holiday.monthDay, { ru: holiday.ru, en: holiday.en }] as const),
);

/**
 * Some entries of the data name a decree only by its number ('Указ № 206'); this gives them the full title
 * that another entry of the same year carries ('Указ Президента РФ от 25.03.2020 № 206').
 */
function withFullDecreeTitles(decrees: Readonly<Record<string, string>>): Map<IsoDate, string> {
  const titles = Object.values(decrees);
  const result = new Map<IsoDate, string>();
  for (const [date, decree] of Object.entries(decrees)) {
    const number = /^Указ № (\d+)$/.exec(decree)?.[1];
    const fullTitle = number === undefined ? undefined : titles.find((title) => title !== decree && title.includes(`№ ${number}`));
    result.set(date, fullTitle ?? decree);
  }
  return result;
}

function yearDefinition(year: number, data: FederalYearJson, extraordinaryNonWorkingDays: boolean): YearDefinition {
  const status: YearStatus = data.calendarStatus === 'provisional' ? 'provisional' : 'official';
  const extraordinary = withFullDecreeTitles(data.extraordinaryNonWorkingDays ?? {});

  if (extraordinaryNonWorkingDays || extraordinary.size === 0) {
    return {
      year,
      status,
      nonWorkingWeekdays: data.nonWorkingWeekdays,
      workingWeekends: data.workingWeekends,
      shortDays: data.shortDays,
      transferList: data.transferList,
      extraordinary,
    };
  }

  // By Government decree alone the presidential days are ordinary working days again, and three pre-holiday
  // days that those periods swallowed are short days again.
  return {
    year,
    status,
    nonWorkingWeekdays: data.nonWorkingWeekdays.filter((date) => !extraordinary.has(date)),
    workingWeekends: data.workingWeekends,
    shortDays: data.decreeOnlyShortDays ?? data.shortDays,
    transferList: data.transferList,
    extraordinary: new Map(),
  };
}

/** The federal calendar's definition from the shipped data. */
export function federalDefinition(extraordinaryNonWorkingDays: boolean): CalendarDefinition {
  const years = new Map<number, YearDefinition>();
  for (const [key, data] of Object.entries(federal.years)) {
    years.set(Number(key), yearDefinition(Number(key), data, extraordinaryNonWorkingDays));
  }
  return {
    name: extraordinaryNonWorkingDays ? FEDERAL_NAME : DECREE_ONLY_NAME,
    holidays: laborCodeHolidays,
    years,
    layers: [],
  };
}
