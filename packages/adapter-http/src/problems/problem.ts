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

/** Why a command cannot be sent now, as the core's available-commands query states it. */
export interface BlockedReason {
  readonly code: string;
  readonly detail: string;
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
  readonly params: ProblemParams[TCode];
  readonly extensions: ProblemExtensions;

  constructor(code: TCode, params: ProblemParams[TCode], extensions: ProblemExtensions = {}) {
    super(problemMessages.en[code].title);
    this.name = 'ProblemError';
    this.code = code;
    this.params = params;
    this.extensions = extensions;
  }

  get status(): number {
    return problemStatus[this.code];
  }

  /** Renders the problem body in a language, for the request path `instance`. */
  toProblemDetails(locale: Locale, instance: string): ProblemDetails {
    const text = problemMessages[locale][this.code];
    const errors = this.extensions.errors?.(locale);
    const reasons = this.extensions.reasons?.(locale);
    return {
      type: `${problemTypePrefix}${this.code}`,
      title: text.title,
      status: this.status,
      detail: text.detail(this.params, locale),
      instance,
      code: this.code,
      ...(errors ? { errors } : {}),
      ...(reasons ? { reasons } : {}),
      ...this.extensions.members,
    };
  }

  /** Writes the problem as a response in a language. */
  toResponse(locale: Locale, instance: string): Response {
    const body = this.toProblemDetails(locale, instance);
    return problemResponse(body, locale, this.extensions.headers);
  }
}

/** Creates a problem constructor with typed parameters: `problem('file_empty', { name })`. */
export function problem<TCode extends ProblemCode>(
  code: TCode,
  params: ProblemParams[TCode],
  extensions?: ProblemExtensions,
): ProblemError<TCode> {
  return new ProblemError(code, params, extensions);
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
