import { locale } from './i18n.js';

/** The institute's zone: every deadline of the procedure ends at 24:00 Moscow time. */
export const moscowZone = 'Europe/Moscow';

/** Returns the browser's own zone, e.g. `Asia/Vladivostok`. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function intlLocale(): string {
  return locale() === 'ru' ? 'ru-RU' : 'en-GB';
}

function parts(instant: string | Date, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
}

/** Writes a calendar date `YYYY-MM-DD` in words: «16 марта 2027 г. (пн)» / «Mon 16 March 2027». */
export function formatDate(date: string): string {
  // Noon UTC of the date names the same calendar day in every zone from UTC−11 to UTC+11.
  const day = new Date(`${date}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' };
  const weekday = new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', weekday: 'short' }).format(day);
  const text = new Intl.DateTimeFormat(intlLocale(), options).format(day);
  return locale() === 'ru' ? `${text} (${weekday})` : `${weekday} ${text}`;
}

/**
 * Writes an instant as a time and date in a zone. Midnight is written as 24:00 of the day before, as the procedure
 * words the end of a day: «24:00 4 марта 2026 г.» rather than «00:00 5 марта».
 */
export function formatInstant(instant: string | Date, timeZone: string): string {
  const value = parts(instant, timeZone);
  let date = `${value.year}-${value.month}-${value.day}`;
  let time = `${value.hour}:${value.minute}`;
  if (time === '00:00') {
    const previous = new Date(`${date}T12:00:00Z`);
    previous.setUTCDate(previous.getUTCDate() - 1);
    date = previous.toISOString().slice(0, 10);
    time = '24:00';
  }
  const day = new Date(`${date}T12:00:00Z`);
  const words = new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(day);
  return `${time} ${words}`;
}

/** Writes an instant in Moscow time and, when the browser is elsewhere, in the browser's time too. */
export function formatBothZones(instant: string | Date, labels: { readonly moscow: string; readonly local: string }): string {
  const moscow = `${formatInstant(instant, moscowZone)} ${labels.moscow}`;
  const zone = browserZone();
  if (formatInstant(instant, zone) === formatInstant(instant, moscowZone)) return moscow;
  return `${moscow} · ${formatInstant(instant, zone)} ${labels.local} (${zone})`;
}

/** Writes an amount in kopecks as rubles: «4 500,00 ₽». */
export function formatMoney(kopecks: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'RUB' }).format(kopecks / 100);
}

/** Writes a size in bytes in words: «284 КБ». */
export function formatSize(bytes: number): string {
  const unit = locale() === 'ru' ? ['Б', 'КБ', 'МБ'] : ['B', 'KB', 'MB'];
  if (bytes < 1024) return `${bytes} ${unit[0]}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${unit[1]}`;
  return `${(bytes / 1024 / 1024).toFixed(1)} ${unit[2]}`;
}
