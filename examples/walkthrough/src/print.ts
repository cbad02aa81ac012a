import { renderDeadline, type Locale } from '@fioco-flow/rules';
import { formatMoscowInstant } from './format.js';
import { actionLabels, roleLabels } from './texts.js';
import type { ScenarioStop, Timeline, TimelineEntry } from './timeline.js';

const words = {
  ru: {
    courseDeadlines: 'Сроки курса:',
    newDeadline: 'Новый срок',
    state: 'Состояние',
    stateUnchanged: 'без изменений',
    refused: 'Отказано',
    expectedRefusal: 'ожидалось, что шаг будет отклонён',
    expectedAcceptance: 'ожидалось, что шаг будет выполнен',
    clock: 'наступил срок',
    result: 'Итог',
    unexpected: (count: number) => `Шагов с неожиданным исходом: ${count}.`,
  },
  en: {
    courseDeadlines: 'Course deadlines:',
    newDeadline: 'New deadline',
    state: 'State',
    stateUnchanged: 'unchanged',
    refused: 'Refused',
    expectedRefusal: 'the file expected this step to be refused',
    expectedAcceptance: 'the file expected this step to be accepted',
    clock: 'a deadline passed',
    result: 'Result',
    unexpected: (count: number) => `Steps with an unexpected outcome: ${count}.`,
  },
} as const;

/** Renders a timeline as plain text, one block per step, in Moscow time. */
export function printTimeline(timeline: Timeline, locale: Locale = 'ru'): string {
  const text = words[locale];
  const lines: string[] = [timeline.title, '='.repeat(Math.min(timeline.title.length, 100)), ...timeline.header.facts, ''];

  lines.push(text.courseDeadlines);
  for (const deadline of timeline.header.deadlines) lines.push(`  • ${renderDeadline(deadline, { locale })}`);
  lines.push('');

  for (const entry of timeline.entries) lines.push(...printEntry(entry, locale), '');

  lines.push(`${text.result}: ${timeline.final.stateLabel}`);
  for (const line of timeline.final.lines) lines.push(`  ${line}`);
  if (timeline.unexpectedOutcomes > 0) lines.push('', text.unexpected(timeline.unexpectedOutcomes));

  return `${lines.join('\n')}\n`;
}

/**
 * Explains why the run stopped at a refused step: which step, the service's reasons, and how to fix the file.
 * The command line prints it to standard error after the timeline.
 */
export function printStop(stop: ScenarioStop, locale: Locale = 'ru'): string {
  const step = `steps[${stop.stepIndex}]`;
  const lines =
    locale === 'ru'
      ? [
          `Сценарий остановлен на шаге ${step} (${stop.action}): шаг отклонён, а в файле он не отмечен "expect": "refused".`,
          'Причины отказа:',
          ...stop.reasons.map((reason) => `  • ${reason}`),
          `Не выполнено шагов: ${stop.skippedSteps}. Исправьте данные в файле; если отказ и есть цель сценария, добавьте шагу "expect": "refused".`,
        ]
      : [
          `The scenario stopped at ${step} (${stop.action}): the step was refused, and the file does not mark it "expect": "refused".`,
          'Reasons for the refusal:',
          ...stop.reasons.map((reason) => `  • ${reason}`),
          `Steps not run: ${stop.skippedSteps}. Fix the data in the file; if the refusal is the point of the scenario, give the step "expect": "refused".`,
        ];
  return `${lines.join('\n')}\n`;
}

function printEntry(entry: TimelineEntry, locale: Locale): string[] {
  const text = words[locale];
  const lines = [`${formatMoscowInstant(entry.at, locale)} — ${actorPhrase(entry, locale)}`];

  for (const detail of entry.details) lines.push(`    ${detail}`);

  if (entry.outcome.accepted) {
    for (const deadline of entry.newDeadlines) lines.push(`    ${text.newDeadline}: ${renderDeadline(deadline, { locale })}`);
    for (const notice of entry.notices) lines.push(`    ${notice}`);
    lines.push(
      entry.outcome.stateChanged
        ? `    → ${text.state}: ${entry.outcome.stateLabel}`
        : `    → ${text.state}: ${entry.outcome.stateLabel} (${text.stateUnchanged})`,
    );
  } else {
    const [first, ...more] = entry.outcome.reasons;
    lines.push(`    ✗ ${text.refused}: ${first ?? ''}`);
    for (const reason of more) lines.push(`      ${reason}`);
    lines.push(`    → ${text.state}: ${entry.outcome.stateLabel} (${text.stateUnchanged})`);
  }

  if (entry.expectation !== undefined && !entry.expectation.met) {
    lines.push(`    ! ${entry.expectation.expected === 'refused' ? text.expectedRefusal : text.expectedAcceptance}`);
  }
  return lines;
}

function actorPhrase(entry: TimelineEntry, locale: Locale): string {
  const role = roleLabels[locale][entry.actor.role];
  const action = entry.action === 'clock' ? words[locale].clock : actionLabels[locale][entry.action];
  return entry.actor.name === undefined ? `${role}: ${action}` : `${role} ${entry.actor.name} ${action}`;
}
