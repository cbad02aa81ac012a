import { parseIsoDate, weekdayOf } from './isoDate.js';
import type { IsoDate, Locale } from './types.js';

// Index 0 is unused so that month 1 is January and weekday 1 is Monday.
const MONTHS_RU_GENITIVE = ['', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_EN = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const WEEKDAYS_RU = ['', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];
// «с субботы 3 января»: the preposition «с» takes the genitive.
const WEEKDAYS_RU_GENITIVE = ['', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы', 'воскресенья'];
// «на понедельник 29 апреля»: the preposition «на» takes the accusative.
const WEEKDAYS_RU_ACCUSATIVE = ['', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'];
const WEEKDAYS_RU_SHORT = ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const WEEKDAYS_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAYS_EN_SHORT = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Grammatical case of a Russian weekday name. */
export type RussianCase = 'nominative' | 'genitive' | 'accusative';

/** Name of an ISO weekday (1 = Monday … 7 = Sunday); Russian names are lower case, as inside a sentence. */
export function weekdayName(weekday: number, locale: Locale, grammaticalCase: RussianCase = 'nominative'): string {
  if (locale === 'en') return WEEKDAYS_EN[weekday] ?? '';
  const table = grammaticalCase === 'genitive' ? WEEKDAYS_RU_GENITIVE : grammaticalCase === 'accusative' ? WEEKDAYS_RU_ACCUSATIVE : WEEKDAYS_RU;
  return table[weekday] ?? '';
}

/** Two- or three-letter weekday abbreviation: «ср» / "Wed". */
export function weekdayAbbreviation(weekday: number, locale: Locale): string {
  return (locale === 'en' ? WEEKDAYS_EN_SHORT : WEEKDAYS_RU_SHORT)[weekday] ?? '';
}

/**
 * Day and month as inside a sentence: «3 января» / "3 January", with the year when `withYear` is set:
 * «3 января 2026 г.» / "3 January 2026".
 */
export function dayMonth(date: IsoDate, locale: Locale, withYear = false): string {
  const { year, month, day } = parseIsoDate(date);
  if (locale === 'en') return `${day} ${MONTHS_EN[month]}${withYear ? ` ${year}` : ''}`;
  return `${day} ${MONTHS_RU_GENITIVE[month]}${withYear ? ` ${year} г.` : ''}`;
}

/** A weekday and a date: «субботы 3 января» (genitive) / "Saturday 3 January". */
export function weekdayAndDate(date: IsoDate, locale: Locale, grammaticalCase: RussianCase, withYear = false): string {
  return `${weekdayName(weekdayOf(date), locale, grammaticalCase)} ${dayMonth(date, locale, withYear)}`;
}

/**
 * Russian noun form for a count: `pluralRu(7, ['рабочий день', 'рабочих дня', 'рабочих дней'])` → 'рабочих дней'.
 * The forms are for 1, for 2–4 and for 5–20, as in 1 день, 2 дня, 5 дней, 21 день.
 */
export function pluralRu(count: number, forms: readonly [string, string, string]): string {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}
