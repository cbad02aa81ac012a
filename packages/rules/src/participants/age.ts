import { parseIsoDate } from '../shared/isoDate.js';
import type { IsoDate } from '../shared/types.js';

/**
 * The ages at which a person may be a participant, in full years, both included.
 *
 * @example
 * participantAgeRange //=> { minimum: 18, maximum: 100 }
 */
export const participantAgeRange = Object.freeze({ minimum: 18, maximum: 100 });

/**
 * Computes a person's age in full years on `date`: negative when `date` is before the birth date. A person born on
 * 29 February gains a year on 1 March in common years.
 *
 * @example
 * ageOn('2008-03-16', '2026-03-16') //=> 18
 * ageOn('2008-03-17', '2026-03-16') //=> 17
 * ageOn('2026-03-17', '2026-03-16') //=> -1
 * @throws {TypeError} when either date is not an existing date written 'YYYY-MM-DD'
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);

  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}
