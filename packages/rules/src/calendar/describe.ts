import { weekdayAndDate, weekdayName } from '../shared/dateWords.js';
import { addCalendarDays, epochDayToIso, weekdayOf, weekdayOfEpochDay } from '../shared/isoDate.js';
import type { IsoDate, LocalizedText } from '../shared/types.js';
import {
  EXTRAORDINARY,
  HOLIDAY,
  KIND_MASK,
  REGIONAL_HOLIDAY,
  SHORT_FLAG,
  TRANSFERRED_DAY_OFF,
  WEEKEND,
  WORKING,
  WORKING_WEEKEND,
  type CalendarModel,
} from './model.js';
import type { DayDescription, DayKind } from './types.js';

const KINDS: readonly DayKind[] = [
  'working',
  'working_weekend',
  'weekend',
  'holiday',
  'transferred_day_off',
  'extraordinary_non_working',
  'regional_holiday',
];

/** Builds the note that explains why a provisional year's days may still change. */
export function provisionalNote(year: number): LocalizedText {
  return {
    ru: `${year} год — предварительные данные: постановление Правительства о переносе выходных ещё не опубликовано`,
    en: `${year} is provisional: the Government decree on transferring days off has not been published yet`,
  };
}

/** Whether a date lies in another year than `year`, so that its year must be written out. */
function showYear(date: IsoDate, year: number): boolean {
  return Number(date.slice(0, 4)) !== year;
}

/**
 * For a transfer from a weekday that was never off (Monday 25 February 2013), the holiday on the weekend just before
 * it whose automatic move the decree replaced.
 */
function weekendHolidayBefore(model: CalendarModel, from: IsoDate): { date: IsoDate; name: LocalizedText } | undefined {
  for (let back = 1; back <= 2; back++) {
    const date = addCalendarDays(from, -back);
    if (weekdayOf(date) < 6) return undefined;
    const name = model.holidays.get(date.slice(5));
    if (name !== undefined) return { date, name };
  }
  return undefined;
}

function transferredDayOffLabel(model: CalendarModel, from: IsoDate | undefined, year: number): LocalizedText {
  if (from === undefined) return { ru: 'Перенесённый выходной день', en: 'Transferred day off' };

  const withYear = showYear(from, year);
  const ru = `Перенос выходного дня с ${weekdayAndDate(from, 'ru', 'genitive', withYear)}`;
  const en = `Day off transferred from ${weekdayAndDate(from, 'en', 'nominative', withYear)}`;
  const fromWeekday = weekdayOf(from);
  const holiday = fromWeekday < 6 && !model.holidays.has(from.slice(5)) ? weekendHolidayBefore(model, from) : undefined;
  if (holiday === undefined) return { ru, en };
  return {
    ru: `${ru} (за ${holiday.name.ru} в ${weekdayAndDate(holiday.date, 'ru', 'accusative')})`,
    en: `${en} (for ${holiday.name.en} on ${weekdayAndDate(holiday.date, 'en', 'nominative')})`,
  };
}

function workingWeekendLabel(weekday: number, swappedWith: IsoDate | undefined, short: boolean, year: number): LocalizedText {
  const ruDay = weekday === 6 ? 'Рабочая суббота' : 'Рабочее воскресенье';
  const enDay = weekday === 6 ? 'Working Saturday' : 'Working Sunday';
  const ruShort = short ? (weekday === 6 ? ', сокращённая на 1 час' : ', сокращённое на 1 час') : '';
  const enShort = short ? ', one hour shorter' : '';
  if (swappedWith === undefined) return { ru: `${ruDay}${ruShort}`, en: `${enDay}${enShort}` };

  const withYear = showYear(swappedWith, year);
  return {
    ru: `${ruDay}${ruShort} (перенос выходного дня на ${weekdayAndDate(swappedWith, 'ru', 'accusative', withYear)})`,
    en: `${enDay}${enShort} (day off transferred to ${weekdayAndDate(swappedWith, 'en', 'nominative', withYear)})`,
  };
}

function holidayLabel(name: LocalizedText, weekday: number, movedTo: IsoDate | undefined, year: number): LocalizedText {
  const ru = `Праздничный день: ${name.ru}`;
  const en = `Public holiday: ${name.en}`;
  if (weekday < 6) return { ru, en };

  const ruWeekday = weekdayName(weekday, 'ru', 'accusative');
  const enWeekday = weekdayName(weekday, 'en');
  if (movedTo === undefined) return { ru: `${ru} (приходится на ${ruWeekday})`, en: `${en} (falls on a ${enWeekday})` };
  const withYear = showYear(movedTo, year);
  return {
    ru: `${ru} (приходится на ${ruWeekday}, выходной день перенесён на ${weekdayAndDate(movedTo, 'ru', 'accusative', withYear)})`,
    en: `${en} (falls on a ${enWeekday}, the day off is transferred to ${weekdayAndDate(movedTo, 'en', 'nominative', withYear)})`,
  };
}

function regionalLabel(name: LocalizedText, region: LocalizedText | undefined, inferred: boolean, weekday: number): LocalizedText {
  const ruHead = region === undefined ? 'Региональный праздник' : `Региональный праздник (${region.ru})`;
  const enHead = region === undefined ? 'Regional holiday' : `Regional holiday (${region.en})`;
  const ruWeekend = weekday >= 6 ? ` (приходится на ${weekdayName(weekday, 'ru', 'accusative')})` : '';
  const enWeekend = weekday >= 6 ? ` (falls on a ${weekdayName(weekday, 'en')})` : '';
  const ruTail = inferred ? '. Дата выведена из правила переноса и не подтверждена актом региона' : '';
  const enTail = inferred ? ". The date is inferred from the region's transfer rule, not confirmed by its act" : '';
  return { ru: `${ruHead}: ${name.ru}${ruWeekend}${ruTail}`, en: `${enHead}: ${name.en}${enWeekend}${enTail}` };
}

/** The description of the day at `index`; see `WorkCalendar.describeDay`. */
export function describeDayAt(model: CalendarModel, index: number): DayDescription {
  const date = epochDayToIso(model.firstEpochDay + index);
  const year = Number(date.slice(0, 4));
  const weekday = weekdayOfEpochDay(model.firstEpochDay + index);
  const flags = model.flags[index] ?? 0;
  const code = flags & KIND_MASK;
  const short = (flags & SHORT_FLAG) !== 0;
  const provisional = model.yearStatus[year - model.firstYear] === 'provisional';
  const base = { date, kind: KINDS[code] ?? 'working', working: code <= WORKING_WEEKEND, short, provisional, weekday };

  let details: Omit<DayDescription, keyof typeof base>;
  switch (code) {
    case WORKING:
      details = {
        label: short
          ? { ru: 'Рабочий день (предпраздничный, сокращённый на 1 час)', en: 'Working day (pre-holiday, one hour shorter)' }
          : { ru: 'Рабочий день', en: 'Working day' },
      };
      break;
    case WORKING_WEEKEND: {
      const swappedWith = model.transferredTo.get(index);
      details = { ...(swappedWith === undefined ? {} : { swappedWith }), label: workingWeekendLabel(weekday, swappedWith, short, year) };
      break;
    }
    case WEEKEND:
      details = { label: { ru: `Выходной день (${weekdayName(weekday, 'ru')})`, en: `Weekend (${weekdayName(weekday, 'en')})` } };
      break;
    case HOLIDAY: {
      const name = model.holidays.get(date.slice(5)) ?? { ru: 'Праздничный день', en: 'Public holiday' };
      const movedTo = weekday >= 6 ? model.transferredTo.get(index) : undefined;
      details = { name, ...(movedTo === undefined ? {} : { swappedWith: movedTo }), label: holidayLabel(name, weekday, movedTo, year) };
      break;
    }
    case TRANSFERRED_DAY_OFF: {
      const transferredFrom = model.transferredFrom.get(index);
      details = {
        ...(transferredFrom === undefined ? {} : { transferredFrom }),
        label: transferredDayOffLabel(model, transferredFrom, year),
      };
      break;
    }
    case EXTRAORDINARY: {
      const decree = model.decrees.get(index) ?? '';
      details = {
        decree,
        label: {
          ru: `Нерабочий день с сохранением заработной платы (${decree})`,
          en: `Paid non-working day declared by presidential decree (${decree})`,
        },
      };
      break;
    }
    case REGIONAL_HOLIDAY: {
      const entry = model.regional.get(index);
      const name = entry?.name ?? { ru: 'Региональный праздник', en: 'Regional holiday' };
      const inferred = entry?.inferred ?? false;
      details = { name, ...(inferred ? { inferred } : {}), label: regionalLabel(name, entry?.region, inferred, weekday) };
      break;
    }
    default:
      throw new Error(`Unknown day kind code ${code} at ${date}`);
  }

  if (provisional) {
    const note = provisionalNote(year);
    details = { ...details, label: { ru: `${details.label.ru}. ${note.ru}`, en: `${details.label.en}. ${note.en}` } };
  }
  return { ...base, ...details };
}

