import type { Locale } from '@fioco-flow/rules';

/** The zone the institute works in; every instant of the timeline is printed in it. */
export const MOSCOW_TIME_ZONE = 'Europe/Moscow';

const dateParts = {
  ru: new Intl.DateTimeFormat('ru-RU', {
    timeZone: MOSCOW_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: MOSCOW_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
} as const;

/**
 * Formats an instant in Moscow time, whatever the machine's zone.
 *
 * @example
 * formatMoscowInstant('2026-02-24T07:15:00Z')        //=> '24 февраля 2026 г., 10:15 МСК'
 * formatMoscowInstant('2026-02-24T07:15:00Z', 'en')  //=> '24 February 2026, 10:15 Moscow time'
 */
export function formatMoscowInstant(instant: string | Date, locale: Locale = 'ru'): string {
  const parts = Object.fromEntries(
    dateParts[locale].formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const time = `${parts['hour']}:${parts['minute']}`;
  return locale === 'ru'
    ? `${parts['day']} ${parts['month']} ${parts['year']} г., ${time} МСК`
    : `${parts['day']} ${parts['month']} ${parts['year']}, ${time} Moscow time`;
}

/**
 * Shortens a full name to the surname and initials, the way Russian documents name a person.
 *
 * @example
 * shortName('Орлова Татьяна Николаевна')  //=> 'Орлова Т. Н.'
 * shortName('Лебедев Игорь')              //=> 'Лебедев И.'
 */
export function shortName(fullName: string): string {
  const [surname, ...given] = fullName.trim().split(/\s+/);
  const initials = given.map((name) => `${name.charAt(0)}.`).join(' ');
  return initials === '' ? (surname ?? '') : `${surname} ${initials}`;
}
