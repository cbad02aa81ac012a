import { instantToMs } from '../model/instant.js';

/**
 * The source of the current time for the service. Libraries never read the system clock themselves: the host
 * passes `{ now: () => new Date() }`, tests and demos pass a manual clock.
 *
 * @example
 * ```ts
 * import type { Clock } from '@fioco-flow/core';
 *
 * const systemClock: Clock = { now: () => new Date() };
 * ```
 */
export interface Clock {
  now(): Date;
}

/**
 * A clock that moves only when told to: for tests and simulated walkthroughs.
 *
 * @example
 * ```ts
 * import { createManualClock, type ManualClock } from '@fioco-flow/core';
 *
 * const clock: ManualClock = createManualClock('2026-02-20T09:00:00Z');
 * clock.advance(24 * 60 * 60 * 1000);
 * ```
 */
export interface ManualClock extends Clock {
  /** Moves the clock to an instant. */
  set(instant: string | Date): void;
  /** Moves the clock forward by a number of milliseconds. */
  advance(milliseconds: number): void;
}

/**
 * Creates a manual clock standing at `start`.
 *
 * @throws {RangeError} when `start` or a later `set` is not a valid instant (an ISO string needs its zone).
 * @example
 * ```ts
 * import { createManualClock } from '@fioco-flow/core';
 *
 * const clock = createManualClock('2026-03-04T20:59:59.999Z');
 * clock.advance(1);
 * clock.now().toISOString(); //=> '2026-03-04T21:00:00.000Z'
 * ```
 */
export function createManualClock(start: string | Date): ManualClock {
  let current = instantToMs(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = instantToMs(instant);
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}
