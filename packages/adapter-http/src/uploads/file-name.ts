import { extensionByMediaType, type AcceptedMediaType } from './content-type.js';

/** Longest stored file name, in characters, extension included. */
export const maxFileNameLength = 120;

const fallbackBaseName = 'file';

// C0 and C1 control characters, DEL, and the bidirectional overrides and isolates that can make
// "scan‮fdp.exe" display as "scanexe.pdf".
const invisibleCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// Characters that Windows forbids in file names; a downloaded file must save on every system.
const reservedCharacters = /[<>:"|?*]/gu;
const windowsDeviceNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/iu;
const knownExtensions = new Set(['pdf', 'jpg', 'jpeg', 'jpe', 'png']);

/**
 * Makes an uploaded file's name safe to store and to offer for download: the last path segment
 * only, no control or bidirectional-override characters, no runs of dots (so never `..`), no
 * leading dot, at most {@link maxFileNameLength} characters, and the extension of the detected
 * content. Letters of any script, Cyrillic included, are kept.
 *
 * @example
 * sanitizeFileName('../../etc/passwd', 'application/pdf')      //=> 'passwd.pdf'
 * sanitizeFileName('C:\\Скан\\диплом Иванова.PDF', 'application/pdf') //=> 'диплом Иванова.PDF'
 * sanitizeFileName('снилс.pdf', 'image/png')                   //=> 'снилс.png'
 */
export function sanitizeFileName(name: string, mediaType: AcceptedMediaType): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/u).pop() ?? '';

  const cleaned = lastSegment
    .replace(invisibleCharacters, '')
    .replace(reservedCharacters, '_')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/gu, '.')
    .replace(/^[.\s]+|[.\s]+$/gu, '');

  const { base, extension } = splitExtension(cleaned);
  const expectedExtension = extensionByMediaType[mediaType];
  const extensionMatches = extension !== null && extensionsOf(mediaType).includes(extension.toLowerCase());
  // A known extension that contradicts the content is replaced. Any other extension stays part of the name.
  const replaceable = extension === null || extensionMatches || knownExtensions.has(extension.toLowerCase());
  const keptBase = replaceable ? base : cleaned;
  const finalExtension = extensionMatches && extension !== null ? extension : expectedExtension;

  let safeBase = keptBase.trim() === '' ? fallbackBaseName : keptBase;
  if (windowsDeviceNames.test(safeBase)) safeBase = `_${safeBase}`;

  const room = maxFileNameLength - finalExtension.length - 1;
  const truncated = Array.from(safeBase).slice(0, room).join('').replace(/[.\s]+$/u, '');
  return `${truncated === '' ? fallbackBaseName : truncated}.${finalExtension}`;
}

function extensionsOf(mediaType: AcceptedMediaType): readonly string[] {
  return mediaType === 'image/jpeg' ? ['jpg', 'jpeg', 'jpe'] : [extensionByMediaType[mediaType]];
}

function splitExtension(name: string): { base: string; extension: string | null } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { base: name, extension: null };
  return { base: name.slice(0, dot), extension: name.slice(dot + 1) };
}

/**
 * Builds a `Content-Disposition` header that keeps a Cyrillic name (RFC 6266 with the RFC 8187
 * `filename*` parameter) and gives old clients an ASCII fallback.
 *
 * @example
 * contentDisposition('диплом.pdf') //=> `attachment; filename="_____.pdf"; filename*=UTF-8''%D0%B4%D0%B8…pdf`
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const asciiFallback = fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
