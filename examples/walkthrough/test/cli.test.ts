import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = 'examples/walkthrough/src/main.ts';
const scratch = mkdtempSync(join(tmpdir(), 'walkthrough-cli-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the command line the way `npm run demo` does: Node with the tsx loader, from the workspace root. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeVariant(name: string, change: (file: Record<string, any>) => void): string {
  const file = JSON.parse(readFileSync(join(root, 'examples/walkthrough/application.json'), 'utf8'));
  change(file);
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

/** Masks the random code word, so that the output of two runs compares equal. */
function withoutCodeWord(output: string): string {
  return output.replace(/Кодовое слово для участников: \S+/, 'Кодовое слово для участников: ****');
}

describe('walkthrough command line', () => {
  it('prints the same timeline in every time zone', () => {
    const moscow = runCli([], { TZ: 'Europe/Moscow' });
    const santiago = runCli([], { TZ: 'America/Santiago' });
    const vladivostok = runCli([], { TZ: 'Asia/Vladivostok' });

    expect(moscow.code).toBe(0);
    expect(moscow.stderr).toBe('');
    expect(moscow.stdout).toContain('Итог: Завершена');
    expect(withoutCodeWord(santiago.stdout)).toBe(withoutCodeWord(moscow.stdout));
    expect(withoutCodeWord(vladivostok.stdout)).toBe(withoutCodeWord(moscow.stdout));
  });

  it('lists every problem of an invalid file', () => {
    const path = writeVariant('invalid.json', (file) => {
      file.organization.inn = '6912004727';
      file.participants[1].snils = '143-902-781 62';
      file.participants[2].birthDate = '1991-02-30';
      file.steps[3].at = '2026-02-20 11:05';
      file.steps.push({ at: '2026-04-08T10:00:00+03:00', actor: 'staff-lebedev', action: 'fly' });
    });
    const { code, stdout, stderr } = runCli([path]);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Файл ${path} нельзя выполнить. Исправьте ошибки (5):`);
    expect(stderr).toContain('  • organization.inn: ИНН организации не проходит проверку контрольного числа: «6912004727».');
    expect(stderr).toContain('  • participants[1].snils: СНИЛС участника в строке 2 (Морозов Д. О.) не проходит проверку контрольной суммы');
    expect(stderr).toContain('  • participants[2].birthDate: ');
    expect(stderr).toContain('  • steps[3].at: Время шага «2026-02-20 11:05» записано неверно.');
    expect(stderr).toContain('  • steps[24].action: Действие «fly» не поддерживается.');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('lists broken references', () => {
    const path = writeVariant('references.json', (file) => {
      file.steps[6].row = 'row-9';
      file.steps[5].actor = 'rep-ivanova';
    });
    const { code, stderr } = runCli([path, '--locale', 'en']);

    expect(code).toBe(1);
    expect(stderr).toContain('Fix these errors (2):');
    expect(stderr).toContain('  • steps[5].actor: The actor "rep-ivanova" is not listed under actors.');
    expect(stderr).toContain('  • steps[6].row: There is no participant row with id "row-9" under participants.');
  });

  it('lists broken references beside other problems', () => {
    const path = writeVariant('mixed.json', (file) => {
      file.steps[3].at = '2026-02-20 11:05';
      file.participants[1].snils = '143-902-781 62';
      file.steps[5].actor = 'rep-ivanova';
      file.steps[6].row = 'row-9';
    });
    const { code, stderr } = runCli([path]);

    expect(code).toBe(1);
    expect(stderr).toContain('Исправьте ошибки (4):');
    expect(stderr).toContain('  • steps[3].at: Время шага «2026-02-20 11:05» записано неверно.');
    expect(stderr).toContain('  • participants[1].snils: ');
    expect(stderr).toContain('  • steps[5].actor: ');
    expect(stderr).toContain('  • steps[6].row: ');
  });

  it('reports a file that is not JSON', () => {
    const path = join(scratch, 'broken.json');
    writeFileSync(path, '{ "title": ');
    const { code, stderr } = runCli([path]);

    expect(code).toBe(1);
    expect(stderr).toContain('Файл не является корректным JSON: в конце файла (строка 1, столбец 12) ожидается значение.');
    expect(stderr).not.toContain('Unexpected');
  });

  it('names an unknown option in Russian', () => {
    const { code, stderr } = runCli(['--lang', 'en']);

    expect(code).toBe(2);
    expect(stderr).toContain('Неизвестный параметр «--lang».');
    expect(stderr).toContain('Использование: npm run demo');
    expect(stderr).not.toContain('Unknown option');
  });

  it('names a bad option in English', () => {
    const { code, stderr } = runCli(['--locale', 'en', '-x']);

    expect(code).toBe(2);
    expect(stderr).toContain('Unknown option "-x".');
    expect(stderr).toContain('Usage: npm run demo');
  });

  it('asks for the language after --locale', () => {
    const { code, stderr } = runCli(['--locale']);

    expect(code).toBe(2);
    expect(stderr).toContain('После --locale укажите язык: --locale ru или --locale en.');
    expect(stderr).not.toContain('argument missing');
  });

  it('reports a missing file', () => {
    const path = join(scratch, 'absent.json');
    const { code, stderr } = runCli([path]);

    expect(code).toBe(1);
    expect(stderr).toContain(`Файл ${path} не найден.`);
  });

  it('resolves a path from the caller directory', () => {
    const { code, stdout } = runCli(['walkthrough/late-submission.json'], { FIOCO_FLOW_CALLER_CWD: join(root, 'examples') });

    expect(code).toBe(0);
    expect(stdout).toContain('Итог: Аннулирована по сроку');
  });

  it('rejects an unknown locale', () => {
    const { code, stderr } = runCli(['--locale', 'de']);

    expect(code).toBe(2);
    expect(stderr).toContain('Неизвестный язык «de»');
  });

  it('stops at a refusal the file did not expect and lists its reasons', () => {
    const path = writeVariant('no-snils.json', (file) => {
      delete file.participants[0].snils;
    });
    const { code, stdout, stderr } = runCli([path]);

    expect(code).toBe(3);
    expect(stdout).toContain('! ожидалось, что шаг будет выполнен');
    expect(stdout).not.toContain('принимает документы');
    expect(stdout).toContain('Итог: Черновик');
    expect(stderr).toContain('Сценарий остановлен на шаге steps[5] (submit): шаг отклонён, а в файле он не отмечен "expect": "refused".');
    expect(stderr).toContain('Причины отказа:\n  • Заявку нельзя отправить: 1 нарушение. Не заполнено поле «СНИЛС» участника в строке 1 (Кузнецова Е. П.).');
    expect(stderr).toContain('Не выполнено шагов: 18.');

    const english = runCli([path, '--locale', 'en']);
    expect(english.code).toBe(3);
    expect(english.stderr).toContain('The scenario stopped at steps[5] (submit)');
    expect(english.stderr).toContain('The field "SNILS" of the participant in row 1 (Кузнецова Е. П.) is empty.');
  });

  it('exits with 3 on an unexpected outcome', () => {
    const path = writeVariant('unexpected.json', (file) => {
      file.steps[5].expect = 'refused';
    });
    const { code, stdout } = runCli([path]);

    expect(code).toBe(3);
    expect(stdout).toContain('! ожидалось, что шаг будет отклонён');
    expect(stdout).toContain('Шагов с неожиданным исходом: 1.');
  });
});
