import type { Locale } from '@fioco-flow/rules';
import { problem } from '../problems/problem.js';

/**
 * Returns the entity tag of an application at a version, in the language of the representation:
 * `"7-ru"`. Every accepted command raises the version, so the tag changes exactly when the
 * application does. The language is part of the tag because a strong validator must differ between
 * the representations content negotiation selects (RFC 9110, section 8.8.1).
 */
export function versionETag(version: number, locale: Locale): string {
  return `"${version}-${locale}"`;
}

const versionTagPattern = /^"(\d+)(?:-(?:ru|en))?"$/u;

/**
 * Checks a command's `If-Match` header against the application's current version. The tag of either
 * language matches, and so does the bare version (`"7"`). RFC 9110 requires the strong comparison
 * for `If-Match`, so a weak tag never matches, while `*` matches any version.
 *
 * @returns The version the client expects, or `undefined` for `*`.
 * @throws {ProblemError} `if_match_required` (428) without the header, `version_mismatch` (412)
 *   when no listed tag names the current version. The 412 carries the current `ETag`.
 */
export function checkIfMatch(header: string | undefined, currentVersion: number, locale: Locale): number | undefined {
  if (header === undefined || header.trim() === '') throw problem('if_match_required', {});

  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return undefined;
  const versions = tags.map((tag) => versionTagPattern.exec(tag)?.[1]).filter((version) => version !== undefined);
  if (versions.some((version) => Number(version) === currentVersion)) return currentVersion;

  const current = versionETag(currentVersion, locale);
  throw problem(
    'version_mismatch',
    { expected: header.trim(), current },
    { headers: { etag: current }, members: { currentETag: current } },
  );
}
