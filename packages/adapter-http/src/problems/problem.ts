import type { Locale } from '@fioco-flow/rules';
import { problemMessages, type ProblemParams } from './messages.js';
import { problemStatus, type ProblemCode } from './status.js';

/** Prefix of every problem `type` URI; the problem code follows it. */
export const problemTypePrefix = 'urn:fioco-flow:problem:';

/** Media type of every error response (RFC 9457). */
export const problemContentType = 'application/problem+json';

/** One failed field of a request: where it is (a JSON pointer, RFC 6901), why, and in words. */
export interface FieldError {
  readonly pointer: string;
  readonly code: string;
  readonly detail: string;
}

/** A reason a command cannot be sent now, as the core's available-commands query states it. */
export interface BlockedReason {
  readonly code: string;
  readonly detail: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * An RFC 9457 problem details object with this API's extensions: a stable `code`, and where they
 * apply the failed fields (`errors`) or the reasons a command is refused (`reasons`).
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ProblemCode;
  readonly errors?: readonly FieldError[];
  readonly reasons?: readonly BlockedReason[];
  readonly [extension: string]: unknown;
}

/** Extensions a problem may carry, rendered per language when it is written. */
export interface ProblemExtensions {
  readonly errors?: (locale: Locale) => readonly FieldError[];
  readonly reasons?: (locale: Locale) => readonly BlockedReason[];
  /** Other members copied as they are, such as `etag` or `allowedCommands`. */
  readonly members?: Readonly<Record<string, unknown>>;
  /** Response headers to add, such as `ETag` on a 412 or `Retry-After` on a 409. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An expected failure of a request, thrown inside a route and written as `application/problem+json`
 * in the request's language. Its status comes from the adapter's status table.
 */
export class ProblemError<TCode extends ProblemCode = ProblemCode> extends Error {
  readonly code: TCode;
  readonly extensions: ProblemExtensions;
  readonly #detail: (locale: Locale) => string;

  /**
   * @param detail - Renders the detail in a language: from the adapter's catalog ({@link problem}) or
   *   a message the core service already wrote in the request's language.
   */
  constructor(code: TCode, detail: (locale: Locale) => string, extensions: ProblemExtensions = {}) {
    super(problemMessages.en[code].title);
    this.name = 'ProblemError';
    this.code = code;
    this.#detail = detail;
    this.extensions = extensions;
  }

  get status(): number {
    return problemStatus[this.code];
  }

  /** Renders the problem body in a language, for the request path `instance`. */
  toProblemDetails(locale: Locale, instance: string): ProblemDetails {
    const errors = this.extensions.errors?.(locale);
    const reasons = this.extensions.reasons?.(locale);
    return {
      type: `${problemTypePrefix}${this.code}`,
      title: problemMessages[locale][this.code].title,
      status: this.status,
      detail: this.#detail(locale),
      instance,
      code: this.code,
      ...(errors ? { errors } : {}),
      ...(reasons ? { reasons } : {}),
      ...this.extensions.members,
    };
  }

  /** Writes the problem as a response in a language. */
  toResponse(locale: Locale, instance: string): Response {
    return problemResponse(this.toProblemDetails(locale, instance), locale, this.extensions.headers);
  }
}

/** Creates a problem whose detail comes from the adapter's catalog: `problem('file_empty', { name })`. */
export function problem<TCode extends ProblemCode>(
  code: TCode,
  params: ProblemParams[TCode],
  extensions?: ProblemExtensions,
): ProblemError<TCode> {
  return new ProblemError(code, (locale) => problemMessages[locale][code].detail(params, locale), extensions);
}

/** Writes a rendered problem body as an `application/problem+json` response. */
export function problemResponse(
  body: ProblemDetails,
  locale: Locale,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      'content-type': `${problemContentType}; charset=utf-8`,
      'content-language': locale,
      vary: 'Accept-Language',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/**
 * Creates a problem about one field of the request: its `errors` list that field's pointer with the
 * same detail, so clients that highlight fields need no special case.
 */
export function fieldProblem<TCode extends ProblemCode>(
  code: TCode,
  params: ProblemParams[TCode],
  pointer: string,
): ProblemError<TCode> {
  return problem(code, params, {
    errors: (locale) => [{ pointer, code, detail: problemMessages[locale][code].detail(params, locale) }],
  });
}
