import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/http/idempotency.js';
import { negotiateLocale } from '../src/locale.js';
import { toJsonPointer } from '../src/problems/service-errors.js';
import { maxFileNameLength, sanitizeFileName } from '../src/uploads/file-name.js';

const mediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const extensions = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg', 'jpe'], 'image/png': ['png'] };

// Names as clients send them: any Unicode, plus the characters that make names dangerous.
const fileNames = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom('..', '/', '\\', '.', ' ', '\u0000', '\u202e', 'Д', 'a', 'CON', ':', '.pdf', '.png'), { maxLength: 40 }).map((parts) => parts.join('')),
);

describe('sanitizeFileName properties', () => {
  it('never leaves a path, a control character or two dots', () => {
    fc.assert(
      fc.property(fileNames, fc.constantFrom(...mediaTypes), (name, mediaType) => {
        const safe = sanitizeFileName(name, mediaType);

        expect(safe).not.toMatch(/[/\\]/u);
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        expect(safe).not.toContain('..');
        expect(safe.startsWith('.')).toBe(false);
        expect(Array.from(safe).length).toBeLessThanOrEqual(maxFileNameLength);
      }),
    );
  });

  it('always ends with an extension of the content', () => {
    fc.assert(
      fc.property(fileNames, fc.constantFrom(...mediaTypes), (name, mediaType) => {
        const extension = sanitizeFileName(name, mediaType).split('.').pop()?.toLowerCase() ?? '';

        expect(extensions[mediaType]).toContain(extension);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fileNames, fc.constantFrom(...mediaTypes), (name, mediaType) => {
        const once = sanitizeFileName(name, mediaType);

        expect(sanitizeFileName(once, mediaType)).toBe(once);
      }),
    );
  });
});

describe('negotiateLocale properties', () => {
  it('returns a supported language for any header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        expect(['ru', 'en']).toContain(negotiateLocale(header));
      }),
    );
  });
});

describe('canonicalJson properties', () => {
  it('ignores the order of object keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());

        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('toJsonPointer properties', () => {
  it('round-trips every segment through RFC 6901 unescaping', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.nat(50)), { maxLength: 6 }), (path) => {
        const pointer = toJsonPointer(path);
        const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));

        expect(segments).toEqual(path.map(String));
      }),
    );
  });
});
