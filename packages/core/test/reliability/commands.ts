// Builds the commands of the model-based tests: every command type with valid payloads and payloads wrong on
// purpose, chosen by two numbers so that fast-check can generate and shrink them.
import type { Actor, CommandType } from '@fioco-flow/core';
import { testFile } from '@fioco-flow/core/testing';
import {
  contractSumOf,
  missingDocuments,
  moscowDateOf,
  paidOf,
  type ModelApplication,
  type ModelCommand,
} from './procedure-model.js';

export const organizationA = 'org-6912004726';
export const organizationB = 'org-7701000000';

export const actors = {
  owner: { id: 'rep-orlova', role: 'representative', organizationId: organizationA },
  other: { id: 'rep-ivanov', role: 'representative', organizationId: organizationB },
  staff: { id: 'staff-lebedev', role: 'staff' },
  system: { id: 'scheduler', role: 'system' },
} as const satisfies Record<string, Actor>;

export type ActorKey = keyof typeof actors;

export const organization = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
};

/** Returns a SNILS with a valid checksum for a 9-digit number above 001-001-998. */
export function snils(number: number): string {
  const digits = String(number).padStart(9, '0');
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
  let check = sum % 101;
  if (sum < 100) check = sum;
  else if (sum === 100 || sum === 101 || check === 100) check = 0;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${String(check).padStart(2, '0')}`;
}

/** Returns a complete participant row whose SNILS, e-mail and diploma number are unique to `serial`. */
export function participantRow(serial: number): Record<string, string> {
  return {
    subject: serial % 2 === 0 ? 'russian' : 'mathematics',
    lastName: 'Кузнецова',
    firstName: 'Елена',
    patronymic: 'Павловна',
    sex: 'female',
    birthDate: '1986-04-12',
    citizenship: 'RU',
    snils: snils(128_475_036 + serial),
    email: `teacher${serial}@school17.ru`,
    phone: '+79152043718',
    position: 'учитель',
    education: 'higher',
    diplomaSurname: 'Кузнецова',
    diplomaSeries: '106924',
    diplomaNumber: String(381_527 + serial).padStart(7, '0'),
  };
}

/** A SNILS whose checksum is wrong: the draft refuses it as soon as it is entered. */
export const badSnils = '112-233-445 96';
export const trackingNumber = 'RA123456785RU';
/** A tracking number whose check digit is wrong. */
export const badTrackingNumber = 'RA123456784RU';

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

const valid = (type: CommandType, payload: Record<string, unknown>): ModelCommand => ({ type, payload, kind: 'valid' });
const schema = (type: CommandType, payload: Record<string, unknown>): ModelCommand => ({ type, payload, kind: 'schema' });
const check = (type: CommandType, payload: Record<string, unknown>): ModelCommand => ({ type, payload, kind: 'check' });

/** Everything a payload may depend on besides the application: a serial for new rows and today's date in Moscow. */
export interface BuildContext {
  readonly serial: number;
  readonly now: string;
  readonly pricePerRow: number;
}

/**
 * Builds a command of a type for an application. `variant` picks a valid payload or a wrong one, and `pick` picks
 * the row or the document it targets.
 */
export function buildCommand(type: CommandType, variant: number, pick: number, application: ModelApplication, context: BuildContext): ModelCommand {
  const row = at(application.rows, pick);
  const rowId = row?.id ?? 'row-missing';
  const anyDocument = at(application.documents, pick);
  const withStatus = (...statuses: string[]) => at(application.documents.filter((document) => statuses.includes(document.status)), pick);
  const file = testFile(`file-${pick % 5}`);
  const today = moscowDateOf(context.now);
  const outstanding = Math.max(0, contractSumOf(application, context.pricePerRow) - paidOf(application));

  switch (type) {
    case 'draft.update':
      switch (variant % 7) {
        case 0:
          return valid(type, { organization, paymentTerms: 'prepayment', delivery: 'paper', platformName: null, consents: { personalData: true, dataAccuracy: true } });
        case 1:
          return valid(type, {
            organization,
            paymentTerms: 'postpayment',
            delivery: 'electronic',
            platformName: 'РТС-тендер',
            consents: { personalData: true, dataAccuracy: true },
          });
        case 2:
          return valid(type, { organization, paymentTerms: 'postpayment', delivery: 'paper', platformName: null, consents: { personalData: true, dataAccuracy: true } });
        case 3:
          return check(type, { organization: { inn: '6912004727' } });
        case 4:
          return valid(type, { consents: { personalData: false } });
        case 5:
          return valid(type, { delivery: 'electronic', platformName: null });
        default:
          return schema(type, { colour: 'red' });
      }
    case 'row.add':
      switch (variant % 6) {
        case 3: {
          const { position: _position, ...withoutPosition } = participantRow(context.serial);
          return valid(type, { row: withoutPosition });
        }
        case 4:
          return check(type, { row: { ...participantRow(context.serial), snils: badSnils } });
        case 5:
          return schema(type, { row: { ...participantRow(context.serial), nickname: 'Лена' } });
        default:
          return valid(type, { row: participantRow(context.serial) });
      }
    case 'row.update':
      switch (variant % 5) {
        case 0:
          return valid(type, { rowId, changes: { position: 'учитель математики' } });
        case 1:
          return valid(type, { rowId, changes: { position: null } });
        case 2:
          return check(type, { rowId, changes: { snils: badSnils } });
        case 3:
          return valid(type, { rowId: 'row-missing', changes: { position: 'учитель' } });
        default:
          return schema(type, { rowId, changes: { nickname: 'Лена' } });
      }
    case 'row.remove':
      return variant % 3 === 2 ? valid(type, { rowId: 'row-missing' }) : valid(type, { rowId });
    case 'document.attach': {
      const missing = at(missingDocuments(application), pick);
      switch (variant % 5) {
        case 1:
          return anyDocument === undefined
            ? valid(type, { rowIds: [rowId], kind: 'diploma', file })
            : valid(type, { rowIds: anyDocument.rowIds, kind: anyDocument.kind, file, documentId: anyDocument.id });
        case 2:
          return valid(type, { rowIds: ['row-missing'], kind: 'snils', file });
        case 3:
          return valid(type, { rowIds: [rowId], kind: 'snils', file, documentId: 'document-missing' });
        case 4:
          return schema(type, { rowIds: [], kind: 'snils', file });
        default:
          return missing === undefined
            ? valid(type, { rowIds: [rowId], kind: pick % 2 === 0 ? 'diploma' : 'snils', file })
            : valid(type, { rowIds: [missing.rowId], kind: missing.kind, file });
      }
    }
    case 'application.submit':
      return variant % 4 === 3 ? schema(type, { now: true }) : valid(type, {});
    case 'application.discard':
      return variant % 2 === 0 ? valid(type, {}) : valid(type, { reason: 'Курс больше не нужен' });
    case 'document.accept':
    case 'document.reject': {
      const reason = type === 'document.reject' ? { reason: 'Скан нечитаем' } : {};
      switch (variant % 4) {
        case 1:
          return valid(type, { documentId: anyDocument?.id ?? 'document-missing', ...reason });
        case 2:
          return valid(type, { documentId: 'document-missing', ...reason });
        case 3:
          return schema(type, {});
        default:
          return valid(type, { documentId: (withStatus('pending') ?? anyDocument)?.id ?? 'document-missing', ...reason });
      }
    }
    case 'document.request':
      switch (variant % 3) {
        case 1:
          return valid(type, { rowIds: ['row-missing'], kind: 'passport', reason: 'Нужен паспорт' });
        case 2:
          return schema(type, { rowIds: [rowId], kind: 'passport', reason: '' });
        default:
          return valid(type, { rowIds: [rowId], kind: pick % 2 === 0 ? 'passport' : 'snils', reason: 'Нужен документ' });
      }
    case 'document.replace':
      switch (variant % 4) {
        case 1:
          return valid(type, { documentId: anyDocument?.id ?? 'document-missing', file });
        case 2:
          return valid(type, { documentId: 'document-missing', file });
        case 3:
          return schema(type, { documentId: anyDocument?.id ?? 'document-missing' });
        default:
          return valid(type, { documentId: (withStatus('rejected', 'requested') ?? anyDocument)?.id ?? 'document-missing', file });
      }
    case 'application.take_into_work':
    case 'contract.confirm':
    case 'originals.record_received':
    case 'act.record_signed_on_platform':
    case 'clock.tick':
      return variant % 5 === 4 ? schema(type, { now: true }) : valid(type, {});
    case 'application.decline':
    case 'application.withdraw':
    case 'contract.return':
    case 'application.close':
      return variant % 4 === 3 ? schema(type, {}) : valid(type, { reason: 'Причина указана в письме' });
    case 'contract.upload_signed': {
      const number = { platformContractNumber: 'РТС-2026-0412' };
      switch (variant % 4) {
        case 1:
          return valid(type, { contract: testFile('contract-signed'), consent: testFile('consent-signed') });
        case 2:
          return valid(type, { contract: testFile('contract-signed'), consent: testFile('consent-signed'), ...number });
        case 3:
          return schema(type, { contract: testFile('contract-signed') });
        default:
          return valid(type, {
            contract: testFile('contract-signed'),
            consent: testFile('consent-signed'),
            ...(application.form.delivery === 'electronic' ? number : {}),
          });
      }
    }
    case 'contract.send_concluded':
    case 'invoice.send':
    case 'act.upload_signed':
      return variant % 4 === 3 ? schema(type, { text: 'Без файла' }) : valid(type, { file, text: 'Во вложении' });
    case 'closing.issue': {
      const invoice = { invoice: testFile('invoice-postpayment') };
      const postpayment = application.form.paymentTerms === 'postpayment';
      switch (variant % 4) {
        case 1:
          return valid(type, { act: testFile('act'), ...(postpayment ? {} : invoice) });
        case 2:
          return schema(type, { invoice: testFile('invoice-postpayment') });
        default:
          return valid(type, { act: testFile('act'), ...(postpayment ? invoice : {}) });
      }
    }
    case 'originals.record_sent':
    case 'package.dispatch':
      switch (variant % 4) {
        case 1:
          return check(type, { trackingNumber: badTrackingNumber });
        case 2:
          return schema(type, { trackingNumber: '' });
        default:
          return valid(type, { trackingNumber });
      }
    case 'certificates.dispatch':
      switch (variant % 4) {
        case 1:
          return valid(type, {});
        case 2:
          return check(type, { trackingNumber: badTrackingNumber });
        default:
          return valid(type, { trackingNumber });
      }
    case 'results.record':
      switch (variant % 5) {
        case 1:
          return row === undefined ? valid(type, { results: [{ rowId, passed: true }] }) : valid(type, { results: [{ rowId: row.id, passed: pick % 2 === 0 }] });
        case 2:
          return valid(type, { results: [{ rowId: 'row-missing', passed: true }] });
        case 3:
          return schema(type, { results: [] });
        default:
          return application.rows.length === 0
            ? valid(type, { results: [{ rowId, passed: true }] })
            : valid(type, { results: application.rows.map((entry, index) => ({ rowId: entry.id, passed: ((pick >> index) & 1) === 0 })) });
      }
    case 'payment.record': {
      const base = Math.max(1, outstanding);
      const reference = `п/п № ${418 + (pick % 10)}`;
      switch (variant % 6) {
        case 1:
          return valid(type, { amount: Math.max(1, Math.floor(base / 2)), paidOn: today, reference });
        case 2:
          return valid(type, { amount: base + 100, paidOn: today, reference });
        case 3:
          return valid(type, { amount: base, paidOn: moscowDateOf(new Date(Date.parse(context.now) + 24 * 60 * 60 * 1000)), reference });
        case 4:
          return schema(type, { amount: 0, paidOn: today, reference });
        default:
          return valid(type, { amount: base, paidOn: today, reference });
      }
    }
    case 'message.post':
      switch (variant % 4) {
        case 1:
          return valid(type, { text: '', attachments: [file] });
        case 2:
          return schema(type, { text: '   ' });
        default:
          return valid(type, { text: 'Добрый день! Вопрос по договору.' });
      }
  }
}

/**
 * Returns the command a cooperative actor sends next to move the application along the procedure, with that actor.
 * Returns `undefined` when the procedure has nothing left to do. `pick` varies the terms, the delivery and the results.
 */
export function nextHappyCommand(
  application: ModelApplication,
  pick: number,
  context: BuildContext,
  isLastDayReached: boolean,
): { actor: ActorKey; command: ModelCommand } | { advanceToLastDay: true } | undefined {
  const representative = (command: ModelCommand) => ({ actor: 'owner' as const, command });
  const staff = (command: ModelCommand) => ({ actor: 'staff' as const, command });
  // Now and then a cooperative actor still sends a wrong payload (variant above 0); the next step tries again.
  const sloppy = pick % 5 === 4 ? Math.floor(pick / 5) : 0;
  const build = (type: CommandType, variant = sloppy, target = pick) => buildCommand(type, variant, target, application, context);
  const pending = application.documents.findIndex((document) => document.status === 'pending');
  const replaceable = application.documents.findIndex((document) => document.status === 'rejected' || document.status === 'requested');
  const outstanding = contractSumOf(application, context.pricePerRow) - paidOf(application);

  switch (application.state) {
    case 'draft': {
      if (application.form.paymentTerms === null || !application.form.organizationComplete) return representative(build('draft.update', pick % 3));
      if (application.rows.length < 1 + (pick % 2)) return representative(build('row.add'));
      const incomplete = application.rows.findIndex((row) => !row.fields.includes('position'));
      if (incomplete >= 0) return representative(build('row.update', sloppy, incomplete));
      if (missingDocuments(application).length > 0) return representative(build('document.attach', sloppy, 0));
      if (!application.form.consents.personalData || (application.form.delivery === 'electronic' && !application.form.platformName)) {
        return representative(build('draft.update', pick % 3));
      }
      return representative(build('application.submit'));
    }
    case 'submitted':
    case 'in_work.signed_scans_under_review': {
      const submitted = application.state === 'submitted';
      // Staff do not always review in order: some take the application into work first, reject a scan, ask for
      // one more document, or try to confirm the contract too early.
      if (submitted && pick % 4 === 1) return staff(build('application.take_into_work'));
      if (pending >= 0 && pick % 5 === 2 && !application.documents.some((document) => document.versions > 1)) {
        return staff(build('document.reject', 0, 0));
      }
      if (pick % 7 === 3 && !application.documents.some((document) => document.kind === 'passport')) {
        return staff(buildCommand('document.request', 0, 0, application, context));
      }
      if (!submitted && pick % 6 === 4 && (pending >= 0 || replaceable >= 0)) return staff(build('contract.confirm'));
      // Variant 0 targets the first pending (or replaceable) document when `pick` is 0.
      if (pending >= 0) return staff(build('document.accept', 0, 0));
      if (replaceable >= 0) return representative(build('document.replace', 0, 0));
      return submitted ? staff(build('application.take_into_work')) : staff(build('contract.confirm'));
    }
    case 'in_work.awaiting_signed_scans':
      if (pending >= 0 && pick % 3 === 0) return staff(build('document.accept', 0, 0));
      if (replaceable >= 0 && pick % 3 === 0) return representative(build('document.replace', 0, 0));
      return representative(build('contract.upload_signed'));
    case 'enrolled':
      if (!application.concludedContractSent) return staff(build('contract.send_concluded'));
      if (application.form.paymentTerms === 'prepayment' && !application.invoiceSent) return staff(build('invoice.send'));
      if (application.form.paymentTerms === 'prepayment' && outstanding > 0 && pick % 3 !== 0) return staff(build('payment.record'));
      if (!isLastDayReached) return { advanceToLastDay: true };
      return staff(build('closing.issue'));
    case 'closing': {
      const closing = application.closing;
      if (application.rows.some((row) => application.results[row.id] === undefined)) return staff(build('results.record', 0));
      if (closing !== null && closing.signedActs === 0) return representative(build('act.upload_signed'));
      if (application.form.delivery === 'paper' && closing !== null && !closing.originalsSent && !closing.originalsReceived) {
        return representative(build('originals.record_sent'));
      }
      if (application.form.delivery === 'paper' && closing !== null && !closing.originalsReceived) return staff(build('originals.record_received'));
      if (application.form.delivery === 'electronic' && closing !== null && !closing.platformAct) return staff(build('act.record_signed_on_platform'));
      if (outstanding > 0 && pick % 2 === 0) return staff(build('payment.record'));
      return staff(build('package.dispatch'));
    }
    case 'awaiting_payment':
      if (outstanding > 0) return staff(build('payment.record', pick % 2));
      return staff(build('certificates.dispatch', pick % 3));
    default:
      return undefined;
  }
}
