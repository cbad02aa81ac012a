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

const options = { locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

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
 * 1 for an invalid or unreadable file, 2 for bad arguments, 3 when a step's outcome differs from its `expect`.
 * A step without `expect` should be accepted, so its refusal stops the run with 3.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let values: { locale?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options,
    }));
  } catch {
    // Node's own message is English, so the bad argument is found again and named in the user's language.
    const locale = requestedLocale(argv);
    output.err(`${badArgumentMessage(argv, locale)}\n\n${usage[locale]}\n`);
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

/** Returns `en` when the arguments ask for English (`--locale en` or `--locale=en`), so that even an argument error speaks it. */
function requestedLocale(argv: readonly string[]): Locale {
  const index = argv.indexOf('--locale');
  return argv.includes('--locale=en') || (index >= 0 && argv[index + 1] === 'en') ? 'en' : 'ru';
}

/** Names the first argument the command line does not accept: an unknown option, `--locale` without a language, `--help=…`. */
function badArgumentMessage(argv: readonly string[], locale: Locale): string {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options });
  const ru = locale === 'ru';
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'locale' && (token.value === undefined || token.value.startsWith('-'))) {
      return ru ? 'После --locale укажите язык: --locale ru или --locale en.' : 'Give a language after --locale: --locale ru or --locale en.';
    }
    if ((token.name === 'help' || token.name === 'h') && token.inlineValue === true) {
      return ru ? `Параметр ${token.rawName} пишется без значения: «${token.rawName}».` : `Option ${token.rawName} takes no value: "${token.rawName}".`;
    }
    if (token.name !== 'locale' && token.name !== 'help' && token.name !== 'h') {
      return ru
        ? `Неизвестный параметр «${token.rawName}». Допустимы --locale ru|en и --help; путь к файлу, начинающийся с «-», пишите после «--».`
        : `Unknown option "${token.rawName}". The options are --locale ru|en and --help; put a file path that starts with "-" after "--".`;
    }
  }
  const argumentsText = argv.join(' ');
  return ru ? `Аргументы «${argumentsText}» не разобраны.` : `Could not parse the arguments "${argumentsText}".`;
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
