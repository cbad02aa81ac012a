import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator, demoOrganization, loadDemoTokens } from '../src/accounts.js';
import { createServerClock } from '../src/clock.js';
import { ConfigError, readConfig } from '../src/config.js';
import { createLogger, scrubPersonalData } from '../src/logger.js';
import { createTextPdf } from '../src/pdf.js';
import { rublesToKopecks } from '../src/web/commands.js';
import { isValidInn, isValidKpp, isValidOgrn } from '@fioco-flow/rules';

const directories: string[] = [];
afterEach(async () => {
  for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
});

describe('readConfig', () => {
  it('gives the defaults', () => {
    const config = readConfig({}, '/srv/demo');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/demo/.data',
      tokensFile: null,
      clockStart: null,
      clockControl: false,
      tickIntervalMs: 60_000,
      logLevel: 'info',
    });
  });

  it('reads an instant with its zone', () => {
    const config = readConfig({ FIOCO_NOW: '2027-01-25T09:00:00+03:00', FIOCO_CLOCK_CONTROL: '1', PORT: '0' }, '/srv');
    expect(config.clockStart?.toISOString()).toBe('2027-01-25T06:00:00.000Z');
    expect(config.clockControl).toBe(true);
    expect(config.port).toBe(0);
  });

  it.each([
    [{ PORT: '70000' }, /PORT=70000/u],
    [{ PORT: 'http' }, /PORT=http/u],
    [{ FIOCO_NOW: '2027-01-25T09:00:00' }, /FIOCO_NOW=2027-01-25T09:00:00 is not an instant with a time zone/u],
    [{ FIOCO_NOW: '25.01.2027' }, /FIOCO_NOW=25\.01\.2027/u],
    [{ FIOCO_CLOCK_CONTROL: 'yes please' }, /FIOCO_CLOCK_CONTROL/u],
    [{ TICK_INTERVAL_MS: '5' }, /TICK_INTERVAL_MS=5 is out of range/u],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL=loud/u],
    [{ DEMO_STAFF_TOKEN: 'short' }, /DEMO_STAFF_TOKEN/u],
  ])('rejects %o', (env, message) => {
    expect(() => readConfig(env, '/srv')).toThrow(ConfigError);
    expect(() => readConfig(env, '/srv')).toThrow(message);
  });
});

describe('createServerClock', () => {
  it('runs from the start instant at the real pace', () => {
    let elapsed = 1_000;
    const clock = createServerClock({ startAt: new Date('2027-01-25T06:00:00Z'), elapsedMs: () => elapsed });
    elapsed += 90_000;
    expect(clock.now().toISOString()).toBe('2027-01-25T06:01:30.000Z');
    expect(clock.simulated).toBe(true);
  });

  it('follows the real time without a start', () => {
    const clock = createServerClock({ realNow: () => new Date('2026-12-04T09:00:00Z') });
    expect(clock.now().toISOString()).toBe('2026-12-04T09:00:00.000Z');
    expect(clock.simulated).toBe(false);
  });

  it('moves forward and refuses to move back', () => {
    let elapsed = 0;
    const clock = createServerClock({ startAt: new Date('2027-01-25T06:00:00Z'), elapsedMs: () => elapsed });
    clock.advanceTo(new Date('2027-02-26T09:00:00Z'));
    elapsed += 5_000;
    expect(clock.now().toISOString()).toBe('2027-02-26T09:00:05.000Z');
    expect(() => clock.advanceTo(new Date('2027-02-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => clock.advanceTo(new Date('2027-02-01T00:00:00Z'))).toThrow(/moves only forward/u);
  });
});

describe('demo accounts', () => {
  it('give the demo school valid requisites', () => {
    expect(isValidInn(demoOrganization.requisites.inn)).toBe(true);
    expect(isValidKpp(demoOrganization.requisites.kpp)).toBe(true);
    expect(isValidOgrn(demoOrganization.requisites.ogrn)).toBe(true);
  });

  it('authenticate by bearer token', () => {
    const authenticate = createAuthenticator({ representative: 'r'.repeat(32), staff: 's'.repeat(32) });
    const request = (authorization?: string) =>
      new Request('http://127.0.0.1/api/applications', authorization ? { headers: { authorization } } : {});

    expect(authenticate(request(`Bearer ${'r'.repeat(32)}`))).toEqual({
      id: 'rep-grigorieva',
      role: 'representative',
      organizationId: 'org-demo-school',
    });
    expect(authenticate(request(`bearer ${'s'.repeat(32)}`))?.role).toBe('staff');
    expect(authenticate(request(`Bearer ${'x'.repeat(32)}`))).toBeNull();
    expect(authenticate(request(`Basic ${'r'.repeat(32)}`))).toBeNull();
    expect(authenticate(request())).toBeNull();
  });

  it('write new tokens to the tokens file and read them back', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fioco-flow-tokens-'));
    directories.push(directory);
    const tokensFile = join(directory, 'nested', 'tokens.json');

    const first = await loadDemoTokens({ tokensFile, representativeToken: null, staffToken: null });
    const second = await loadDemoTokens({ tokensFile, representativeToken: null, staffToken: null });

    expect(first.source).toBe('generated');
    expect(first.tokens.representative).toMatch(/^[A-Za-z0-9_-]{32}$/u);
    expect(first.tokens.representative).not.toBe(first.tokens.staff);
    expect(second).toEqual({ tokens: first.tokens, source: 'file' });
    expect(JSON.parse(await readFile(tokensFile, 'utf8'))).toEqual(first.tokens);
  });

  it('prefer tokens from the environment', async () => {
    const loaded = await loadDemoTokens({ tokensFile: null, representativeToken: 'r'.repeat(20), staffToken: 's'.repeat(20) });
    expect(loaded).toEqual({ tokens: { representative: 'r'.repeat(20), staff: 's'.repeat(20) }, source: 'environment' });
  });

  it('reject a damaged tokens file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fioco-flow-tokens-'));
    directories.push(directory);
    const tokensFile = join(directory, 'tokens.json');
    await writeFile(tokensFile, '{"representative": 1}');

    await expect(loadDemoTokens({ tokensFile, representativeToken: null, staffToken: null })).rejects.toThrow(/is not \{"representative"/u);
  });
});

describe('logger', () => {
  it('masks SNILS and passport numbers', () => {
    expect(scrubPersonalData('СНИЛС 112-233-445 95 не проходит проверку')).toBe('СНИЛС [скрыто] не проходит проверку');
    expect(scrubPersonalData('snils 11223344595')).toBe('snils [скрыто]');
    expect(scrubPersonalData('паспорт 45 10 123456')).toBe('паспорт [скрыто]');
    expect(scrubPersonalData('заявка 8 из 12, 2027-02-15')).toBe('заявка 8 из 12, 2027-02-15');
  });

  it('writes errors without personal data', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', destination as never);
    logger.error({ err: new Error('row 2: SNILS 112-233-445 95 rejected') }, 'request failed');

    const entry = JSON.parse(lines[0]!) as { err: { message: string; stack: string }; msg: string };
    expect(entry.msg).toBe('request failed');
    expect(entry.err.message).toBe('row 2: SNILS [скрыто] rejected');
    expect(entry.err.stack).not.toContain('112-233-445');
  });
});

describe('createTextPdf', () => {
  it('writes a PDF whose cross-reference offsets point at its objects', () => {
    const text = new TextDecoder().decode(createTextPdf(['Contract draft (demo)', 'Prepayment 100 %']));

    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gmu)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(text).toContain('(Contract draft \\(demo\\)) Tj');
  });

  it('rejects text outside printable ASCII', () => {
    expect(() => createTextPdf(['Договор'])).toThrow(RangeError);
  });
});

describe('rublesToKopecks', () => {
  it.each([
    ['4500', 450_000],
    ['4 500,50', 450_050],
    ['4500.5', 450_050],
    ['9 000 ₽', 900_000],
  ])('reads %s', (text, kopecks) => {
    expect(rublesToKopecks(text)).toBe(kopecks);
  });

  it.each(['', '4,5,0', '-10', '12.345', 'сто'])('rejects %s', (text) => {
    expect(rublesToKopecks(text)).toBeNull();
  });
});
