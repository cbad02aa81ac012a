import type { DayDescription, WorkCalendar } from '../calendar/types.js';
import type { IsoDate, LocalizedText } from '../shared/types.js';

/** The procedure's deadlines. */
export type DeadlineKind =
  /** The organization submits the application: N working days before the course starts. */
  | 'submission'
  /** The institute reviews the application: N working days after submission. */
  | 'review'
  /** The institute reviews a replaced or requested document: N working days after its upload. */
  | 'document_review'
  /** The organization uploads the signed contract scans: N working days before the course starts. */
  | 'contract'
  /** The organization mails the originals (paper delivery): N working days after the act reached the thread. */
  | 'originals';

/**
 * How «не позднее чем за N рабочих дней до» a date is read. 'inclusive': the last allowed day is the N-th working
 * day before the date, so the action day is one of the N. 'full-days': N whole working days must lie strictly
 * between the action day and the date, one working day earlier.
 */
export type BackwardMode = 'inclusive' | 'full-days';

/** The numbers and conventions deadlines are computed with; `defaultDeadlinePolicy` contains the procedure's values. */
export interface DeadlinePolicy {
  /** Working days before the course start by which the application is submitted. */
  readonly submissionDays: number;
  /** Working days after submission (and after each document upload) within which the institute reviews. */
  readonly reviewDays: number;
  /** Working days before the course start by which the signed contract scans are uploaded. */
  readonly contractDays: number;
  /** Working days after the act reached the thread within which the originals are mailed. */
  readonly originalsDays: number;
  readonly backwardMode: BackwardMode;
  /** Time of day 'HH:MM' at which a deadline's last day ends; '24:00' is the end of the day. */
  readonly cutOff: string;
  /** IANA time zone of the cut-off, e.g. 'Europe/Moscow'. */
  readonly timeZone: string;
  /** Calendar of the organization's own working days, used for the originals deadline only. */
  readonly organizationCalendar?: WorkCalendar;
}

/** Why a deadline falls on its date: the days counted and the non-working days passed over. */
export interface DeadlineExplanation {
  readonly kind: DeadlineKind;
  /** 'forward' counts after an event, 'backward' counts before the course start. */
  readonly direction: 'forward' | 'backward';
  /** N, the number of working days. */
  readonly amount: number;
  /** The date counted from: course start, date of submission, of an upload, or of the act. */
  readonly anchor: IsoDate;
  /** Set for backward deadlines. */
  readonly mode?: BackwardMode;
  /** The N working days counted, in date order. */
  readonly countedDays: readonly IsoDate[];
  /** Non-working days passed over between the anchor and the deadline, with their reasons, in date order. */
  readonly skippedDays: readonly DayDescription[];
  /** Saturdays and Sundays among the counted days that were working days by a transfer. */
  readonly countedWorkingWeekends: readonly DayDescription[];
  /** Provisional years among the days used: the deadline may move once their decree is published. */
  readonly provisionalYears: readonly number[];
  readonly timeZone: string;
  readonly cutOff: string;
  /** Set when the deadline was counted on the organization's own calendar, not the main one. */
  readonly calendarName?: LocalizedText;
}

/** One deadline of an application. */
export interface Deadline {
  readonly kind: DeadlineKind;
  /** The document whose review this is, for 'document_review'. */
  readonly documentId?: string;
  /** The last day. */
  readonly date: IsoDate;
  /** The instant the last day ends at the cut-off in the policy's time zone, as an ISO string in UTC. */
  readonly endsAt: string;
  /** Some day the deadline was computed from lies in a provisional year. */
  readonly provisional: boolean;
  readonly explanation: DeadlineExplanation;
}

/** The events deadlines are counted from; instants are ISO strings with an offset, or `Date`s. */
export interface DeadlineInput {
  readonly courseStart: IsoDate;
  readonly delivery: 'paper' | 'electronic';
  /** When the application was submitted (the server's instant). */
  readonly submittedAt?: string | Date;
  /** Each replaced or requested document's upload. */
  readonly documentUploads?: readonly { readonly documentId: string; readonly uploadedAt: string | Date }[];
  /** When the act was posted in the application's message thread. */
  readonly actPostedAt?: string | Date;
}

/** An application's deadlines: those whose starting event is known. */
export interface ApplicationDeadlines {
  readonly submission: Deadline;
  readonly contract: Deadline;
  /** Present once the application was submitted. */
  readonly review?: Deadline;
  /** One per document upload, in input order. */
  readonly documentReviews: Deadline[];
  /** Present once the act was posted, under paper delivery only. */
  readonly originals?: Deadline;
}
