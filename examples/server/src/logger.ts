import pino, { type DestinationStream, type Logger } from 'pino';

// Patterns of personal data that an error message or a request path could carry from a value a client sent: SNILS
// (with or without separators, a percent-encoded space included) and the series and number of a Russian passport.
// They are replaced before a line is written.
const separator = String.raw`(?:[-\s\u00a0._]|%20)?`;
const personalDataPatterns: readonly RegExp[] = [
  new RegExp(String.raw`\b\d{3}${separator}\d{3}${separator}\d{3}${separator}\d{2}\b`, 'gu'),
  new RegExp(String.raw`\b\d{2}${separator}\d{2}${separator}\d{6}\b`, 'gu'),
];

/**
 * Replaces SNILS-like and passport-like digit groups in a text with `[скрыто]`.
 *
 * @example
 * ```ts
 * scrubPersonalData('СНИЛС 112-233-445 95 не проходит проверку'); //=> 'СНИЛС [скрыто] не проходит проверку'
 * ```
 */
export function scrubPersonalData(text: string): string {
  return personalDataPatterns.reduce((result, pattern) => result.replace(pattern, '[скрыто]'), text);
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubPersonalData(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrubPersonalData(error.message),
    ...(code === undefined ? {} : { code: String(code) }),
    ...(error.stack === undefined ? {} : { stack: scrubPersonalData(error.stack) }),
    ...(error.cause === undefined ? {} : { cause: serializeError(error.cause) }),
  };
}

/**
 * Creates the server's logger: JSON lines through pino. Only ids, states, counts and errors are logged, never a
 * request body or a token. Error messages and stacks go through {@link scrubPersonalData}, because a rejected
 * value may end up in them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'fioco-flow-example-server' },
      serializers: { err: serializeError },
      redact: { paths: ['headers.authorization', 'token', '*.token'], censor: '[скрыто]' },
    },
    destination,
  );
}

export type { Logger };
