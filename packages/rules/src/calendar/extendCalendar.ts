import { z } from 'zod';
import { weekdayName } from '../shared/dateWords.js';
import { isIsoDate, weekdayOf } from '../shared/isoDate.js';
import type { IsoDate, LocalizedText } from '../shared/types.js';
import type { CalendarDefinition, RegionalLayer, TransferEntry, YearDefinition } from './definition.js';
import { buildModel, type DataIssue } from './model.js';
import type { WorkCalendar } from './types.js';
import { createCalendar, definitionOf } from './workCalendar.js';

const isoDateSchema = z.string().superRefine((value, context) => {
  if (isIsoDate(value)) return;
  const message = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `'${value}' is not a real date` : `'${value}' is not a date in the form YYYY-MM-DD`;
  context.addIssue({ code: 'custom', message, input: value });
});

const localizedTextSchema = z.object({ ru: z.string().min(1), en: z.string().min(1) });

const yearDataSchema = z.object({
  nonWorkingWeekdays: z.array(isoDateSchema),
  workingWeekends: z.array(isoDateSchema),
  shortDays: z.array(isoDateSchema),
  transferList: z.array(z.object({ from: isoDateSchema, to: isoDateSchema, basis: z.string().optional() })).optional(),
  calendarStatus: z.enum(['official', 'provisional']).optional(),
  extraordinaryNonWorkingDays: z.record(isoDateSchema, z.string().min(1)).optional(),
});

const replaceYearsSchema = z.object({
  years: z.record(z.string().regex(/^\d{4}$/), yearDataSchema),
});

const addDaysSchema = z.object({
  name: localizedTextSchema.optional(),
  days: z.array(
    z.object({ date: isoDateSchema, ru: z.string().min(1), en: z.string().min(1), inferred: z.boolean().optional() }),
  ),
  shortDays: z.array(isoDateSchema).optional(),
  years: z.array(z.number().int()).min(1).optional(),
});

/**
 * Whole years in the shape of the shipped calendar data, for `extendCalendar` mode 'replace-years'. Extra fields of
 * the shipped data (`decree`, `checks`, …) are accepted and ignored, so a year can be copied as published.
 */
export interface ReplaceYearsData {
  readonly years: Readonly<
    Record<
      string,
      {
        /** Every Monday–Friday that is not worked: holidays, their transfers, extraordinary days. */
        readonly nonWorkingWeekdays: readonly IsoDate[];
        /** Saturdays and Sundays made working by a transfer. */
        readonly workingWeekends: readonly IsoDate[];
        /** Working days shortened by one hour before a holiday. */
        readonly shortDays: readonly IsoDate[];
        /** Origin of each transferred day off, used in the descriptions. */
        readonly transferList?: readonly { readonly from: IsoDate; readonly to: IsoDate; readonly basis?: string }[];
        /** 'official' (default) once the year's decree is known, 'provisional' before. */
        readonly calendarStatus?: 'official' | 'provisional';
        /** Presidential non-working days: date → decree. Each must also be in `nonWorkingWeekdays`. */
        readonly extraordinaryNonWorkingDays?: Readonly<Record<IsoDate, string>>;
      }
    >
  >;
}

/** Regional non-working days for `extendCalendar` mode 'add-days'. */
export interface AddDaysData {
  /** The region, e.g. { ru: 'Республика Татарстан', en: 'Republic of Tatarstan' }. */
  readonly name?: LocalizedText;
  /** Each day with its name; `inferred` marks a date derived from a transfer rule rather than read from an act. */
  readonly days: readonly { readonly date: IsoDate; readonly ru: string; readonly en: string; readonly inferred?: boolean }[];
  /** Extra pre-holiday short days, e.g. the day before a regional holiday. */
  readonly shortDays?: readonly IsoDate[];
  /**
   * The years the regional list is complete for. When given, the new calendar covers only these years, so that a
   * date in another year throws instead of silently missing the region's holidays.
   */
  readonly years?: readonly number[];
}

/** Options of `extendCalendar`. */
export interface ExtendCalendarOptions {
  readonly mode: 'replace-years' | 'add-days';
  /** Name of the new calendar; by default the old name ('replace-years') or the old name and the region ('add-days'). */
  readonly name?: LocalizedText;
}

const MAX_LISTED_ISSUES = 10;

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function dataError(mode: ExtendCalendarOptions['mode'], issues: readonly DataIssue[]): TypeError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
  return new TypeError(`Invalid calendar data for extendCalendar (mode '${mode}'): ${listed.join('; ')}${more}.`);
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `'${input}'`;
  return typeof input === 'object' ? 'an object' : `${typeof input} ${String(input)}`;
}

// Wording for the issues of calendar data; the other issues keep zod's own message.
const dataErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${describeInput(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return 'empty (expected a non-empty string)';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'empty (expected at least one item)';
  if (issue.code === 'invalid_value') return `${describeInput(issue.input)} is not one of ${issue.values.map((value) => `'${String(value)}'`).join(', ')}`;
  return undefined;
};

function zodIssues(error: z.ZodError): DataIssue[] {
  return error.issues.map((issue) => {
    // A record key that fails its pattern is reported by zod as 'invalid_key', without the pattern's message.
    const message = issue.code === 'invalid_key' ? `'${String(issue.path.at(-1))}' is not a year: a year key is four digits, such as '2028'` : issue.message;
    return { path: formatPath(issue.path), message };
  });
}

function weekdayText(date: IsoDate): string {
  return `a ${weekdayName(weekdayOf(date), 'en')}`;
}

/** Checks one year of 'replace-years' data against the calendar rules and turns it into a definition. */
function checkYear(
  year: number,
  data: z.infer<typeof yearDataSchema>,
  holidays: ReadonlyMap<string, LocalizedText>,
  issues: DataIssue[],
): YearDefinition {
  const prefix = `years.${year}`;
  const checkList = (field: string, dates: readonly IsoDate[], check: (date: IsoDate) => string | undefined): Set<IsoDate> => {
    const seen = new Set<IsoDate>();
    for (const [position, date] of dates.entries()) {
      const problem = !date.startsWith(`${year}-`) ? `'${date}' is not in ${year}` : seen.has(date) ? `'${date}' is listed twice` : check(date);
      if (problem !== undefined) issues.push({ path: `${prefix}.${field}[${position}]`, message: problem });
      seen.add(date);
    }
    return seen;
  };

  const nonWorking = checkList('nonWorkingWeekdays', data.nonWorkingWeekdays, (date) =>
    weekdayOf(date) >= 6 ? `'${date}' is ${weekdayText(date)}, not a weekday (weekend days off need no entry)` : undefined,
  );
  const workingWeekends = checkList('workingWeekends', data.workingWeekends, (date) => {
    if (weekdayOf(date) < 6) return `'${date}' is ${weekdayText(date)}, not a Saturday or Sunday`;
    const holiday = holidays.get(date.slice(5));
    return holiday === undefined ? undefined : `'${date}' is a Labour Code holiday (${holiday.ru}) and cannot be a working day`;
  });
  checkList('shortDays', data.shortDays, (date) =>
    nonWorking.has(date) || (weekdayOf(date) >= 6 && !workingWeekends.has(date))
      ? `'${date}' is not a working day, so it cannot be shortened`
      : undefined,
  );

  for (const [monthDay, name] of holidays) {
    const date = `${year}-${monthDay}`;
    if (weekdayOf(date) < 6 && !nonWorking.has(date)) {
      issues.push({
        path: `${prefix}.nonWorkingWeekdays`,
        message: `'${date}' is missing: it is a Labour Code holiday (${name.ru}) on ${weekdayText(date)}`,
      });
    }
  }

  const transferList: TransferEntry[] = [];
  for (const [position, transfer] of (data.transferList ?? []).entries()) {
    if (!nonWorking.has(transfer.to)) {
      issues.push({ path: `${prefix}.transferList[${position}].to`, message: `'${transfer.to}' is not in nonWorkingWeekdays` });
    }
    transferList.push({ from: transfer.from, to: transfer.to, basis: transfer.basis ?? 'decree' });
  }

  const extraordinary = new Map<IsoDate, string>();
  for (const [date, decree] of Object.entries(data.extraordinaryNonWorkingDays ?? {})) {
    if (!nonWorking.has(date)) {
      issues.push({ path: `${prefix}.extraordinaryNonWorkingDays.${date}`, message: `'${date}' is not in nonWorkingWeekdays` });
    }
    extraordinary.set(date, decree);
  }

  return {
    year,
    status: data.calendarStatus ?? 'official',
    nonWorkingWeekdays: [...data.nonWorkingWeekdays],
    workingWeekends: [...data.workingWeekends],
    shortDays: [...data.shortDays],
    transferList,
    extraordinary,
  };
}

/** Names the regional layer of a problem that `buildModel` found, unless it is the layer just added. */
function locateLayerIssue(issue: DataIssue, definition: CalendarDefinition, mode: ExtendCalendarOptions['mode']): DataIssue {
  if (issue.layer === undefined) return issue;
  if (mode === 'add-days' && issue.layer === definition.layers.length - 1) return issue;
  const region = definition.layers[issue.layer]?.region?.en ?? `layer ${issue.layer + 1}`;
  return { path: `regional days (${region}) ${issue.path}`, message: issue.message };
}

function gapError(years: readonly number[], what: string): RangeError | undefined {
  for (let i = 1; i < years.length; i++) {
    const previous = years[i - 1]!;
    const current = years[i]!;
    if (current !== previous + 1) {
      const missing = current - previous === 2 ? `${previous + 1}` : `${previous + 1}–${current - 1}`;
      return new RangeError(`${what} would have a gap: ${missing} missing between ${previous} and ${current}. Years must be contiguous; add ${missing} too.`);
    }
  }
  return undefined;
}

function replaceYears(base: CalendarDefinition, input: unknown, name: LocalizedText | undefined): CalendarDefinition {
  const parsed = replaceYearsSchema.safeParse(input, { error: dataErrorMap });
  if (!parsed.success) throw dataError('replace-years', zodIssues(parsed.error));

  const entries = Object.entries(parsed.data.years);
  const yearNumbers = new Set([...base.years.keys(), ...entries.map(([key]) => Number(key))]);
  const gap = gapError([...yearNumbers].sort((a, b) => a - b), 'The calendar');
  if (gap !== undefined) throw gap;

  const issues: DataIssue[] = [];
  const years = new Map(base.years);
  for (const [key, data] of entries) years.set(Number(key), checkYear(Number(key), data, base.holidays, issues));
  if (issues.length > 0) throw dataError('replace-years', issues);
  return { ...base, name: name ?? base.name, years };
}

function addDays(base: CalendarDefinition, calendar: WorkCalendar, input: unknown, name: LocalizedText | undefined): CalendarDefinition {
  const parsed = addDaysSchema.safeParse(input, { error: dataErrorMap });
  if (!parsed.success) throw dataError('add-days', zodIssues(parsed.error));
  const data = parsed.data;

  const coveredYears = data.years === undefined ? [...calendar.years] : [...new Set(data.years)].sort((a, b) => a - b);
  for (const year of coveredYears) {
    if (!base.years.has(year)) {
      throw new RangeError(
        `Year ${year} of the regional data is outside the calendar data (${calendar.firstDate.slice(0, 4)}–${calendar.lastDate.slice(0, 4)}). Add it first with extendCalendar(calendar, { years: { '${year}': … } }, { mode: 'replace-years' }).`,
      );
    }
  }
  const gap = gapError(coveredYears, 'The years of the regional data');
  if (gap !== undefined) throw gap;

  const covered = new Set(coveredYears);
  const issues: DataIssue[] = [];
  const checkCovered = (path: string, date: IsoDate): boolean => {
    const year = Number(date.slice(0, 4));
    if (covered.has(year)) return true;
    if (!base.years.has(year)) {
      throw new RangeError(
        `${path}: '${date}' is outside the calendar data (${calendar.firstDate.slice(0, 4)}–${calendar.lastDate.slice(0, 4)}). Add ${year} first with extendCalendar(calendar, { years: { '${year}': … } }, { mode: 'replace-years' }).`,
      );
    }
    issues.push({ path, message: `'${date}' is outside the years this data covers (${coveredYears.join(', ')})` });
    return false;
  };

  const seen = new Set<IsoDate>();
  for (const [position, day] of data.days.entries()) {
    if (!checkCovered(`days[${position}].date`, day.date)) continue;
    if (seen.has(day.date)) issues.push({ path: `days[${position}].date`, message: `'${day.date}' is listed twice` });
    seen.add(day.date);
  }
  const shortDays = data.shortDays ?? [];
  for (const [position, date] of shortDays.entries()) checkCovered(`shortDays[${position}]`, date);
  if (issues.length > 0) throw dataError('add-days', issues);

  const layer: RegionalLayer = {
    ...(data.name === undefined ? {} : { region: data.name }),
    days: data.days.map((day) => ({ date: day.date, name: { ru: day.ru, en: day.en }, inferred: day.inferred ?? false })),
    shortDays,
  };
  const years = new Map([...base.years].filter(([year]) => covered.has(year)));
  const defaultName =
    data.name === undefined ? base.name : { ru: `${base.name.ru}, ${data.name.ru}`, en: `${base.name.en}, ${data.name.en}` };
  return { ...base, name: name ?? defaultName, years, layers: [...base.layers, layer] };
}

/**
 * Derives a new calendar from `calendar` without a new release of the package; the original is unchanged.
 *
 * - mode 'replace-years': `data.years` contains whole years in the shape of the shipped data. A year may replace one
 *   the calendar has, as a decree replaces a provisional year. It may also extend the calendar before its first or
 *   after its last year, as long as the years stay contiguous.
 * - mode 'add-days': `data.days` become non-working days of kind 'regional_holiday' with their names. A day that is
 *   already a federal holiday, transferred day off or extraordinary day keeps its federal description.
 *   `data.shortDays` become pre-holiday short days; `data.years` limits the new calendar to the years the list covers.
 *
 * @throws {TypeError} when the calendar was not made by this package, when `mode` is unknown, or when the data is
 *   malformed; the message names each bad field and date, e.g.
 *   `years.2028.nonWorkingWeekdays[3]: '2028-02-30' is not a real date`.
 * @throws {RangeError} when the years would not be contiguous, or a regional date lies outside the calendar data.
 *
 * @example
 * import { extendCalendar, russianCalendar } from '@fioco-flow/rules';
 *
 * // Once the 2027 decree is published, its year replaces the provisional one. `year2027` has the shape of a year of
 * // the shipped data: { nonWorkingWeekdays, workingWeekends, shortDays, transferList?, calendarStatus: 'official' }.
 * const calendar = extendCalendar(russianCalendar(), { years: { '2027': year2027 } }, { mode: 'replace-years' });
 * calendar.yearStatus(2027); //=> 'official'
 *
 * // A malformed year is rejected with every bad field named:
 * extendCalendar(russianCalendar(), { years: { '2028': { nonWorkingWeekdays: ['2028-02-30'], workingWeekends: [], shortDays: [] } } }, { mode: 'replace-years' });
 * //=> TypeError: Invalid calendar data for extendCalendar (mode 'replace-years'): years.2028.nonWorkingWeekdays[0]: '2028-02-30' is not a real date.
 *
 * // A region's own holiday: Ураза-байрам in Tatarstan on Friday 20 March 2026.
 * const kazan = extendCalendar(russianCalendar(), {
 *   name: { ru: 'Республика Татарстан', en: 'Republic of Tatarstan' },
 *   days: [{ date: '2026-03-20', ru: 'Ураза-байрам', en: 'Eid al-Fitr (Uraza Bayram)' }],
 *   shortDays: ['2026-03-19'],
 * }, { mode: 'add-days' });
 * kazan.isWorkingDay('2026-03-20'); //=> false
 * kazan.describeDay('2026-03-20').kind; //=> 'regional_holiday'
 */
export function extendCalendar(calendar: WorkCalendar, data: ReplaceYearsData | AddDaysData, options: ExtendCalendarOptions): WorkCalendar {
  const base = definitionOf(calendar);
  if (base === undefined) {
    throw new TypeError(
      'extendCalendar needs a calendar made by this package (russianCalendar, tatarstanCalendar, bashkortostanCalendar or extendCalendar).',
    );
  }
  const mode: unknown = options?.mode;
  if (mode !== 'replace-years' && mode !== 'add-days') {
    throw new TypeError(`Invalid option mode: ${JSON.stringify(mode) ?? String(mode)}. Pass 'replace-years' or 'add-days'.`);
  }
  const nameOption = options.name;
  if (nameOption !== undefined && !localizedTextSchema.safeParse(nameOption).success) {
    throw new TypeError("Invalid option name: pass { ru: '…', en: '…' } with both texts non-empty.");
  }

  const definition = mode === 'replace-years' ? replaceYears(base, data, nameOption) : addDays(base, calendar, data, nameOption);

  const issues: DataIssue[] = [];
  const model = buildModel(definition, issues);
  if (issues.length > 0) throw dataError(mode, issues.map((issue) => locateLayerIssue(issue, definition, mode)));
  return createCalendar(definition, model);
}
