import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Locale } from '@fioco-flow/rules';
import { loadApplicationFile } from './load-file.js';
import { printStop, printTimeline } from './print.js';
import { runScenario } from './run.js';

const defaultFile = fileURLToPath(new URL('../application.json', import.meta.url));

const usage: Record<Locale, string> = {
  ru: [
    'Использование: npm run demo -- [ФАЙЛ] [--locale ru|en]',
    '  ФАЙЛ          файл заявки со сценарием (JSON); по умолчанию examples/walkthrough/application.json',
    '  --locale en   вывести хронологию на английском языке',
  ].join('\n'),
  en: [
    'Usage: npm run demo -- [FILE] [--locale ru|en]',
    '  FILE          an application file with its scenario (JSON); examples/walkthrough/application.json by default',
    '  --locale en   print the timeline in English',
  ].join('\n'),
};

/** Output streams of the command line: standard output for the timeline, standard error for problems. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs the walkthrough command line and returns its exit code: 0 when the scenario ran as the file expects,
 * 1 for an invalid or unreadable file, 2 for bad arguments, 3 when a step's outcome differs from its `expect` (a step
 * without `expect` should be accepted; its refusal stops the run).
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let values: { locale?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${usage.ru}\n`);
    return 2;
  }

  const locale = values.locale ?? 'ru';
  if (locale !== 'ru' && locale !== 'en') {
    output.err(`Неизвестный язык «${locale}»: укажите --locale ru или --locale en.\n\n${usage.ru}\n`);
    return 2;
  }
  if (values.help) {
    output.out(`${usage[locale]}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    const message =
      locale === 'ru'
        ? `Укажите один файл заявки, а не ${positionals.length}.`
        : `Give one application file, not ${positionals.length}.`;
    output.err(`${message}\n\n${usage[locale]}\n`);
    return 2;
  }

  const path = positionals[0] === undefined ? defaultFile : resolveFromCaller(positionals[0]);
  const loaded = await loadApplicationFile(path, locale);
  if (!loaded.ok) {
    const heading =
      locale === 'ru'
        ? `Файл ${path} нельзя выполнить. Исправьте ошибки (${loaded.problems.length}):`
        : `File ${path} cannot be run. Fix these errors (${loaded.problems.length}):`;
    const lines = loaded.problems.map((problem) =>
      problem.path === '' ? `  • ${problem.message}` : `  • ${problem.path}: ${problem.message}`,
    );
    output.err(`${[heading, ...lines].join('\n')}\n`);
    return 1;
  }

  const timeline = await runScenario(loaded.file, { locale });
  output.out(printTimeline(timeline, locale));
  if (timeline.stopped !== undefined) output.err(printStop(timeline.stopped, locale));
  return timeline.unexpectedOutcomes === 0 ? 0 : 3;
}

/**
 * Resolves a relative path against the directory the user typed the command in. `npm run` keeps that directory
 * in `INIT_CWD`, but `pnpm run` resets `INIT_CWD` to the workspace root, so a wrapper that starts pnpm passes the
 * original directory in `FIOCO_FLOW_CALLER_CWD`. A path not found there is taken relative to the current directory.
 */
function resolveFromCaller(path: string): string {
  if (isAbsolute(path)) return path;
  for (const directory of [process.env['FIOCO_FLOW_CALLER_CWD'], process.env['INIT_CWD']]) {
    if (directory === undefined || directory === '') continue;
    const candidate = resolve(directory, path);
    if (existsSync(candidate)) return candidate;
  }
  return resolve(path);
}
