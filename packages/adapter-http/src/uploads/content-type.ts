import { fileTypeFromBuffer } from 'file-type/core';

/** Media types an upload may have, recognized by the file's content. */
export type AcceptedMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The canonical file extension of each accepted media type. */
export const extensionByMediaType: Readonly<Record<AcceptedMediaType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** Result of recognizing a file by its content. */
export type SniffResult =
  | { readonly accepted: true; readonly mediaType: AcceptedMediaType }
  /** `detected` is the media type found (`application/zip`), or null when nothing was recognized. */
  | { readonly accepted: false; readonly detected: string | null };

/**
 * Recognizes an upload by its first bytes (the PDF, JPEG and PNG signatures), never by its name or
 * declared Content-Type, so a renamed executable cannot pass as a scan.
 *
 * @example
 * await sniffMediaType(new TextEncoder().encode('%PDF-1.7\n…')) //=> { accepted: true, mediaType: 'application/pdf' }
 * await sniffMediaType(new TextEncoder().encode('hello'))      //=> { accepted: false, detected: null }
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<SniffResult> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { accepted: false, detected: null };

  const mediaType = found.mime;
  if (mediaType === 'application/pdf' || mediaType === 'image/jpeg' || mediaType === 'image/png') {
    return { accepted: true, mediaType };
  }
  return { accepted: false, detected: mediaType };
}
