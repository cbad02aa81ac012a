/**
 * Writes a one-page PDF 1.4 with lines of text in Helvetica: enough for the demo's templates and uploads to be
 * real PDF files that a viewer opens and an upload check recognizes by their `%PDF-` signature.
 *
 * @param lines printable ASCII only, because the standard Helvetica font has no Cyrillic glyphs.
 * @throws {RangeError} when a line contains a character outside printable ASCII.
 * @example
 * ```ts
 * const bytes = createTextPdf(['Contract draft (demo template)', 'Prepayment 100 %']);
 * new TextDecoder().decode(bytes.subarray(0, 8)); //=> '%PDF-1.4'
 * ```
 */
export function createTextPdf(lines: readonly string[]): Uint8Array {
  for (const line of lines) {
    if (!/^[\x20-\x7e]*$/u.test(line)) {
      throw new RangeError(`Invalid PDF line ${JSON.stringify(line)}: it contains a character outside printable ASCII. Transliterate it.`);
    }
  }

  const escape = (line: string) => line.replace(/[\\()]/gu, (character) => `\\${character}`);
  const text = lines.map((line, index) => `BT /F1 12 Tf 56 ${770 - index * 18} Td (${escape(line)}) Tj ET`).join('\n');

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];

  // Every character is ASCII, so string lengths are byte offsets.
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });

  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  return new TextEncoder().encode(body);
}
