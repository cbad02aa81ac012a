import { instantSchema } from './program.js';

/**
 * Milliseconds since the epoch of an instant: a `Date`, or an ISO 8601 string with a zone designator
 * (`2026-03-04T21:00:00Z`, `2026-03-05T00:00:00+03:00`). Strings without a zone are refused, because they would be
 * read in the machine's own time zone.
 *
 * @throws {RangeError} when the value is not such an instant.
 */
export function instantToMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? (instantSchema.safeParse(instant).success ? Date.parse(instant) : Number.NaN) : instant.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError(`Invalid instant ${String(instant)}: give an ISO 8601 string with a zone, such as 2026-03-04T21:00:00Z, or a valid Date.`);
  }
  return ms;
}

/** An instant as an ISO string in UTC, e.g. `2026-03-04T21:00:00.000Z`. */
export function toIsoInstant(instant: string | Date): string {
  return new Date(instantToMs(instant)).toISOString();
}
