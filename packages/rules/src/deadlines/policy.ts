import type { WorkCalendar } from '../calendar/types.js';
import { assertTimeZone } from './time.js';
import type { DeadlinePolicy } from './types.js';

/**
 * The procedure's deadline policy: 7 working days for submission, 3 for review, contract and originals, backward
 * mode 'inclusive', each deadline ending at 24:00 Moscow time of its last day (Civil Code art. 194).
 *
 * @example
 * import { computeDeadlines, defaultDeadlinePolicy, russianCalendar } from '@fioco-flow/rules';
 *
 * defaultDeadlinePolicy.submissionDays; //=> 7
 * // An institute that closes at 18:00 Moscow time:
 * computeDeadlines(
 *   { courseStart: '2026-03-16', delivery: 'paper' },
 *   { calendar: russianCalendar(), policy: { cutOff: '18:00' } },
 * ).submission.endsAt; //=> '2026-03-04T15:00:00.000Z'
 */
export const defaultDeadlinePolicy: DeadlinePolicy = Object.freeze({
  submissionDays: 7,
  reviewDays: 3,
  contractDays: 3,
  originalsDays: 3,
  backwardMode: 'inclusive',
  cutOff: '24:00',
  timeZone: 'Europe/Moscow',
});

const CUT_OFF_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DAY_COUNTS = ['submissionDays', 'reviewDays', 'contractDays', 'originalsDays'] as const;

/** Checks whether a value has the methods deadlines use from a `WorkCalendar`. */
export function isWorkCalendar(value: unknown): value is WorkCalendar {
  const calendar = value as Partial<WorkCalendar> | null;
  return (
    typeof calendar === 'object' &&
    calendar !== null &&
    typeof calendar.addWorkingDays === 'function' &&
    typeof calendar.describeDay === 'function' &&
    typeof calendar.yearStatus === 'function'
  );
}

/**
 * Completes a partial policy with the defaults and checks every value.
 * @throws {TypeError} for a value of the wrong type or form
 * @throws {RangeError} for a day count below 1 or an unknown time zone
 */
export function resolvePolicy(policy: Partial<DeadlinePolicy> = {}): DeadlinePolicy {
  const resolved: DeadlinePolicy = { ...defaultDeadlinePolicy, ...policy };

  for (const field of DAY_COUNTS) {
    const value: unknown = resolved[field];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new TypeError(`Invalid policy.${field}: ${String(value)} is not a whole number of working days. Pass an integer such as ${defaultDeadlinePolicy[field]}.`);
    }
    if (value < 1) throw new RangeError(`Invalid policy.${field}: ${value} must be at least 1 working day.`);
  }
  if (resolved.backwardMode !== 'inclusive' && resolved.backwardMode !== 'full-days') {
    throw new TypeError(`Invalid policy.backwardMode: ${String(resolved.backwardMode)}. Pass 'inclusive' or 'full-days'.`);
  }
  if (typeof resolved.cutOff !== 'string' || !CUT_OFF_PATTERN.test(resolved.cutOff) || resolved.cutOff === '00:00') {
    throw new TypeError(
      `Invalid policy.cutOff: ${JSON.stringify(resolved.cutOff) ?? String(resolved.cutOff)}. Pass a time 'HH:MM' from '00:01' to '24:00' (the end of the day).`,
    );
  }
  assertTimeZone(resolved.timeZone, 'policy.timeZone');
  if (resolved.organizationCalendar !== undefined && !isWorkCalendar(resolved.organizationCalendar)) {
    throw new TypeError('Invalid policy.organizationCalendar: pass a WorkCalendar such as tatarstanCalendar().');
  }
  return resolved;
}

