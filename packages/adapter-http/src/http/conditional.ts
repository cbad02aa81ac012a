import { problem } from '../problems/problem.js';

/**
 * The entity tag of an application at a version: the version number as a strong ETag, `"7"`.
 * Every accepted command raises the version, so the tag changes exactly when the application does.
 */
export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * Checks a command's `If-Match` header against the application's current version. RFC 9110 requires
 * the strong comparison for `If-Match`, so a weak tag never matches, while `*` matches any version.
 *
 * @returns The version the client expects, or `undefined` for `*`.
 * @throws {ProblemError} `if_match_required` (428) without the header, `version_mismatch` (412)
 *   when no listed tag is the current one; the 412 carries the current `ETag`.
 */
export function checkIfMatch(header: string | undefined, currentVersion: number): number | undefined {
  if (header === undefined || header.trim() === '') throw problem('if_match_required', {});

  const current = versionETag(currentVersion);
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return undefined;
  if (tags.includes(current)) return currentVersion;

  throw problem(
    'version_mismatch',
    { expected: header.trim(), current },
    { headers: { etag: current }, members: { currentETag: current } },
  );
}
