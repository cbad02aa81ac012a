// An independent model of the procedure, for model-based tests of the application service. It restates the
// procedure's rules in plain TypeScript: which role sends which command in which state, what blocks it, what the
// clock does at each deadline, and what an accepted command changes. It shares no code with the machine: only the
// calendar (the data of the federal production calendar) and the program come from outside.
import type { WorkCalendar } from '@fioco-flow/rules';
import type { CommandType, Program } from '@fioco-flow/core';

export type ModelState =
  | 'draft'
  | 'submitted'
  | 'in_work.awaiting_signed_scans'
  | 'in_work.signed_scans_under_review'
  | 'enrolled'
  | 'closing'
  | 'awaiting_payment'
  | 'completed'
  | 'discarded'
  | 'declined'
  | 'withdrawn'
  | 'lapsed'
  | 'closed';

export const modelFinalStates: ReadonlySet<ModelState> = new Set(['completed', 'discarded', 'declined', 'withdrawn', 'lapsed', 'closed']);

/** The states after conclusion: the contract was confirmed and the code word issued. */
export const concludedStates: ReadonlySet<ModelState> = new Set(['enrolled', 'closing', 'awaiting_payment', 'completed']);

export type ModelRole = 'representative' | 'staff' | 'system';

/** Who may send each command, from the procedure's command table. */
export const modelRoles: Record<CommandType, readonly ModelRole[]> = {
  'draft.update': ['representative'],
  'row.add': ['representative'],
  'row.update': ['representative'],
  'row.remove': ['representative'],
  'document.attach': ['representative'],
  'application.submit': ['representative'],
  'application.discard': ['representative'],
  'document.accept': ['staff'],
  'document.reject': ['staff'],
  'document.request': ['staff'],
  'document.replace': ['representative'],
  'application.take_into_work': ['staff'],
  'application.decline': ['staff'],
  'application.withdraw': ['representative'],
  'contract.upload_signed': ['representative'],
  'contract.return': ['staff'],
  'contract.confirm': ['staff'],
  'contract.send_concluded': ['staff'],
  'invoice.send': ['staff'],
  'closing.issue': ['staff'],
  'act.upload_signed': ['representative'],
  'originals.record_sent': ['representative'],
  'originals.record_received': ['staff'],
  'act.record_signed_on_platform': ['staff'],
  'results.record': ['staff'],
  'payment.record': ['staff'],
  'package.dispatch': ['staff'],
  'certificates.dispatch': ['staff'],
  'application.close': ['staff'],
  'message.post': ['representative', 'staff'],
  'clock.tick': ['system'],
};

/** The row fields a submission needs; the patronymic is optional. */
export const requiredRowFields = [
  'subject',
  'lastName',
  'firstName',
  'sex',
  'birthDate',
  'citizenship',
  'snils',
  'email',
  'phone',
  'position',
  'education',
  'diplomaSurname',
  'diplomaSeries',
  'diplomaNumber',
] as const;

/** Document kinds every row needs at submission (the test program's requirement). */
export const requiredKinds = ['diploma', 'snils'] as const;

export interface ModelRow {
  readonly id: string;
  /** The fields the row holds, sorted. */
  fields: string[];
}

export type ModelDocumentStatus = 'pending' | 'accepted' | 'rejected' | 'requested';

export interface ModelDocument {
  readonly id: string;
  kind: string;
  rowIds: string[];
  versions: number;
  status: ModelDocumentStatus;
  /** End of the review due date of the document's latest version, once the application was submitted. */
  reviewEndsAt: string | null;
  flagged: boolean;
}

export interface ModelClosing {
  readonly issuedAt: string;
  readonly originalsEndsAt: string | null;
  originalsSent: boolean;
  originalsReceived: boolean;
  platformAct: boolean;
  originalsFlagged: boolean;
  signedActs: number;
}

export interface ModelDispatch {
  readonly kind: 'package' | 'certificates';
  readonly at: string;
  readonly certificates: number;
  readonly certificatesOfStudy: number;
}

export interface ModelApplication {
  readonly id: string;
  readonly organizationId: string;
  state: ModelState;
  /** Events written so far: the creation is version 1. */
  version: number;
  readonly submissionEndsAt: string;
  readonly contractEndsAt: string;
  readonly firstDayEndsAt: string;
  form: {
    organizationComplete: boolean;
    paymentTerms: 'prepayment' | 'postpayment' | null;
    delivery: 'paper' | 'electronic' | null;
    platformName: boolean;
    consents: { personalData: boolean; dataAccuracy: boolean };
  };
  rows: ModelRow[];
  documents: ModelDocument[];
  submission: { rowIds: string[]; sum: number } | null;
  review: { endsAt: string; flagged: boolean } | null;
  uploads: number;
  concluded: boolean;
  concludedContractSent: boolean;
  invoiceSent: boolean;
  closing: ModelClosing | null;
  results: Record<string, boolean>;
  payments: { amount: number; at: string }[];
  dispatches: ModelDispatch[];
  messages: number;
}

/** The outcome the service must return for a command: the error code, or `ok` for success. */
export type ModelOutcome =
  | 'ok'
  | 'not_found'
  | 'forbidden'
  | 'invalid_payload'
  | 'not_allowed'
  | 'blocked'
  | 'rule_violations'
  | 'duplicate_application';

/**
 * A command as the test sends it. `kind` tells how the test built the payload: `valid` (well-formed, though a
 * condition may still block it), `schema` (fails the payload schema) or `check` (passes the schema, fails a
 * well-formedness rule such as a SNILS checksum).
 */
export interface ModelCommand {
  readonly type: CommandType;
  readonly payload: Record<string, unknown>;
  readonly kind: 'valid' | 'schema' | 'check';
}

export interface ModelActor {
  readonly role: ModelRole;
  readonly organizationId?: string;
}

/** The expected outcome of a command, and the change to make to the model once the service returned its ids. */
export interface Expectation {
  readonly outcome: ModelOutcome;
  /** Whether the clock's tick before the command changed the application (and wrote an event). */
  readonly ticked: boolean;
  readonly commit: (generatedId: string | undefined) => void;
}

const day = 24 * 60 * 60 * 1000;

const moscowDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' });
const moscowOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Moscow', timeZoneName: 'longOffset' });

/** Returns the calendar date in Moscow at an instant. */
export function moscowDateOf(instant: string | Date): string {
  return moscowDate.format(new Date(instant));
}

function offsetMsAt(ms: number): number {
  const name = moscowOffset.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/u.exec(name);
  if (match === null) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60 * 1000;
}

/** Returns the instant a Moscow calendar day ends: 24:00 Moscow time, which is the next day's 00:00. */
export function endOfMoscowDay(date: string): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, dayOfMonth + 1);
  return new Date(midnightUtc - offsetMsAt(midnightUtc)).toISOString();
}

const ms = (instant: string) => Date.parse(instant);

export function isFinal(application: ModelApplication): boolean {
  return modelFinalStates.has(application.state);
}

export function contractSumOf(application: ModelApplication, pricePerRow: number): number {
  return application.submission?.sum ?? application.rows.length * pricePerRow;
}

export function paidOf(application: ModelApplication): number {
  return application.payments.reduce((sum, payment) => sum + payment.amount, 0);
}

export function isRowComplete(row: ModelRow): boolean {
  return requiredRowFields.every((field) => row.fields.includes(field));
}

/** Required (row, kind) pairs that have no document with a version yet. */
export function missingDocuments(application: ModelApplication): { rowId: string; kind: string }[] {
  return application.rows.flatMap((row) =>
    requiredKinds
      .filter((kind) => !application.documents.some((document) => document.kind === kind && document.versions > 0 && document.rowIds.includes(row.id)))
      .map((kind) => ({ rowId: row.id, kind })),
  );
}

/** Checks a draft against the submission rules of the model: requisites, terms, consents, rows and documents. */
export function isSubmittable(application: ModelApplication): boolean {
  const { form } = application;
  return (
    form.organizationComplete &&
    form.paymentTerms !== null &&
    form.delivery !== null &&
    (form.delivery !== 'electronic' || form.platformName) &&
    form.consents.personalData &&
    form.consents.dataAccuracy &&
    application.rows.length > 0 &&
    application.rows.every(isRowComplete) &&
    missingDocuments(application).length === 0
  );
}

/**
 * The model of the procedure for one program and its calendar. Applications are plain data, so a test can copy
 * them with `structuredClone`.
 */
export class ProcedureModel {
  constructor(
    readonly program: Program,
    readonly calendar: WorkCalendar,
  ) {}

  /** Returns a new draft, with its deadlines counted from the course start. */
  newApplication(id: string, organizationId: string): ModelApplication {
    const start = this.program.courseStart;
    return {
      id,
      organizationId,
      state: 'draft',
      version: 1,
      // No later than 7 working days before the course starts; the start itself is not counted.
      submissionEndsAt: endOfMoscowDay(this.calendar.addWorkingDays(start, -7)),
      // Signed scans no later than 3 working days before the course starts.
      contractEndsAt: endOfMoscowDay(this.calendar.addWorkingDays(start, -3)),
      firstDayEndsAt: endOfMoscowDay(start),
      form: {
        organizationComplete: false,
        paymentTerms: null,
        delivery: null,
        platformName: false,
        consents: { personalData: false, dataAccuracy: false },
      },
      rows: [],
      documents: [],
      submission: null,
      review: null,
      uploads: 0,
      concluded: false,
      concludedContractSent: false,
      invoiceSent: false,
      closing: null,
      results: {},
      payments: [],
      dispatches: [],
      messages: 0,
    };
  }

  /** Checks whether an application may be created at `at`: only before its submission deadline. */
  canCreateAt(at: string): boolean {
    return ms(at) < ms(endOfMoscowDay(this.calendar.addWorkingDays(this.program.courseStart, -7)));
  }

  /** Returns the end of the 3rd working day after the Moscow date of `at`, when a period of 3 working days ends. */
  threeWorkingDaysAfter(at: string): string {
    return endOfMoscowDay(this.calendar.addWorkingDays(moscowDateOf(at), 3));
  }

  private overdueDocuments(application: ModelApplication, at: string): ModelDocument[] {
    return application.documents.filter(
      (document) => document.status === 'pending' && document.reviewEndsAt !== null && !document.flagged && ms(at) >= ms(document.reviewEndsAt),
    );
  }

  private isReviewOverdue(application: ModelApplication, at: string): boolean {
    return application.review !== null && !application.review.flagged && ms(at) >= ms(application.review.endsAt);
  }

  private isOriginalsOverdue(application: ModelApplication, at: string): boolean {
    const { closing } = application;
    return (
      application.form.delivery === 'paper' &&
      closing !== null &&
      closing.originalsEndsAt !== null &&
      !closing.originalsFlagged &&
      !closing.originalsSent &&
      !closing.originalsReceived &&
      ms(at) >= ms(closing.originalsEndsAt)
    );
  }

  /** Checks whether the clock at `at` would lapse or flag the application, without changing it. */
  tickChanges(application: ModelApplication, at: string): boolean {
    return this.tick(structuredClone(application), at);
  }

  /** Applies the clock at `at`: lapses at the deadlines, flags what is overdue. Returns whether anything changed. */
  tick(application: ModelApplication, at: string): boolean {
    const now = ms(at);
    const flagDocuments = () => {
      const overdue = this.overdueDocuments(application, at);
      for (const document of overdue) document.flagged = true;
      return overdue.length > 0;
    };

    switch (application.state) {
      case 'draft':
        if (now < ms(application.submissionEndsAt)) return false;
        application.state = 'lapsed';
        return true;
      case 'submitted': {
        // Staff never took the application into work: it lapses at the contract deadline.
        if (now >= ms(application.contractEndsAt)) {
          application.state = 'lapsed';
          return true;
        }
        const review = this.isReviewOverdue(application, at);
        if (review && application.review !== null) application.review.flagged = true;
        const documents = flagDocuments();
        return review || documents;
      }
      case 'in_work.awaiting_signed_scans':
        // The first upload of signed scans meets the contract deadline; a correction may come until the first day ends.
        if ((application.uploads === 0 && now >= ms(application.contractEndsAt)) || now >= ms(application.firstDayEndsAt)) {
          application.state = 'lapsed';
          return true;
        }
        return flagDocuments();
      case 'in_work.signed_scans_under_review':
        if (now >= ms(application.firstDayEndsAt)) {
          application.state = 'lapsed';
          return true;
        }
        return flagDocuments();
      case 'closing':
        if (!this.isOriginalsOverdue(application, at) || application.closing === null) return false;
        application.closing.originalsFlagged = true;
        return true;
      default:
        return false;
    }
  }

  /** Checks whether the course's last day has come at `at` (Moscow date). */
  isLastDayReached(at: string): boolean {
    return moscowDateOf(at) >= this.program.courseEnd;
  }

  /**
   * Returns the expected outcome of a command on an application at `at`, in the service's order: another
   * organization's representative finds nothing, then the role, the payload schema, the clock, the payload rules,
   * the state and the state's conditions.
   */
  expect(application: ModelApplication, actor: ModelActor, command: ModelCommand, at: string): Expectation {
    const nothing = () => undefined;
    if (actor.role === 'representative' && actor.organizationId !== application.organizationId) {
      return { outcome: 'not_found', ticked: false, commit: nothing };
    }
    if (!modelRoles[command.type].includes(actor.role)) return { outcome: 'forbidden', ticked: false, commit: nothing };
    if (command.kind === 'schema') return { outcome: 'invalid_payload', ticked: false, commit: nothing };

    if (command.type === 'clock.tick') {
      const next = structuredClone(application);
      const changed = this.tick(next, at);
      if (changed) return { outcome: 'ok', ticked: false, commit: () => Object.assign(application, next, { version: application.version + 1 }) };
      const hasClock = ['draft', 'submitted', 'in_work.awaiting_signed_scans', 'in_work.signed_scans_under_review', 'closing'].includes(
        application.state,
      );
      return { outcome: hasClock ? 'blocked' : 'not_allowed', ticked: false, commit: nothing };
    }

    // The clock goes first; its tick is written even when the command is then refused.
    const ticked = structuredClone(application);
    const tickChanged = this.tick(ticked, at);
    const afterTick = tickChanged ? () => Object.assign(application, ticked, { version: application.version + 1 }) : nothing;

    const refused = (outcome: ModelOutcome): Expectation => ({ outcome, ticked: tickChanged, commit: afterTick });
    const rowUpdateTargetsNothing = command.type === 'row.update' && !ticked.rows.some((row) => row.id === command.payload['rowId']);
    if (command.kind === 'check' && !rowUpdateTargetsNothing) return refused('invalid_payload');

    const decision = this.decide(ticked, actor, command, at);
    if (decision.outcome !== 'ok') return refused(decision.outcome);
    return {
      outcome: 'ok',
      ticked: tickChanged,
      commit: (generatedId) => {
        decision.apply(generatedId);
        Object.assign(application, ticked, { version: application.version + (tickChanged ? 2 : 1) });
      },
    };
  }

  /** Accepts or refuses a command in the application's state (after the tick), with the change it makes. */
  private decide(
    application: ModelApplication,
    actor: ModelActor,
    command: ModelCommand,
    at: string,
  ): { outcome: ModelOutcome; apply: (generatedId: string | undefined) => void } {
    const { payload, type } = command;
    const state = application.state;
    const notAllowed = { outcome: 'not_allowed' as const, apply: () => undefined };
    const blocked = { outcome: 'blocked' as const, apply: () => undefined };
    const ok = (apply: (generatedId: string | undefined) => void) => ({ outcome: 'ok' as const, apply });
    const inState = (...states: ModelState[]) => states.includes(state);
    const inWork = inState('in_work.awaiting_signed_scans', 'in_work.signed_scans_under_review');
    const reviewing = inState('submitted') || inWork;
    const rowExists = (rowId: unknown) => application.rows.some((row) => row.id === rowId);
    const documentOf = (documentId: unknown) => application.documents.find((document) => document.id === documentId);
    const required = (id: string | undefined): string => {
      if (id === undefined) throw new Error(`${type} was accepted without a generated id`);
      return id;
    };
    const sum = contractSumOf(application, this.program.pricePerRow);
    const outstanding = Math.max(0, sum - paidOf(application));
    const passedRows = () => application.rows.filter((row) => application.results[row.id] === true).length;
    const failedRows = () => application.rows.filter((row) => application.results[row.id] === false).length;

    switch (type) {
      case 'draft.update': {
        if (!inState('draft')) return notAllowed;
        return ok(() => {
          if (payload['organization'] !== undefined) application.form.organizationComplete = true;
          if (payload['paymentTerms'] !== undefined) application.form.paymentTerms = payload['paymentTerms'] as 'prepayment' | 'postpayment';
          if (payload['delivery'] !== undefined) application.form.delivery = payload['delivery'] as 'paper' | 'electronic';
          if ('platformName' in payload) application.form.platformName = typeof payload['platformName'] === 'string' && payload['platformName'] !== '';
          const consents = payload['consents'] as { personalData?: boolean; dataAccuracy?: boolean } | undefined;
          if (consents?.personalData !== undefined) application.form.consents.personalData = consents.personalData;
          if (consents?.dataAccuracy !== undefined) application.form.consents.dataAccuracy = consents.dataAccuracy;
        });
      }
      case 'row.add': {
        if (!inState('draft')) return notAllowed;
        return ok((id) => {
          const fields = Object.keys(payload['row'] as object).sort();
          application.rows.push({ id: required(id), fields });
        });
      }
      case 'row.update':
      case 'row.remove': {
        if (!inState('draft')) return notAllowed;
        if (application.rows.length === 0 || !rowExists(payload['rowId'])) return blocked;
        const rowId = payload['rowId'] as string;
        if (type === 'row.remove') {
          return ok(() => {
            application.rows = application.rows.filter((row) => row.id !== rowId);
            for (const document of application.documents) document.rowIds = document.rowIds.filter((id) => id !== rowId);
            application.documents = application.documents.filter((document) => document.rowIds.length > 0);
          });
        }
        return ok(() => {
          const row = application.rows.find((candidate) => candidate.id === rowId) as ModelRow;
          const fields = new Set(row.fields);
          for (const [field, value] of Object.entries(payload['changes'] as Record<string, unknown>)) {
            if (value === null) fields.delete(field);
            else fields.add(field);
          }
          row.fields = [...fields].sort();
        });
      }
      case 'document.attach': {
        if (!inState('draft')) return notAllowed;
        const rowIds = payload['rowIds'] as string[];
        const documentId = payload['documentId'] as string | undefined;
        if (application.rows.length === 0 || !rowIds.every(rowExists)) return blocked;
        if (documentId !== undefined && documentOf(documentId) === undefined) return blocked;
        return ok((id) => {
          const existing = documentId === undefined ? undefined : documentOf(documentId);
          if (existing !== undefined) {
            existing.kind = payload['kind'] as string;
            existing.rowIds = [...rowIds];
            existing.versions += 1;
            return;
          }
          application.documents.push({
            id: required(id),
            kind: payload['kind'] as string,
            rowIds: [...rowIds],
            versions: 1,
            status: 'pending',
            reviewEndsAt: null,
            flagged: false,
          });
        });
      }
      case 'application.submit': {
        if (!inState('draft')) return notAllowed;
        if (!isSubmittable(application)) return { outcome: 'rule_violations', apply: () => undefined };
        return ok(() => {
          const reviewEndsAt = this.threeWorkingDaysAfter(at);
          application.state = 'submitted';
          application.submission = { rowIds: application.rows.map((row) => row.id), sum: application.rows.length * this.program.pricePerRow };
          application.review = { endsAt: reviewEndsAt, flagged: false };
          for (const document of application.documents) document.reviewEndsAt = reviewEndsAt;
        });
      }
      case 'application.discard':
        return inState('draft') ? ok(() => (application.state = 'discarded')) : notAllowed;
      case 'document.accept':
      case 'document.reject': {
        if (!reviewing) return notAllowed;
        if (!application.documents.some((document) => document.status === 'pending')) return blocked;
        const document = documentOf(payload['documentId']);
        if (document?.status !== 'pending') return blocked;
        return ok(() => {
          document.status = type === 'document.accept' ? 'accepted' : 'rejected';
          document.flagged = false;
        });
      }
      case 'document.request': {
        if (!reviewing) return notAllowed;
        const rowIds = payload['rowIds'] as string[];
        if (!rowIds.every(rowExists)) return blocked;
        return ok((id) => {
          application.documents.push({
            id: required(id),
            kind: payload['kind'] as string,
            rowIds: [...rowIds],
            versions: 0,
            status: 'requested',
            reviewEndsAt: null,
            flagged: false,
          });
        });
      }
      case 'document.replace': {
        if (!reviewing) return notAllowed;
        const replaceable = (status: ModelDocumentStatus | undefined) => status === 'rejected' || status === 'requested';
        if (!application.documents.some((document) => replaceable(document.status))) return blocked;
        const document = documentOf(payload['documentId']);
        if (document === undefined || !replaceable(document.status)) return blocked;
        return ok(() => {
          document.status = 'pending';
          document.versions += 1;
          document.reviewEndsAt = this.threeWorkingDaysAfter(at);
        });
      }
      case 'application.take_into_work':
        if (!inState('submitted')) return notAllowed;
        return ok(() => {
          application.state = 'in_work.awaiting_signed_scans';
          // The review of the application is over once it is in work.
          if (application.review !== null) application.review.flagged = false;
        });
      case 'application.decline':
        return reviewing ? ok(() => (application.state = 'declined')) : notAllowed;
      case 'application.withdraw':
        return reviewing ? ok(() => (application.state = 'withdrawn')) : notAllowed;
      case 'contract.upload_signed': {
        if (!inState('in_work.awaiting_signed_scans')) return notAllowed;
        const closesAt = application.uploads === 0 ? application.contractEndsAt : application.firstDayEndsAt;
        if (ms(at) >= ms(closesAt)) return blocked;
        if (application.form.delivery === 'electronic' && payload['platformContractNumber'] === undefined) return blocked;
        return ok(() => {
          application.uploads += 1;
          application.state = 'in_work.signed_scans_under_review';
        });
      }
      case 'contract.return':
        return inState('in_work.signed_scans_under_review') ? ok(() => (application.state = 'in_work.awaiting_signed_scans')) : notAllowed;
      case 'contract.confirm': {
        if (!inState('in_work.signed_scans_under_review')) return notAllowed;
        // Concluded only with every participant document accepted.
        if (ms(at) >= ms(application.firstDayEndsAt) || !application.documents.every((document) => document.status === 'accepted')) return blocked;
        return ok(() => {
          application.state = 'enrolled';
          application.concluded = true;
        });
      }
      case 'contract.send_concluded':
        if (!inState('enrolled')) return notAllowed;
        if (application.concludedContractSent) return blocked;
        return ok(() => {
          application.concludedContractSent = true;
          application.messages += 1;
        });
      case 'invoice.send':
        if (!inState('enrolled')) return notAllowed;
        if (application.form.paymentTerms !== 'prepayment' || application.invoiceSent) return blocked;
        return ok(() => {
          application.invoiceSent = true;
          application.messages += 1;
        });
      case 'closing.issue': {
        if (!inState('enrolled')) return notAllowed;
        if (!this.isLastDayReached(at)) return blocked;
        // An invoice comes with the act under postpayment, and only then.
        if ((payload['invoice'] !== undefined) !== (application.form.paymentTerms === 'postpayment')) return blocked;
        return ok(() => {
          application.state = 'closing';
          application.messages += 1;
          application.closing = {
            issuedAt: at,
            originalsEndsAt: application.form.delivery === 'paper' ? this.threeWorkingDaysAfter(at) : null,
            originalsSent: false,
            originalsReceived: false,
            platformAct: false,
            originalsFlagged: false,
            signedActs: 0,
          };
        });
      }
      case 'act.upload_signed':
        if (!inState('closing') || application.closing === null) return notAllowed;
        return ok(() => {
          application.messages += 1;
          if (application.closing !== null) application.closing.signedActs += 1;
        });
      case 'originals.record_sent':
      case 'originals.record_received': {
        const closing = application.closing;
        if (!inState('closing') || closing === null) return notAllowed;
        if (application.form.delivery !== 'paper' || closing.originalsReceived) return blocked;
        return ok(() => {
          if (type === 'originals.record_sent') closing.originalsSent = true;
          else closing.originalsReceived = true;
          closing.originalsFlagged = false;
        });
      }
      case 'act.record_signed_on_platform': {
        const closing = application.closing;
        if (!inState('closing') || closing === null) return notAllowed;
        if (application.form.delivery !== 'electronic' || closing.platformAct) return blocked;
        return ok(() => (closing.platformAct = true));
      }
      case 'results.record': {
        if (!inState('enrolled', 'closing')) return notAllowed;
        if (state === 'enrolled' && !this.isLastDayReached(at)) return blocked;
        const results = payload['results'] as { rowId: string; passed: boolean }[];
        if (!results.every((result) => rowExists(result.rowId))) return blocked;
        return ok(() => {
          for (const result of results) application.results[result.rowId] = result.passed;
        });
      }
      case 'payment.record': {
        if (!inState('enrolled', 'closing', 'awaiting_payment')) return notAllowed;
        const amount = payload['amount'] as number;
        if (outstanding === 0 || amount > outstanding || (payload['paidOn'] as string) > moscowDateOf(at)) return blocked;
        return ok(() => application.payments.push({ amount, at }));
      }
      case 'package.dispatch': {
        const closing = application.closing;
        if (!inState('closing') || closing === null) return notAllowed;
        const originalsIn = application.form.delivery === 'electronic' ? closing.platformAct : closing.originalsReceived;
        const everyResult = application.rows.every((row) => application.results[row.id] !== undefined);
        if (!originalsIn || !everyResult) return blocked;
        const paid = outstanding === 0;
        return ok(() => {
          application.dispatches.push({ kind: 'package', at, certificates: paid ? passedRows() : 0, certificatesOfStudy: failedRows() });
          application.state = paid ? 'completed' : 'awaiting_payment';
        });
      }
      case 'certificates.dispatch': {
        if (!inState('awaiting_payment')) return notAllowed;
        if (outstanding > 0) return blocked;
        if (passedRows() > 0 && payload['trackingNumber'] === undefined) return blocked;
        return ok(() => {
          application.dispatches.push({ kind: 'certificates', at, certificates: passedRows(), certificatesOfStudy: 0 });
          application.state = 'completed';
        });
      }
      case 'application.close':
        return inState('closing', 'awaiting_payment') ? ok(() => (application.state = 'closed')) : notAllowed;
      case 'message.post':
        if (state === 'draft' || modelFinalStates.has(state)) return notAllowed;
        return ok(() => (application.messages += 1));
      case 'clock.tick':
        throw new Error('clock.tick is decided before the state rules');
    }
    // An unknown type fails the build through CommandType; this keeps the compiler and a stale model honest.
    throw new Error(`The model has no rule for ${String(type satisfies never)}`);
  }

  /** Returns the deadline instants after `at` that matter for the application, earliest first. */
  upcomingDeadlines(application: ModelApplication, at: string): string[] {
    const candidates = [
      application.submissionEndsAt,
      application.contractEndsAt,
      application.firstDayEndsAt,
      application.review?.endsAt,
      application.closing?.originalsEndsAt ?? undefined,
      ...application.documents.map((document) => document.reviewEndsAt ?? undefined),
      new Date(ms(endOfMoscowDay(this.program.courseEnd)) - day).toISOString(),
    ];
    return [...new Set(candidates.filter((instant): instant is string => instant !== undefined && ms(instant) > ms(at)))].sort(
      (a, b) => ms(a) - ms(b),
    );
  }
}
