import { TZDate } from '@date-fns/tz';
import {
  computeDeadlines,
  deadlineDays,
  defaultDeadlinePolicy,
  type ApplicationDeadlines,
  type Deadline,
  type DeadlinePolicy,
  type IsoDate,
  type WorkCalendar,
} from '@fioco-flow/rules';
import type { ApplicationData, ApplicationDeadlineState, DeadlineSummary } from '../model/application.js';
import type { Program } from '../model/program.js';

/**
 * The calendars deadlines are counted on: the federal one for every deadline, and optionally the organization's
 * regional calendar for the originals deadline (the one obligation counted in the organization's working days).
 *
 * @example
 * ```ts
 * import type { CalendarDependencies } from '@fioco-flow/core';
 * import { russianCalendar, tatarstanCalendar } from '@fioco-flow/rules';
 *
 * const calendars: CalendarDependencies = {
 *   calendar: russianCalendar(),
 *   organizationCalendar: (organizationId) => (organizationId.startsWith('tatarstan-') ? tatarstanCalendar() : undefined),
 * };
 * ```
 */
export interface CalendarDependencies {
  readonly calendar: WorkCalendar;
  readonly organizationCalendar?: (organizationId: string) => WorkCalendar | undefined;
}

/** The deadline policy of an application: the defaults, the program's overrides, the organization's calendar. */
export function deadlinePolicyOf(
  program: Program,
  organizationId: string,
  dependencies: CalendarDependencies,
): Partial<DeadlinePolicy> {
  const organizationCalendar = dependencies.organizationCalendar?.(organizationId);
  return {
    ...program.deadlinePolicy,
    ...(organizationCalendar === undefined ? {} : { organizationCalendar }),
  };
}

/** The time zone of an application's deadlines (`Europe/Moscow` unless the program overrides it). */
export function deadlineTimeZone(program: Program): string {
  return program.deadlinePolicy?.timeZone ?? defaultDeadlinePolicy.timeZone;
}

function summarize(deadline: Deadline): DeadlineSummary {
  return { date: deadline.date, endsAt: new Date(deadline.endsAt).toISOString(), provisional: deadline.provisional };
}

/** The instant a calendar day ends (the next day's 00:00) in a time zone, as ISO UTC. */
export function endOfDay(date: IsoDate, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + 1, 0, 0, 0, 0, timeZone).getTime()).toISOString();
}

/**
 * The deadlines a new application starts with: submission and contract (both counted back from the course start)
 * and the end of the course's first day.
 *
 * @throws {RangeError} when the course dates lie outside the calendar's data.
 */
export function initialDeadlines(
  program: Program,
  organizationId: string,
  dependencies: CalendarDependencies,
): ApplicationDeadlineState {
  const computed = computeDeadlines(
    { courseStart: program.courseStart, delivery: 'paper' },
    { calendar: dependencies.calendar, policy: deadlinePolicyOf(program, organizationId, dependencies) },
  );
  return {
    submission: summarize(computed.submission),
    contract: summarize(computed.contract),
    firstDayEndsAt: endOfDay(program.courseStart, deadlineTimeZone(program)),
    review: null,
    originals: null,
  };
}

/** The review deadline of an application submitted at `submittedAt`. */
export function reviewDeadline(data: ApplicationData, submittedAt: string, dependencies: CalendarDependencies): DeadlineSummary {
  const computed = computeForData(data, dependencies, { submittedAt });
  if (computed.review === undefined) throw new Error('computeDeadlines returned no review deadline for a submission date.');
  return summarize(computed.review);
}

/** The review due date of a document version uploaded at `uploadedAt`. */
export function documentReviewDeadline(
  data: ApplicationData,
  documentId: string,
  uploadedAt: string,
  dependencies: CalendarDependencies,
): DeadlineSummary {
  const computed = computeForData(data, dependencies, { documentUploads: [{ documentId, uploadedAt }] });
  const deadline = computed.documentReviews.find((review) => review.documentId === documentId);
  if (deadline === undefined) throw new Error(`computeDeadlines returned no review deadline for document ${documentId}.`);
  return summarize(deadline);
}

/** The originals deadline counted from the act reaching the thread at `actPostedAt` (paper delivery only). */
export function originalsDeadline(data: ApplicationData, actPostedAt: string, dependencies: CalendarDependencies): DeadlineSummary {
  const computed = computeForData(data, dependencies, { actPostedAt, delivery: 'paper' });
  if (computed.originals === undefined) throw new Error('computeDeadlines returned no originals deadline for an act date.');
  return summarize(computed.originals);
}

/**
 * Every deadline of an application with full explanations: submission and contract always, review once submitted,
 * a review due date per document version uploaded after submission, originals once the act was posted (paper).
 *
 * The dates are the ones stored in the application, which the clock enforces. A deadline is fixed when its event
 * happens, so replaying the events on the same calendar reproduces the stored snapshot. Re-deriving enforced deadlines
 * from a calendar updated later would make a lapse depend on when the calendar was replaced. The explanation is counted
 * on the current calendar; where a later calendar update (a provisional year replaced by its decree) moved the
 * recomputed date, it lists the days up to the stored date on the current calendar, so it shows the new day off.
 */
export function applicationDeadlines(data: ApplicationData, dependencies: CalendarDependencies): ApplicationDeadlines {
  const submittedAt = data.submission?.submittedAt;
  const documentUploads = data.documents.flatMap((document) => {
    const latest = document.versions.at(-1);
    return latest?.reviewDue === undefined ? [] : [{ documentId: document.id, uploadedAt: latest.uploadedAt }];
  });
  const actPostedAt = data.closing?.issuedAt;
  const computed = computeForData(data, dependencies, {
    ...(submittedAt === undefined ? {} : { submittedAt }),
    ...(documentUploads.length === 0 ? {} : { documentUploads }),
    ...(actPostedAt === undefined ? {} : { actPostedAt }),
  });

  const organizationCalendar = dependencies.organizationCalendar?.(data.organizationId);
  const enforced = (deadline: Deadline, stored: DeadlineSummary | null | undefined): Deadline => {
    const calendar = deadline.kind === 'originals' ? (organizationCalendar ?? dependencies.calendar) : dependencies.calendar;
    return stored === null || stored === undefined ? deadline : withStoredDate(deadline, stored, calendar);
  };
  const reviewDueOf = (documentId: string | undefined) => data.documents.find((document) => document.id === documentId)?.versions.at(-1)?.reviewDue;

  return {
    submission: enforced(computed.submission, data.deadlines.submission),
    contract: enforced(computed.contract, data.deadlines.contract),
    ...(computed.review === undefined ? {} : { review: enforced(computed.review, data.deadlines.review) }),
    documentReviews: computed.documentReviews.map((review) => enforced(review, reviewDueOf(review.documentId))),
    ...(computed.originals === undefined ? {} : { originals: enforced(computed.originals, data.deadlines.originals) }),
  };
}

/**
 * Gives a recomputed deadline the stored date, end and provisional flag. When the dates differ, deadlineDays lists
 * the counted and skipped days again between the anchor and the stored date, as computeDeadlines does.
 */
function withStoredDate(deadline: Deadline, stored: DeadlineSummary, calendar: WorkCalendar): Deadline {
  const fixed = { ...deadline, endsAt: stored.endsAt, provisional: stored.provisional };
  if (deadline.date === stored.date) return fixed;

  const days = deadlineDays(calendar, deadline.explanation, stored.date);
  return { ...fixed, date: stored.date, explanation: { ...deadline.explanation, ...days } };
}

function computeForData(
  data: ApplicationData,
  dependencies: CalendarDependencies,
  facts: {
    submittedAt?: string;
    documentUploads?: { documentId: string; uploadedAt: string }[];
    actPostedAt?: string;
    delivery?: 'paper' | 'electronic';
  },
): ApplicationDeadlines {
  const { delivery, ...events } = facts;
  return computeDeadlines(
    { courseStart: data.program.courseStart, delivery: delivery ?? data.form.delivery ?? 'paper', ...events },
    { calendar: dependencies.calendar, policy: deadlinePolicyOf(data.program, data.organizationId, dependencies) },
  );
}
