// Re-exports for the property tests, plus the calendar date helper they need.
import { dateInTimeZone } from '@fioco-flow/rules';

export {
  applicationStates,
  commandTypes,
  contractSum,
  isFinalState,
  paidAmount,
  type Actor,
  type ApplicationData,
  type CommandType,
  type StoredApplication,
} from '@fioco-flow/core';
export { endOfDay } from '../src/machine/deadlines.js';

/** Today's date in Moscow at an instant, plus a number of days (to make a payment dated in the future). */
export function dateInTimeZoneOf(instant: Date, plusDays: number): string {
  return dateInTimeZone(new Date(instant.getTime() + plusDays * 86_400_000), 'Europe/Moscow');
}
