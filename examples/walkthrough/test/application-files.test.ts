import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn, isValidSnils, isValidTrackingNumber } from '@fioco-flow/rules';
import { parseApplicationFile } from '../src/load-file.js';
import type { ApplicationFile } from '../src/file-format.js';

const bundled = ['application.json', 'late-submission.json'] as const;

function readBundled(name: string): { source: string; file: ApplicationFile } {
  const source = readFileSync(fileURLToPath(new URL(`../${name}`, import.meta.url)), 'utf8');
  return { source, file: JSON.parse(source) as ApplicationFile };
}

/** Builds the bytes a bundled file reference describes: a tiny PDF or JPEG carrying the file's name. */
function standInBytes(name: string, mediaType: string): Buffer {
  if (mediaType === 'application/pdf') return Buffer.from(`%PDF-1.4\n%${name}\n%%EOF\n`, 'utf8');
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(name, 'utf8'), Buffer.from([0xff, 0xd9])]);
}

describe.each(bundled)('bundled file %s', (name) => {
  const { source, file } = readBundled(name);

  it('passes every check of the loader', () => {
    const result = parseApplicationFile(source);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has file references matching their bytes', () => {
    for (const ref of file.files) {
      const bytes = standInBytes(ref.name, ref.mediaType);
      expect(ref.size, ref.id).toBe(bytes.length);
      expect(ref.sha256, ref.id).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('has valid organization identifiers', () => {
    expect(isValidInn(file.organization['inn'])).toBe(true);
    expect(isValidOgrn(file.organization['ogrn'])).toBe(true);
  });

  it('has valid SNILS in every row', () => {
    for (const row of file.participants) expect(isValidSnils(row['snils']), row.id).toBe(true);
  });
});

describe('application.json', () => {
  const { file } = readBundled('application.json');

  it('has four people in five rows', () => {
    const people = new Set(file.participants.map((row) => row['snils']));
    expect(file.participants).toHaveLength(5);
    expect(people.size).toBe(4);
  });

  it('repeats personal data in both rows of one person', () => {
    const rows = file.participants.filter((row) => row['snils'] === '156-230-948 60');
    const personal = rows.map(({ id: _id, subject: _subject, ...rest }) => rest);
    expect(rows).toHaveLength(2);
    expect(personal[0]).toEqual(personal[1]);
  });

  it('has valid tracking numbers', () => {
    const numbers = file.steps.flatMap((step) => ('trackingNumber' in step ? [step.trackingNumber] : []));
    expect(numbers).toEqual(['17125003012345', 'RA644183025RU']);
    for (const number of numbers) expect(isValidTrackingNumber(number), number).toBe(true);
  });

  it('checks identifier digits by hand', () => {
    // ИНН-10: weights 2,4,10,3,5,9,4,6,8 over the first nine digits, sum mod 11 mod 10.
    const inn = '6912004726';
    const innSum = [2, 4, 10, 3, 5, 9, 4, 6, 8].reduce((sum, weight, index) => sum + weight * Number(inn[index]), 0);
    expect(innSum).toBe(138);
    expect((innSum % 11) % 10).toBe(Number(inn[9]));

    // ОГРН: the first twelve digits as a number, mod 11 mod 10.
    const ogrn = '1026912004371';
    expect(Number((BigInt(ogrn.slice(0, 12)) % 11n) % 10n)).toBe(Number(ogrn[12]));

    // СНИЛС 128-475-036 71: digits × weights 9..1 = 172, above 101 → 172 mod 101 = 71.
    const snilsDigits = '128475036';
    const snilsSum = [...snilsDigits].reduce((sum, digit, index) => sum + Number(digit) * (9 - index), 0);
    expect(snilsSum).toBe(172);
    expect(snilsSum % 101).toBe(71);
  });
});
