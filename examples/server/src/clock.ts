import type { Clock } from '@fioco-flow/core';

/** The server's clock: real time, or real time shifted so that it started at a chosen instant. */
export interface ServerClock extends Clock {
  /** Whether the clock was started at a chosen instant or moved since; the page shows it. */
  readonly simulated: boolean;
  /**
   * Moves the clock forward to `instant`; time then keeps running from there.
   *
   * @throws {RangeError} when `instant` is earlier than the clock's current time: deadlines never run backwards.
   */
  advanceTo(instant: Date): void;
}

/**
 * Creates the server clock. With `startAt` it is at that instant when created and runs at the real pace
 * from there, so that tests and demos see the dates they chose.
 *
 * @param elapsedMs milliseconds since an arbitrary origin that only grow (defaults to `performance.now()`).
 * @example
 * ```ts
 * const clock = createServerClock({ startAt: new Date('2027-01-25T06:00:00Z') });
 * clock.now().toISOString(); //=> '2027-01-25T06:00:00.000Z' (plus the milliseconds since)
 * ```
 */
export function createServerClock(
  options: { readonly startAt?: Date | null; readonly elapsedMs?: () => number; readonly realNow?: () => Date } = {},
): ServerClock {
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const realNow = options.realNow ?? (() => new Date());
  const startAt = options.startAt ?? null;

  let simulated = startAt !== null;
  let origin = startAt?.getTime() ?? 0;
  let originElapsed = elapsedMs();

  const now = () => (simulated ? new Date(origin + (elapsedMs() - originElapsed)) : realNow());

  return {
    get simulated() {
      return simulated;
    },
    now,
    advanceTo(instant) {
      const current = now();
      if (Number.isNaN(instant.getTime()) || instant.getTime() < current.getTime()) {
        throw new RangeError(
          `The clock cannot move back to ${String(instant)}: it is at ${current.toISOString()} and moves only forward. Give a later instant.`,
        );
      }
      simulated = true;
      origin = instant.getTime();
      originElapsed = elapsedMs();
    },
  };
}
