import type { DayDescription, WorkCalendar } from '../calendar/types.js';
import { addCalendarDays, invalidDateError, isIsoDate } from '../shared/isoDate.js';
import type { IsoDate } from '../shared/types.js';
import { isWorkCalendar, resolvePolicy } from './policy.js';
import { dateInTimeZone, endOfDay, instantToEpochMs } from './time.js';
import type { ApplicationDeadlines, BackwardMode, Deadline, DeadlineExplanation, DeadlineInput, DeadlineKind, DeadlinePolicy } from './types.js';

interface DeadlineSpec {
  readonly kind: DeadlineKind;
  readonly documentId?: string;
  readonly anchor: IsoDate;
  readonly amount: number;
  readonly direction: 'forward' | 'backward';
  readonly calendar: WorkCalendar;
  readonly organizationCalendar: boolean;
}

/**
 * Lists the days a deadline on `date` counts and skips. Forward: the days after the anchor up to the deadline.
 * Backward: the deadline (counted only in 'inclusive' mode) and the days up to the day before the anchor.
 */
export function deadlineDays(
  calendar: WorkCalendar,
  explanation: Pick<DeadlineExplanation, 'anchor' | 'direction' | 'mode'>,
  date: IsoDate,
): Pick<DeadlineExplanation, 'countedDays' | 'skippedDays' | 'countedWorkingWeekends'> {
  const { anchor, direction, mode } = explanation;
  const from = direction === 'forward' ? addCalendarDays(anchor, 1) : mode === 'full-days' ? addCalendarDays(date, 1) : date;
  const to = direction === 'forward' ? date : addCalendarDays(anchor, -1);
  const countedDays: IsoDate[] = [];
  const skippedDays: DayDescription[] = [];
  const countedWorkingWeekends: DayDescription[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const description = calendar.describeDay(day);
    if (!description.working) {
      skippedDays.push(description);
      continue;
    }
    countedDays.push(day);
    if (description.kind === 'working_weekend') countedWorkingWeekends.push(description);
  }
  return { countedDays, skippedDays, countedWorkingWeekends };
}

function provisionalYearsBetween(calendar: WorkCalendar, first: IsoDate, last: IsoDate): number[] {
  const years: number[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    if (calendar.yearStatus(year) === 'provisional') years.push(year);
  }
  return years;
}

function buildDeadline(spec: DeadlineSpec, policy: DeadlinePolicy): Deadline {
  const { calendar, anchor, amount, direction } = spec;
  const mode: BackwardMode | undefined = direction === 'backward' ? policy.backwardMode : undefined;

  let steps = amount;
  if (direction === 'backward') {
    // 'full-days' keeps N whole working days strictly between the action day and the start, so one working day earlier.
    steps = mode === 'full-days' ? -(amount + 1) : -amount;
  }
  const date = calendar.addWorkingDays(anchor, steps);

  const days = deadlineDays(calendar, { anchor, direction, mode }, date);

  const first = direction === 'forward' ? anchor : date;
  const last = direction === 'forward' ? date : anchor;
  const provisionalYears = provisionalYearsBetween(calendar, first, last);

  const explanation: DeadlineExplanation = {
    kind: spec.kind,
    direction,
    amount,
    anchor,
    ...(mode === undefined ? {} : { mode }),
    ...days,
    provisionalYears,
    timeZone: policy.timeZone,
    cutOff: policy.cutOff,
    ...(spec.organizationCalendar ? { calendarName: calendar.name } : {}),
  };
  return {
    kind: spec.kind,
    ...(spec.documentId === undefined ? {} : { documentId: spec.documentId }),
    date,
    endsAt: endOfDay(date, policy.cutOff, policy.timeZone).toISOString(),
    provisional: provisionalYears.length > 0,
    explanation,
  };
}

function checkInput(input: DeadlineInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError('Invalid deadline input: pass an object with courseStart and delivery.');
  if (!isIsoDate(input.courseStart)) throw invalidDateError(input.courseStart, 'courseStart');
  if (input.delivery !== 'paper' && input.delivery !== 'electronic') {
    throw new TypeError(`Invalid delivery: ${JSON.stringify(input.delivery) ?? String(input.delivery)}. Pass 'paper' or 'electronic'.`);
  }
  if (input.submittedAt !== undefined) instantToEpochMs(input.submittedAt, 'submittedAt');
  if (input.actPostedAt !== undefined) instantToEpochMs(input.actPostedAt, 'actPostedAt');
  if (input.documentUploads !== undefined && !Array.isArray(input.documentUploads)) {
    throw new TypeError('Invalid documentUploads: pass an array of { documentId, uploadedAt }.');
  }
  for (const [position, upload] of (input.documentUploads ?? []).entries()) {
    if (typeof upload?.documentId !== 'string' || upload.documentId === '') {
      throw new TypeError(`Invalid documentUploads[${position}].documentId: pass the document's id as a non-empty string.`);
    }
    instantToEpochMs(upload.uploadedAt, `documentUploads[${position}].uploadedAt`);
  }
}

/**
 * Computes an application's deadlines from the events known so far. The submission and contract deadlines are always
 * there. The review deadline appears once the application was submitted, a document review deadline per upload, and
 * the originals deadline once the act was posted under paper delivery. Each deadline carries the days it counted and
 * the non-working days it skipped with their reasons.
 *
 * - submission, contract: «не позднее чем за N рабочих дней до начала курса», counted back from the course start.
 * - review, document review, originals: «в течение N рабочих дней» after the event, counted from the next day
 *   (Civil Code art. 191); the event's date is its calendar date in the policy's time zone.
 * - Every deadline ends at the policy's cut-off (24:00 Moscow time by default).
 *
 * @param input - the course start, delivery, and the instants of the events that have happened.
 * @param options - `calendar` for every deadline; `policy` overrides `defaultDeadlinePolicy` field by field,
 *   and `policy.organizationCalendar` serves the originals deadline.
 * @throws {TypeError} for an invalid date, instant, delivery, calendar or policy value
 * @throws {RangeError} when a date or a result lies outside the calendar data, or for an unknown time zone
 *
 * @example
 * import { computeDeadlines, russianCalendar } from '@fioco-flow/rules';
 *
 * const deadlines = computeDeadlines(
 *   { courseStart: '2026-03-16', delivery: 'paper', submittedAt: '2026-03-05T01:30:00+10:00' },
 *   { calendar: russianCalendar() },
 * );
 * deadlines.submission.date; //=> '2026-03-04' (Monday 9 March is a day off, transferred from Sunday 8 March)
 * deadlines.submission.endsAt; //=> '2026-03-04T21:00:00.000Z' (24:00 Moscow time)
 * deadlines.contract.date; //=> '2026-03-11'
 * deadlines.review?.date; //=> '2026-03-10' (submitted on 4 March, Moscow time)
 */
export function computeDeadlines(
  input: DeadlineInput,
  options: { readonly calendar: WorkCalendar; readonly policy?: Partial<DeadlinePolicy> },
): ApplicationDeadlines {
  const calendar = options?.calendar;
  if (!isWorkCalendar(calendar)) throw new TypeError('Invalid options.calendar: pass a WorkCalendar such as russianCalendar().');
  const policy = resolvePolicy(options.policy);
  checkInput(input);

  const { courseStart } = input;
  const spec = (kind: DeadlineKind, anchor: IsoDate, amount: number, direction: 'forward' | 'backward', documentId?: string) =>
    buildDeadline({ kind, anchor, amount, direction, calendar, organizationCalendar: false, ...(documentId === undefined ? {} : { documentId }) }, policy);
  const eventDate = (instant: string | Date) => dateInTimeZone(instant, policy.timeZone);

  const submission = spec('submission', courseStart, policy.submissionDays, 'backward');
  const contract = spec('contract', courseStart, policy.contractDays, 'backward');
  const review = input.submittedAt === undefined ? undefined : spec('review', eventDate(input.submittedAt), policy.reviewDays, 'forward');
  const documentReviews = (input.documentUploads ?? []).map((upload) =>
    spec('document_review', eventDate(upload.uploadedAt), policy.reviewDays, 'forward', upload.documentId),
  );

  let originals: Deadline | undefined;
  if (input.delivery === 'paper' && input.actPostedAt !== undefined) {
    const organizationCalendar = policy.organizationCalendar;
    originals = buildDeadline(
      {
        kind: 'originals',
        anchor: eventDate(input.actPostedAt),
        amount: policy.originalsDays,
        direction: 'forward',
        calendar: organizationCalendar ?? calendar,
        organizationCalendar: organizationCalendar !== undefined,
      },
      policy,
    );
  }

  return {
    submission,
    contract,
    ...(review === undefined ? {} : { review }),
    documentReviews,
    ...(originals === undefined ? {} : { originals }),
  };
}

/**
 * Checks whether an action at `instant` meets a deadline, that is, comes strictly before the instant its last day ends.
 *
 * @example
 * import { computeDeadlines, isOnTime, russianCalendar } from '@fioco-flow/rules';
 *
 * const { submission } = computeDeadlines({ courseStart: '2026-03-16', delivery: 'paper' }, { calendar: russianCalendar() });
 * isOnTime(submission, '2026-03-04T20:59:59.999Z'); //=> true (23:59:59.999 on 4 March, Moscow time)
 * isOnTime(submission, '2026-03-04T21:00:00.000Z'); //=> false (24:00 Moscow time has struck)
 * isOnTime(submission, '2026-03-05T01:30:00+10:00'); //=> true (18:30 on 4 March, Moscow time)
 * @throws {TypeError} for an invalid instant or a deadline without a valid `endsAt`
 */
export function isOnTime(deadline: Deadline, instant: string | Date): boolean {
  const endsAt = instantToEpochMs(deadline?.endsAt, 'deadline.endsAt');
  return instantToEpochMs(instant) < endsAt;
}
