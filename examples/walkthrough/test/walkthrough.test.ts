import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCodeWord } from '@fioco-flow/core';
import { main } from '../src/cli.js';
import type { ApplicationFile } from '../src/file-format.js';
import { parseApplicationFile } from '../src/load-file.js';
import { runScenario } from '../src/run.js';

const bundledPath = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

function loadBundled(name: string): ApplicationFile {
  const result = parseApplicationFile(readFileSync(bundledPath(name), 'utf8'));
  if (!result.ok) throw new Error(`${name} is invalid: ${JSON.stringify(result.problems)}`);
  return result.file;
}

async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** Lists the ways a participant's СНИЛС or date of birth could be written. */
function personalDataSpellings(file: ApplicationFile): string[] {
  const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
  return file.participants.flatMap((row) => {
    const snils = String(row['snils']);
    const digits = snils.replace(/\D/g, '');
    const [year, month, day] = String(row['birthDate']).split('-') as [string, string, string];
    return [
      snils,
      digits,
      `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}`,
      String(row['birthDate']),
      `${day}.${month}.${year}`,
      `${Number(day)} ${months[Number(month) - 1]} ${year}`,
    ];
  });
}

describe('demo application', () => {
  let output: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    output = await runCli([]);
  });

  it('exits with 0 and nothing on stderr', () => {
    expect(output.stderr).toBe('');
    expect(output.code).toBe(0);
  });

  it('ends in the completed state', async () => {
    const timeline = await runScenario(loadBundled('application.json'));
    expect(timeline.final.state).toBe('completed');
    expect(timeline.unexpectedOutcomes).toBe(0);
    expect(timeline.entries.every((entry) => entry.outcome.accepted)).toBe(true);
    expect(output.stdout.trimEnd().split('\n').filter((line) => line.startsWith('Итог:'))).toEqual(['Итог: Завершена']);
  });

  it('prints the submission deadline', () => {
    expect(output.stdout).toContain(
      'Последний день подачи заявки — 4 марта 2026 г. (ср), до 24:00 по московскому времени: 7 рабочих дней до начала курса 16 марта; 9 марта — выходной день (перенос с 8 марта)',
    );
  });

  it('prints the contract deadline', () => {
    expect(output.stdout).toContain('Последний день загрузки подписанного договора — 11 марта 2026 г. (ср)');
  });

  it('prints the review and originals deadlines', () => {
    expect(output.stdout).toContain('Новый срок: Последний день рассмотрения заявки институтом — 27 февраля 2026 г. (пт)');
    expect(output.stdout).toContain('Новый срок: Последний день рассмотрения документа институтом — 2 марта 2026 г. (пн)');
    expect(output.stdout).toContain('Новый срок: Последний день отправки оригиналов акта и договора — 1 апреля 2026 г. (ср)');
  });

  it('prints a code word of three groups', () => {
    const match = /Кодовое слово для участников: (\S+)/.exec(output.stdout);
    expect(match?.[1]).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(isCodeWord(match?.[1])).toBe(true);
  });

  it('prints each step in Moscow time', () => {
    expect(output.stdout).toContain('24 февраля 2026 г., 10:15 МСК — Представитель организации Орлова Т. Н. отправляет заявку');
    expect(output.stdout).toContain('27 февраля 2026 г., 10:00 МСК — Сотрудник ФИОКО Лебедев И. А. принимает заявку в работу');
  });

  it('prints the rejection and its reason', () => {
    expect(output.stdout).toContain('Лебедев И. А. отклоняет документ\n    строка 2: Морозов Д. О., Математика — СНИЛС');
    expect(output.stdout).toContain('Причина: «Скан СНИЛС нечитаем: номер обрезан по краю.');
  });

  it('prints the message attachment', () => {
    expect(output.stdout).toMatch(/Вложение: «Приказ_о_направлении_на_обучение_№_41-о\.pdf» \(\d+ байта?\)/);
  });

  it('prints the final package row by row', () => {
    const final = output.stdout.slice(output.stdout.indexOf('Итог:'));
    expect(final).toContain('трек-номер RA644183025RU');
    expect(final).toContain('оригинал договора, подписанный обеими сторонами');
    expect(final).toContain('оригинал акта об оказании образовательных услуг');
    expect(final).toContain('оригинал счёта на оплату');
    expect(final.match(/удостоверение о повышении квалификации — строка \d/g)).toHaveLength(4);
    expect(final).toContain('справка об обучении — строка 4: Васильева О. И., Обществознание');
    expect(final).not.toContain('удостоверение о повышении квалификации — строка 4');
  });

  it('prints no SNILS or birth date', () => {
    const file = loadBundled('application.json');
    for (const spelling of personalDataSpellings(file)) expect(output.stdout, spelling).not.toContain(spelling);
  });
});

describe('demo in English', () => {
  it('prints the deadlines in English', async () => {
    const { code, stdout } = await runCli(['--locale', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('Last day to submit the application — Wed 4 March 2026, until 24:00 Moscow time');
    expect(stdout).toContain('Last day to upload the signed contract — Wed 11 March 2026');
    expect(stdout).toContain('24 February 2026, 10:15 Moscow time — Representative Орлова Т. Н. submits the application');
    expect(stdout).toContain('Result: Completed');
    expect(stdout).not.toMatch(/Состояние|Срок|Итог/);
  });
});

describe('late submission', () => {
  it('lapses by the clock and refuses the submission', async () => {
    const { code, stdout } = await runCli([bundledPath('late-submission.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '5 марта 2026 г., 00:00 МСК — Система: наступил срок\n' +
        '    Срок подачи истёк в 24:00 МСК 4 марта 2026 г. (ср), а черновик не был отправлен: заявка аннулирована.\n' +
        '    → Состояние: Аннулирована по сроку',
    );
    expect(stdout).toContain(
      '5 марта 2026 г., 09:32 МСК — Представитель организации Орлова Т. Н. отправляет заявку\n' +
        '    ✗ Отказано: Команда «Отправить заявку» недоступна, когда заявка в состоянии «Аннулирована по сроку».',
    );
    expect(stdout.trimEnd().split('\n').at(-2)).toBe('Итог: Аннулирована по сроку');
  });

  it('fails when a refusal was not expected', async () => {
    const file = loadBundled('late-submission.json');
    const steps = file.steps.map(({ expect: _expect, ...step }) => ({ ...step, expect: 'accepted' as const }));
    const timeline = await runScenario({ ...file, steps });
    expect(timeline.final.state).toBe('lapsed');
    expect(timeline.unexpectedOutcomes).toBe(1);
  });

  it('stops at a refused step without expect', async () => {
    const file = loadBundled('application.json');
    const participants = file.participants.map((row, index) => (index === 0 ? { ...row, lastName: '' } : row));
    const timeline = await runScenario({ ...file, participants });
    const submitIndex = file.steps.findIndex((step) => step.action === 'submit');

    expect(timeline.entries.at(-1)?.action).toBe('submit');
    expect(timeline.entries.at(-1)?.expectation).toEqual({ expected: 'accepted', met: false });
    expect(timeline.unexpectedOutcomes).toBe(1);
    expect(timeline.final.state).toBe('draft');
    expect(timeline.stopped).toMatchObject({ stepIndex: submitIndex, action: 'submit', skippedSteps: file.steps.length - submitIndex - 1 });
    expect(timeline.stopped?.reasons.join(' ')).toContain('«Фамилия»');
  });

  it('runs on after a refusal the file expects', async () => {
    const timeline = await runScenario(loadBundled('late-submission.json'));
    expect(timeline.stopped).toBeUndefined();
    expect(timeline.unexpectedOutcomes).toBe(0);
  });
});

describe('submission on the last day', () => {
  it('is accepted at 23:59 Moscow time', async () => {
    const file = loadBundled('late-submission.json');
    const steps = file.steps.map((step) =>
      step.action === 'submit' ? { at: '2026-03-04T23:59:00+03:00', actor: step.actor, action: step.action } : step,
    );
    const timeline = await runScenario({ ...file, steps });
    const submit = timeline.entries.find((entry) => entry.action === 'submit');
    expect(submit?.outcome.accepted).toBe(true);
    expect(timeline.final.state).toBe('submitted');
  });
});

describe('clock between steps', () => {
  it('flags an overdue review at its deadline', async () => {
    const file = loadBundled('application.json');
    const steps = file.steps.map((step) => (step.action === 'take_into_work' ? { ...step, at: '2026-03-02T10:00:00+03:00' } : step));
    const timeline = await runScenario({ ...file, steps });
    const clock = timeline.entries.filter((entry) => entry.action === 'clock');

    expect(clock.map((entry) => entry.at)).toEqual(['2026-02-27T21:00:00.000Z']);
    expect(clock[0]?.notices).toEqual(['Срок рассмотрения заявки институтом истёк: заявка отмечена как просроченная.']);
    expect(timeline.final.state).toBe('completed');
  });

  it('lapses an application without signed contract', async () => {
    const file = loadBundled('application.json');
    const lastBeforeUpload = file.steps.findIndex((step) => step.action === 'upload_signed_contract');
    const steps = [...file.steps.slice(0, lastBeforeUpload), { at: '2026-03-16T09:00:00+03:00', actor: 'system', action: 'tick' as const }];
    const timeline = await runScenario({ ...file, steps });
    const lapse = timeline.entries.find((entry) => entry.action === 'clock');

    expect(lapse?.at).toBe('2026-03-11T21:00:00.000Z');
    expect(lapse?.notices).toEqual([
      'Срок загрузки подписанного договора истёк в 24:00 МСК 11 марта 2026 г. (ср), а договор не был загружен: заявка аннулирована.',
    ]);
    expect(timeline.final.state).toBe('lapsed');
  });
});
