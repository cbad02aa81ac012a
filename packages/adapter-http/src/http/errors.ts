import type { Context } from 'hono';
import { problem, ProblemError } from '../problems/problem.js';
import type { AdapterEnv } from './env.js';

/** Context of an unexpected error, for the host's log. */
export interface ErrorContext {
  readonly request: Request;
  /** The authenticated actor's id, when authentication had finished. */
  readonly actorId?: string;
}

/** The host's hook for unexpected errors: every error that becomes a 500 response. */
export type ErrorReporter = (error: unknown, context: ErrorContext) => void;

/**
 * Writes any error thrown by a route as a problem response. An expected {@link ProblemError} is
 * written as it is; anything else goes to the host's `onError` and becomes a 500 problem that
 * discloses nothing about the error.
 */
export function errorToResponse(error: unknown, c: Context<AdapterEnv>, onError: ErrorReporter): Response {
  const locale = c.get('locale') ?? 'ru';
  const instance = new URL(c.req.url).pathname;
  if (error instanceof ProblemError) return error.toResponse(locale, instance);

  reportUnexpected(error, c, onError);
  return problem('internal_error', {}).toResponse(locale, instance);
}

/** Hands an unexpected error to the host; a failing hook must not turn a 500 into a crash. */
export function reportUnexpected(error: unknown, c: Context<AdapterEnv>, onError: ErrorReporter): void {
  const actor = c.get('actor');
  try {
    onError(error, { request: c.req.raw, ...(actor ? { actorId: actor.id } : {}) });
  } catch {
    // The hook is the only channel for errors; there is nowhere left to report its own failure.
  }
}
