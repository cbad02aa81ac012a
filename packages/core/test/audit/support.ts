import { expect } from 'vitest';
import type { ApplicationData, ServiceError } from '@fioco-flow/core';
import type { Harness } from '../helpers.js';

/** Awaits a refused result and returns its error. */
export async function refusal(promise: Promise<{ ok: boolean; error?: ServiceError }>): Promise<ServiceError> {
  const result = await promise;
  if (result.ok || result.error === undefined) return expect.fail('expected a refusal, got success');
  return result.error;
}

/** Reads the stored state, version and data of an application. */
export async function stored(harness: Harness, id: string): Promise<{ state: string; version: number; data: ApplicationData }> {
  const application = await harness.store.get(id);
  if (application === undefined) return expect.fail(`application ${id} is not stored`);
  return { state: application.state, version: application.version, data: application.snapshot.data };
}

/** Instants of the 2026 test course (Monday 16 March – Friday 27 March), Moscow = UTC+3. */
export const boundaries = {
  /** Submission deadline Wednesday 4 March 2026 ends at 24:00 Moscow time. */
  submissionEndsAt: '2026-03-04T21:00:00.000Z',
  /** Contract deadline Wednesday 11 March 2026 (12, 13, then 16 March) ends at 24:00 Moscow time. */
  contractEndsAt: '2026-03-11T21:00:00.000Z',
  /** The course's first day, Monday 16 March 2026, ends at 24:00 Moscow time. */
  firstDayEndsAt: '2026-03-16T21:00:00.000Z',
  /** The course's last day, Friday 27 March 2026, begins at 00:00 Moscow time. */
  lastDayBeginsAt: '2026-03-26T21:00:00.000Z',
} as const;

/** Returns the instant one millisecond earlier. */
export function justBefore(instant: string): string {
  return new Date(Date.parse(instant) - 1).toISOString();
}
