import {
  createApplicationService,
  createManualClock,
  createMemoryStore,
  type Actor,
  type ApplicationService,
  type ApplicationView,
  type Command,
  type DispatchResult,
  type Failure,
} from '@fioco-flow/core';
import { formatDate, russianCalendar, type Deadline, type Locale, type WorkCalendar } from '@fioco-flow/rules';
import { ScenarioIds, commandsOf, programOf, rowFields } from './commands.js';
import { Describer } from './describe.js';
import { SYSTEM_ACTOR, type ApplicationFile, type Step } from './file-format.js';
import { shortName } from './format.js';
import type { ScenarioStop, StepOutcome, Timeline, TimelineActor, TimelineEntry } from './timeline.js';

export interface RunOptions {
  readonly locale?: Locale;
  /** The federal production calendar by default. */
  readonly calendar?: WorkCalendar;
}

/** Staff-level reader for the timeline: reads are not commands, so it never appears in the event log. */
const observer: Actor = { id: 'walkthrough-observer', role: 'staff' };

/**
 * Runs every step of an application file through the application service, with the in-memory store, the real
 * calendar and a manual clock set to each step's instant. Between steps the clock stops at every deadline that
 * passes (`tick` at that instant), so lapses and overdue flags show at the moment they happen.
 */
export async function runScenario(file: ApplicationFile, options: RunOptions = {}): Promise<Timeline> {
  const locale = options.locale ?? 'ru';
  const calendar = options.calendar ?? russianCalendar();
  const ids = new ScenarioIds(file);
  const describer = new Describer(file, ids, locale);
  const firstStep = file.steps[0];
  const clock = createManualClock(firstStep === undefined ? '2026-01-01T00:00:00Z' : firstStep.at);
  let counter = 0;
  const service = createApplicationService({
    store: createMemoryStore(),
    clock,
    calendar,
    programs: [programOf(file, ids)],
    // Sequential ids keep the timeline the same from run to run; the code word stays random.
    ids: () => `wt-${String(++counter).padStart(4, '0')}`,
  });

  const run = new ScenarioRun(file, service, clock, ids, describer, locale);
  for (const [index, step] of file.steps.entries()) {
    const outcome = await run.step(step);
    // A refusal the file did not announce leaves the application short of what the next steps assume, so the
    // run stops at it instead of piling up refusals that follow from the first.
    if (!outcome.accepted && step.expect !== 'refused') {
      run.stop({ stepIndex: index, action: step.action, reasons: outcome.reasons, skippedSteps: file.steps.length - index - 1 });
      break;
    }
  }
  return run.timeline(calendar);
}

class ScenarioRun {
  private applicationId: string | null = null;
  private view: ApplicationView | null = null;
  private deadlineKeys = new Set<string>();
  private readonly entries: TimelineEntry[] = [];
  private courseDeadlines: Deadline[] = [];
  private unexpected = 0;
  private stopped: ScenarioStop | undefined;

  constructor(
    private readonly file: ApplicationFile,
    private readonly service: ApplicationService,
    private readonly clock: ReturnType<typeof createManualClock>,
    private readonly ids: ScenarioIds,
    private readonly describer: Describer,
    private readonly locale: Locale,
  ) {}

  async step(step: Step): Promise<StepOutcome> {
    await this.advanceClockTo(step.at);
    this.clock.set(step.at);

    const before = this.view;
    // Rows get their numbers when they are added, so an add_rows step is described after it ran.
    const detailsBefore = this.describer.stepDetails(step, before?.data);
    const outcome = await this.execute(step);
    const after = this.view;
    const details = step.action === 'add_rows' ? this.describer.stepDetails(step, after?.data) : detailsBefore;

    // A step without `expect` is meant to be accepted; its refusal is an unexpected outcome too.
    const expected = step.expect ?? (outcome.accepted ? undefined : 'accepted');
    const entry: TimelineEntry = {
      at: step.at,
      actor: this.actorOf(step.actor),
      action: step.action,
      details,
      outcome,
      newDeadlines: outcome.accepted ? await this.newDeadlines() : [],
      notices:
        outcome.accepted && after !== null
          ? [
              ...this.describer.stepNotices(step, before?.data, after.data),
              ...(before === null ? [] : this.describer.clockNotices(before.data, after)),
            ]
          : [],
      ...(expected === undefined ? {} : { expectation: { expected, met: (expected === 'accepted') === outcome.accepted } }),
    };
    if (entry.expectation !== undefined && !entry.expectation.met) this.unexpected += 1;
    this.entries.push(entry);
    return outcome;
  }

  stop(stop: ScenarioStop): void {
    this.stopped = stop;
  }

  timeline(calendar: WorkCalendar): Timeline {
    const { program, organization } = this.file;
    const ru = this.locale === 'ru';
    const organizationName = String(organization['fullName'] ?? '');
    const facts = [
      ru
        ? `Программа: «${program.title.ru}», ${program.hours} ч`
        : `Program: "${program.title.en}", ${program.hours} hours`,
      ru
        ? `Курс: с ${formatDate(program.courseStart, 'ru')} по ${formatDate(program.courseEnd, 'ru')}; ${this.describer.money(program.pricePerRow)} за строку участника`
        : `Course: ${formatDate(program.courseStart, 'en')} to ${formatDate(program.courseEnd, 'en')}; ${this.describer.money(program.pricePerRow)} per participant row`,
      ru ? `Организация: ${organizationName}` : `Organization: ${organizationName}`,
      ru
        ? `Календарь: ${calendar.name.ru}; время московское`
        : `Calendar: ${calendar.name.en}; times in Moscow time`,
    ];

    const view = this.view;
    const state = view?.state ?? 'none';
    return {
      title: this.file.title,
      header: { facts, deadlines: this.courseDeadlines },
      entries: this.entries,
      final: {
        state,
        stateLabel: view === null ? this.noApplication() : view.stateLabel[this.locale],
        lines: view === null ? [] : this.describer.finalLines(view),
      },
      unexpectedOutcomes: this.unexpected,
      ...(this.stopped === undefined ? {} : { stopped: this.stopped }),
    };
  }

  /** Stops the clock at every deadline that passes before `at`, so the clock's changes get their own entries. */
  private async advanceClockTo(at: string): Promise<void> {
    while (this.view !== null && this.view.nextDeadlineAt !== null && Date.parse(this.view.nextDeadlineAt) <= Date.parse(at)) {
      const due = this.view.nextDeadlineAt;
      const before = this.view;
      this.clock.set(due);
      const report = await this.service.tick(due);
      await this.refresh();
      const after = this.view;
      if (report.changed.length === 0 || after.version === before.version) break;

      this.entries.push({
        at: due,
        actor: { role: 'system' },
        action: 'clock',
        details: [],
        outcome: { accepted: true, stateLabel: after.stateLabel[this.locale], stateChanged: after.state !== before.state },
        newDeadlines: [],
        notices: this.describer.clockNotices(before.data, after),
      });
    }
  }

  private async execute(step: Step): Promise<StepOutcome> {
    if (step.action === 'create_draft') return this.create(step.actor);
    if (step.action === 'tick') return this.tick(step.at);

    const actor = this.serviceActor(step.actor);
    if (this.applicationId === null || this.view === null) return this.refused([this.noApplication()]);
    const stateBefore = this.view.state;

    if (step.action === 'add_rows') return this.addRows(step.rows, actor, stateBefore);

    const commands = commandsOf(step, this.view.data, this.file, this.ids);
    for (const command of commands) {
      const result = await this.dispatch(actor, command);
      if (!result.ok) return this.refused(reasonsOf(result));
    }
    return this.accepted(stateBefore);
  }

  private async create(actorId: string): Promise<StepOutcome> {
    const result = await this.service.create(this.serviceActor(actorId), { programId: this.file.program.id }, { locale: this.locale });
    if (!result.ok) return this.refused(reasonsOf(result));

    this.applicationId = result.application.id;
    await this.refresh();
    const deadlines = await this.deadlines();
    this.courseDeadlines = [deadlines.submission, deadlines.contract];
    this.deadlineKeys = new Set(this.allDeadlines(deadlines).map(deadlineKey));
    return { accepted: true, stateLabel: result.application.stateLabel[this.locale], stateChanged: true };
  }

  private async tick(at: string): Promise<StepOutcome> {
    const stateBefore = this.view?.state;
    await this.service.tick(at);
    if (this.view === null) return { accepted: true, stateLabel: this.noApplication(), stateChanged: false };
    return this.accepted(stateBefore);
  }

  /** Adds each row, then attaches its documents; rows of this step that share a file share one document. */
  private async addRows(rowIds: readonly string[], actor: Actor, stateBefore: string): Promise<StepOutcome> {
    for (const rowId of rowIds) {
      const result = await this.dispatch(actor, { type: 'row.add', payload: { row: rowFields(this.ids.entry(rowId)) } } as Command);
      if (!result.ok) return this.refused(reasonsOf(result));
      const serviceRowId = result.event.generated.id;
      if (serviceRowId !== undefined) this.ids.bindRow(rowId, serviceRowId);
    }

    const attachments = new Map<string, { kind: string; file: string; rowIds: string[] }>();
    for (const rowId of rowIds) {
      for (const document of this.ids.entry(rowId).documents) {
        const key = `${document.kind}\u0000${document.file}`;
        const attachment = attachments.get(key) ?? { kind: document.kind, file: document.file, rowIds: [] };
        attachment.rowIds.push(this.ids.rowId(rowId));
        attachments.set(key, attachment);
      }
    }
    for (const attachment of attachments.values()) {
      const command = {
        type: 'document.attach',
        payload: { rowIds: attachment.rowIds, kind: attachment.kind, file: this.ids.fileRef(attachment.file) },
      } as Command;
      const result = await this.dispatch(actor, command);
      if (!result.ok) return this.refused(reasonsOf(result));
    }
    return this.accepted(stateBefore);
  }

  private async dispatch(actor: Actor, command: Command): Promise<DispatchResult> {
    if (this.applicationId === null) throw new Error('dispatch before the application exists');
    const result = await this.service.dispatch(this.applicationId, actor, command, { locale: this.locale });
    await this.refresh();
    return result;
  }

  private async refresh(): Promise<ApplicationView> {
    if (this.applicationId === null) throw new Error('refresh before the application exists');
    const result = await this.service.get(this.applicationId, observer, { locale: this.locale });
    if (!result.ok) throw new Error(`The service lost application ${this.applicationId}: ${result.error.message}`);
    this.view = result.application;
    return result.application;
  }

  private async deadlines() {
    if (this.applicationId === null) throw new Error('deadlines before the application exists');
    const result = await this.service.deadlines(this.applicationId, observer, { locale: this.locale });
    if (!result.ok) throw new Error(`No deadlines for application ${this.applicationId}: ${result.error.message}`);
    return result.deadlines;
  }

  private allDeadlines(deadlines: Awaited<ReturnType<ScenarioRun['deadlines']>>): Deadline[] {
    return [
      deadlines.submission,
      deadlines.contract,
      ...(deadlines.review === undefined ? [] : [deadlines.review]),
      ...deadlines.documentReviews,
      ...(deadlines.originals === undefined ? [] : [deadlines.originals]),
    ];
  }

  /** Deadlines that did not exist before this step (or moved): a review, a replaced document's review, originals. */
  private async newDeadlines(): Promise<Deadline[]> {
    if (this.applicationId === null) return [];
    const current = this.allDeadlines(await this.deadlines());
    const fresh = current.filter((deadline) => !this.deadlineKeys.has(deadlineKey(deadline)));
    for (const deadline of fresh) this.deadlineKeys.add(deadlineKey(deadline));
    return fresh;
  }

  private accepted(stateBefore: string | undefined): StepOutcome {
    const view = this.view;
    if (view === null) return { accepted: true, stateLabel: this.noApplication(), stateChanged: false };
    return { accepted: true, stateLabel: view.stateLabel[this.locale], stateChanged: view.state !== stateBefore };
  }

  private refused(reasons: string[]): StepOutcome {
    const view = this.view;
    if (view === null) return { accepted: false, reasons, stateLabel: this.noApplication() };

    // A command refused because the application already lapsed gets the lapse's own reason beside the service's.
    const lapseCause = view.data.outcome?.lapseCause;
    const withCause = lapseCause ? [...reasons, this.describer.lapseCause(lapseCause, view.data)] : reasons;
    return { accepted: false, reasons: withCause, stateLabel: view.stateLabel[this.locale] };
  }

  private noApplication(): string {
    return this.locale === 'ru' ? 'заявка ещё не создана' : 'no application yet';
  }

  private actorOf(actorId: string): TimelineActor {
    if (actorId === SYSTEM_ACTOR) return { role: 'system' };
    const actor = this.file.actors.find((entry) => entry.id === actorId);
    if (actor === undefined) return { role: 'system' };
    return { role: actor.role, name: shortName(actor.name) };
  }

  private serviceActor(actorId: string): Actor {
    const actor = this.file.actors.find((entry) => entry.id === actorId);
    if (actor === undefined || actorId === SYSTEM_ACTOR) return { id: 'clock', role: 'system' };
    if (actor.role === 'staff') return { id: actor.id, role: 'staff' };
    return { id: actor.id, role: 'representative', organizationId: actor.organizationId ?? organizationIdOf(this.file) };
  }
}

/** Derives the organization id that representatives act for from the ИНН, when the file gives none. */
function organizationIdOf(file: ApplicationFile): string {
  const inn = file.organization['inn'];
  return typeof inn === 'string' && inn.trim() !== '' ? `org-${inn.trim()}` : 'org-walkthrough';
}

function deadlineKey(deadline: Deadline): string {
  return `${deadline.kind}|${deadline.documentId ?? ''}|${deadline.endsAt}`;
}

/** Collects the service's message, then every violation and block reason that the message does not already contain. */
function reasonsOf(result: Failure): string[] {
  const { error } = result;
  const details = [
    ...(error.violations ?? []).map((violation) => violation.message),
    ...(error.reasons ?? []).map((reason) => reason.message),
  ];
  const extra = details.filter((detail) => !error.message.includes(detail));
  return [error.message, ...extra];
}

