import type { z } from 'zod';
import { valueTypeName } from './_lib/valueType.js';
import { isViolationCode, type Violation, type ViolationCode, type ViolationParams } from './violation.js';

type ZodIssue = z.core.$ZodIssue;
type Path = Violation['path'];
type ParamValue = ViolationParams[string];

/** Keeps the params that a violation can carry: strings, finite numbers and lists of them. */
function cleanParams(raw: Readonly<Record<string, unknown>>): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      params[name] = value;
    } else if (Array.isArray(value)) {
      params[name] = value.filter(
        (item): item is string | number => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)),
      );
    }
  }
  return params;
}

/** Returns the input value of an issue as a `value` param, when zod reported it and it is a string or a number. */
function valueParam(issue: ZodIssue): ViolationParams {
  const input: unknown = 'input' in issue ? issue.input : undefined;
  if (typeof input === 'string' || (typeof input === 'number' && Number.isFinite(input))) return { value: input };
  return {};
}

function isMissing(issue: ZodIssue): boolean {
  return 'input' in issue && (issue.input === undefined || issue.input === null);
}

/** Maps one zod issue to our code and params; the path is handled by the caller. */
function codeAndParams(issue: ZodIssue): { code: ViolationCode; params: ViolationParams } {
  // An enum or a union reports a missing value as a value it does not allow; it is still a missing value.
  if (issue.code !== 'custom' && isMissing(issue)) return { code: 'required', params: {} };

  switch (issue.code) {
    case 'custom': {
      const { code, ...rest } = issue.params ?? {};
      if (isViolationCode(code)) return { code, params: { ...valueParam(issue), ...cleanParams(rest) } };
      return { code: 'invalid_input', params: valueParam(issue) };
    }
    case 'invalid_type': {
      if (issue.expected === 'nonoptional') return { code: 'required', params: {} };
      const received: ViolationParams = 'input' in issue ? { received: valueTypeName(issue.input) } : {};
      return { code: 'invalid_type', params: { expected: issue.expected, ...received, ...valueParam(issue) } };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (minimum <= 1) return { code: 'required', params: {} };
        return { code: 'too_short', params: { minimum, unit: issue.origin === 'string' ? 'characters' : 'items' } };
      }
      return { code: 'too_small', params: { minimum, ...valueParam(issue) } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        return { code: 'too_long', params: { maximum, unit: issue.origin === 'string' ? 'characters' : 'items' } };
      }
      return { code: 'too_big', params: { maximum, ...valueParam(issue) } };
    }
    case 'invalid_format': {
      if (issue.format === 'email') return { code: 'email_invalid', params: valueParam(issue) };
      if (issue.format === 'date' || issue.format === 'datetime' || issue.format === 'time') {
        return { code: 'invalid_date', params: valueParam(issue) };
      }
      return { code: 'invalid_format', params: { format: issue.format, ...valueParam(issue) } };
    }
    case 'invalid_value': {
      const allowed = issue.values.filter((value) => typeof value === 'string' || typeof value === 'number');
      return { code: 'invalid_value', params: { allowed, ...valueParam(issue) } };
    }
    case 'unrecognized_keys':
      // Reported per key by the caller.
      return { code: 'unknown_field', params: {} };
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: 'invalid_input', params: valueParam(issue) };
    default:
      return { code: 'invalid_input', params: {} };
  }
}

function toPath(prefix: Path, issuePath: readonly PropertyKey[]): Path {
  return [...prefix, ...issuePath.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
}

/**
 * Maps the issues of a zod 4 error to violations with our codes, so that they render through the same catalogs as
 * every other rule. The mapping is done for this call only: no zod locale or error map is configured globally.
 *
 * A custom issue whose `params.code` is a violation code keeps that code and its other params. A missing value
 * (`undefined` or `null`) becomes `required`, and so does an empty string or list where one item is the minimum.
 * String and list lengths become `too_short` and `too_long`. The `email` format becomes `email_invalid`, and the
 * date and time formats become `invalid_date`. An unrecognized key becomes one `unknown_field` per key.
 *
 * Parse with `{ reportInput: true }` to get the typed value into `params.value` and to tell a missing value
 * (`required`) from a value of the wrong type (`invalid_type`): without it, zod keeps neither.
 *
 * @example
 * const result = z.object({ email: z.email() }).safeParse({ email: 'nope' }, { reportInput: true });
 * violationsFromZod(result.error, ['organization'])
 * //=> [{ code: 'email_invalid', path: ['organization', 'email'], params: { value: 'nope' } }]
 */
export function violationsFromZod(
  error: { readonly issues: readonly ZodIssue[] },
  pathPrefix: Path = [],
): Violation[] {
  const violations: Violation[] = [];
  for (const issue of error.issues) {
    const path = toPath(pathPrefix, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) violations.push({ code: 'unknown_field', path: [...path, key], params: {} });
      continue;
    }
    const { code, params } = codeAndParams(issue);
    violations.push({ code, path, params });
  }
  return violations;
}
