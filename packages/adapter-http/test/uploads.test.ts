import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../src/uploads/content-type.js';
import { contentDisposition, maxFileNameLength, sanitizeFileName } from '../src/uploads/file-name.js';
import { exeBytes, jpegBytes, pdfBytes, pngBytes, textBytes, zipBytes } from './support/files.js';

describe('sniffMediaType', () => {
  it('recognizes PDF, JPEG and PNG by content', async () => {
    expect(await sniffMediaType(pdfBytes)).toEqual({ accepted: true, mediaType: 'application/pdf' });
    expect(await sniffMediaType(jpegBytes)).toEqual({ accepted: true, mediaType: 'image/jpeg' });
    expect(await sniffMediaType(pngBytes)).toEqual({ accepted: true, mediaType: 'image/png' });
  });

  it('names what a rejected file is', async () => {
    expect(await sniffMediaType(zipBytes)).toEqual({ accepted: false, detected: 'application/zip' });
    expect(await sniffMediaType(exeBytes)).toEqual({ accepted: false, detected: 'application/x-msdownload' });
  });

  it('rejects content with no signature', async () => {
    expect(await sniffMediaType(textBytes)).toEqual({ accepted: false, detected: null });
    expect(await sniffMediaType(new Uint8Array())).toEqual({ accepted: false, detected: null });
  });
});

describe('sanitizeFileName', () => {
  it('keeps Cyrillic names and their extension', () => {
    expect(sanitizeFileName('Диплом Орловой Е. А.pdf', 'application/pdf')).toBe('Диплом Орловой Е. А.pdf');
    expect(sanitizeFileName('СНИЛС.PDF', 'application/pdf')).toBe('СНИЛС.PDF');
    expect(sanitizeFileName('скан.jpeg', 'image/jpeg')).toBe('скан.jpeg');
  });

  it('drops directories of both separators', () => {
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('..\\..\\Windows\\system.ini', 'application/pdf')).toBe('system.ini.pdf');
    expect(sanitizeFileName('C:\\Сканы\\паспорт.png', 'image/png')).toBe('паспорт.png');
  });

  it('never leaves two dots or a leading dot', () => {
    expect(sanitizeFileName('..', 'application/pdf')).toBe('file.pdf');
    expect(sanitizeFileName('.hidden.pdf', 'application/pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('a...b..pdf', 'application/pdf')).toBe('a.b.pdf');
  });

  it('removes control and direction-override characters', () => {
    expect(sanitizeFileName('скан\u0000\u0007\r\n.pdf', 'application/pdf')).toBe('скан.pdf');
    expect(sanitizeFileName('договор\u202Efdp.exe', 'application/pdf')).toBe('договорfdp.exe.pdf');
  });

  it('replaces characters Windows forbids', () => {
    expect(sanitizeFileName('акт: "итог" <1>?.pdf', 'application/pdf')).toBe('акт_ _итог_ _1__.pdf');
  });

  it('gives the extension of the detected content', () => {
    expect(sanitizeFileName('снилс.pdf', 'image/png')).toBe('снилс.png');
    expect(sanitizeFileName('диплом', 'image/jpeg')).toBe('диплом.jpg');
    expect(sanitizeFileName('notes.txt', 'application/pdf')).toBe('notes.txt.pdf');
  });

  it('guards device names and empty names', () => {
    expect(sanitizeFileName('CON.pdf', 'application/pdf')).toBe('_CON.pdf');
    expect(sanitizeFileName('   ', 'image/png')).toBe('file.png');
    expect(sanitizeFileName('/', 'image/png')).toBe('file.png');
  });

  it('shortens overlong names and keeps the extension', () => {
    const name = sanitizeFileName(`${'Ж'.repeat(500)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(maxFileNameLength);
    expect(name.endsWith('Ж.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('encodes a Cyrillic name with an ASCII fallback', () => {
    expect(contentDisposition('Акт (итог).pdf')).toBe(
      `attachment; filename="___ (____).pdf"; filename*=UTF-8''%D0%90%D0%BA%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.pdf`,
    );
  });
});
