import { describe, expect, it } from 'vitest';
import {
  actorSchema,
  applicationDataSchema,
  codeWordAlphabet,
  createCodeWordGenerator,
  createManualClock,
  fileRefSchema,
  formatRubles,
  isCodeWord,
  isFinalState,
  programSchema,
} from '@fioco-flow/core';
import { testFile, testProgram } from '@fioco-flow/core/testing';
import { endOfDay } from '../src/machine/deadlines.js';
import { createHarness, program, walk } from './helpers.js';

describe('programSchema', () => {
  it('requires the diploma and the SNILS when the program names no documents', () => {
    const { requiredDocuments: _omitted, ...rest } = program;
    expect(programSchema.parse(rest).requiredDocuments).toEqual(['diploma', 'snils']);
  });

  it('refuses a course that ends before it starts', () => {
    const result = programSchema.safeParse({ ...program, courseEnd: '2026-03-13' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['courseEnd']);
  });

  it('refuses repeated subject ids, a negative price and an impossible date', () => {
    expect(programSchema.safeParse({ ...program, subjects: [...program.subjects, program.subjects[0]] }).success).toBe(false);
    expect(programSchema.safeParse({ ...program, pricePerRow: -1 }).success).toBe(false);
    expect(programSchema.safeParse({ ...program, courseStart: '2026-02-30' }).success).toBe(false);
  });

  it('checks the deadline policy overrides', () => {
    expect(programSchema.safeParse({ ...program, deadlinePolicy: { cutOff: '18:00', timeZone: 'Asia/Vladivostok' } }).success).toBe(true);
    expect(programSchema.safeParse({ ...program, deadlinePolicy: { cutOff: '24:00' } }).success).toBe(true);
    expect(programSchema.safeParse({ ...program, deadlinePolicy: { cutOff: '24:30' } }).success).toBe(false);
    expect(programSchema.safeParse({ ...program, deadlinePolicy: { timeZone: 'Moscow' } }).success).toBe(false);
    expect(programSchema.safeParse({ ...program, deadlinePolicy: { submissionDays: 0 } }).success).toBe(false);
  });
});

describe('fileRefSchema and actorSchema', () => {
  it('accepts file metadata with a lowercase SHA-256', () => {
    expect(fileRefSchema.parse(testFile('a'))).toEqual(testFile('a'));
    expect(fileRefSchema.safeParse({ ...testFile('a'), sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(fileRefSchema.safeParse({ ...testFile('a'), size: -1 }).success).toBe(false);
    expect(fileRefSchema.safeParse({ ...testFile('a'), mediaType: 'pdf' }).success).toBe(false);
  });

  it('binds a representative to an organization', () => {
    expect(actorSchema.safeParse({ id: 'r', role: 'representative' }).success).toBe(false);
    expect(actorSchema.safeParse({ id: 'r', role: 'representative', organizationId: 'o' }).success).toBe(true);
    expect(actorSchema.safeParse({ id: 'r', role: 'observer' }).success).toBe(false);
  });
});

describe('application data', () => {
  it('round-trips through its schema at every stage', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'completed');
    const data = (await harness.store.get(id))?.snapshot.data;
    expect(applicationDataSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });
});

describe('code words', () => {
  it('use an alphabet without look-alikes', () => {
    expect(codeWordAlphabet).toHaveLength(31);
    for (const character of '01OIL') expect(codeWordAlphabet).not.toContain(character);
  });

  it('take characters from the random bytes in order', () => {
    const bytes = Array.from({ length: 16 }, (_, index) => index);
    const next = createCodeWordGenerator((buffer) => {
      buffer.set(bytes);
      return buffer;
    });
    expect(next()).toBe('2345-6789-ABCD');
  });

  it('skip bytes of 248 and above so that every character is equally likely', () => {
    const next = createCodeWordGenerator((buffer) => {
      buffer.set([248, 255, 31, 30, ...Array.from({ length: 12 }, () => 0)]);
      return buffer;
    });
    // 31 → alphabet[0], 30 → alphabet[30]; the two high bytes are dropped.
    expect(next()).toBe('2Z22-2222-2222');
  });

  it('throw when the random source never yields a usable byte', () => {
    const next = createCodeWordGenerator((buffer) => buffer.fill(255));
    expect(() => next()).toThrow('only bytes of 248 and above');
  });

  it('are well-formed and differ with the default source', () => {
    const next = createCodeWordGenerator();
    const words = new Set(Array.from({ length: 200 }, () => next()));
    expect(words.size).toBe(200);
    for (const word of words) expect(isCodeWord(word)).toBe(true);
    expect(isCodeWord('K7QM-4RTX-9BH0')).toBe(false);
    expect(isCodeWord('k7qm-4rtx-9bhd')).toBe(false);
  });
});

describe('small helpers', () => {
  it('formats kopecks as roubles', () => {
    expect(formatRubles(2_250_000)).toBe('22 500,00 ₽');
    expect(formatRubles(2_250_000, 'en')).toBe('RUB 22,500.00');
    expect(formatRubles(1)).toBe('0,01 ₽');
  });

  it('ends a day at the next midnight in the zone', () => {
    expect(endOfDay('2026-03-04', 'Europe/Moscow')).toBe('2026-03-04T21:00:00.000Z');
    expect(endOfDay('2026-03-04', 'Asia/Vladivostok')).toBe('2026-03-04T14:00:00.000Z');
    expect(endOfDay('2026-03-31', 'Europe/Moscow')).toBe('2026-03-31T21:00:00.000Z');
    // Moscow was UTC+4 until 26 October 2014.
    expect(endOfDay('2014-03-04', 'Europe/Moscow')).toBe('2014-03-04T20:00:00.000Z');
  });

  it('moves a manual clock only when told', () => {
    const clock = createManualClock('2026-03-04T20:59:59.999Z');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2026-03-04T21:00:00.000Z');
    clock.set(new Date('2026-03-16T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(() => clock.set('16 March')).toThrow(RangeError);
  });

  it('tells final states', () => {
    expect(isFinalState('lapsed')).toBe(true);
    expect(isFinalState('awaiting_payment')).toBe(false);
  });

  it('builds test programs with other dates', () => {
    expect(testProgram({ courseStart: '2026-04-06', courseEnd: '2026-04-17' }).courseStart).toBe('2026-04-06');
  });
});
