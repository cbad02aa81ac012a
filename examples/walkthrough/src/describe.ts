import { formatRubles, type ApplicationData, type ApplicationView, type LapseCause } from '@fioco-flow/core';
import { formatDate, type Locale } from '@fioco-flow/rules';
import type { ScenarioIds } from './commands.js';
import type { ApplicationFile, DocumentKind, FileRef, ParticipantEntry, Step } from './file-format.js';
import { formatMoscowInstant, shortName } from './format.js';

const documentKinds: Record<Locale, Record<DocumentKind, string>> = {
  ru: {
    diploma: 'диплом',
    snils: 'СНИЛС',
    name_change: 'документ о смене фамилии',
    passport: 'паспорт',
    employment_record: 'трудовая книжка',
    other: 'иной документ',
  },
  en: {
    diploma: 'diploma',
    snils: 'SNILS',
    name_change: 'name change document',
    passport: 'passport',
    employment_record: 'employment record',
    other: 'other document',
  },
};

/** Renders rows, files and facts of an application for the timeline, never with a СНИЛС or a date of birth. */
export class Describer {
  constructor(
    private readonly file: ApplicationFile,
    private readonly ids: ScenarioIds,
    private readonly locale: Locale,
  ) {}

  private get ru(): boolean {
    return this.locale === 'ru';
  }

  subject(subjectId: unknown): string {
    const subject = this.file.program.subjects.find((entry) => entry.id === subjectId);
    return subject === undefined ? String(subjectId) : subject.title[this.locale];
  }

  /** «строка 2: Морозов Д. О., Математика»: the row's number in the application, the person and the subject. */
  row(entry: ParticipantEntry, data?: ApplicationData): string {
    const serviceId = this.ids.rowId(entry.id);
    const index = data?.rows.findIndex((row) => row.id === serviceId) ?? -1;
    const person = `${shortName([entry['lastName'], entry['firstName'], entry['patronymic']].filter(Boolean).join(' '))}, ${this.subject(entry['subject'])}`;
    if (index < 0) return person;
    return this.ru ? `строка ${index + 1}: ${person}` : `row ${index + 1}: ${person}`;
  }

  rowById(serviceRowId: string, data: ApplicationData): string {
    const entry = this.ids.entryByServiceId(serviceRowId);
    return entry === undefined ? serviceRowId : this.row(entry, data);
  }

  kind(kind: DocumentKind): string {
    return documentKinds[this.locale][kind];
  }

  fileName(ref: FileRef | { name: string; size: number }): string {
    return `${this.quote(ref.name)} (${formatSize(ref.size, this.locale)})`;
  }

  /** Quotes a text the way the language does: «…» in Russian, "…" in English. */
  quote(text: string): string {
    return this.ru ? `«${text}»` : `"${text}"`;
  }

  money(kopecks: number): string {
    return formatRubles(kopecks, this.locale);
  }

  date(date: string): string {
    return formatDate(date, this.locale);
  }

  /** Describes what a step carried: the rows, the documents, the reason, the message, the amount. */
  stepDetails(step: Step, data: ApplicationData | undefined): string[] {
    const ru = this.ru;
    switch (step.action) {
      case 'fill_draft': {
        const terms = {
          prepayment: ru ? 'предоплата 100 %' : '100 % prepayment',
          postpayment: ru ? 'оплата после оказания услуг' : 'payment after the services',
        };
        const delivery = {
          paper: ru ? 'на бумаге, оригиналы почтой' : 'on paper, originals by post',
          electronic: ru ? 'в электронном виде' : 'electronically',
        };
        const organization = this.file.organization;
        const lines = [
          ru ? `Организация: ${String(organization['fullName'])}` : `Organization: ${String(organization['fullName'])}`,
          ru
            ? `ИНН ${String(organization['inn'])}, КПП ${String(organization['kpp'])}, ОГРН ${String(organization['ogrn'])}`
            : `INN ${String(organization['inn'])}, KPP ${String(organization['kpp'])}, OGRN ${String(organization['ogrn'])}`,
          ru
            ? `Руководитель: ${lowerFirst(String(organization['headPosition']))} ${shortName(String(organization['headName']))}; почтовый адрес: ${String(organization['postalAddress'])}`
            : `Head: ${shortName(String(organization['headName']))}; postal address: ${String(organization['postalAddress'])}`,
        ];
        if (step.paymentTerms) lines.push(ru ? `Условия оплаты: ${terms[step.paymentTerms]}` : `Payment terms: ${terms[step.paymentTerms]}`);
        if (step.delivery) lines.push(ru ? `Получение результатов: ${delivery[step.delivery]}` : `Results delivery: ${delivery[step.delivery]}`);
        if (step.platformName) lines.push(ru ? `Электронная площадка: ${step.platformName}` : `Trading platform: ${step.platformName}`);
        if (step.comment) lines.push(ru ? `Комментарий: «${step.comment}»` : `Comment: "${step.comment}"`);
        return lines;
      }
      case 'add_rows':
        return step.rows.map((rowId) => {
          const entry = this.ids.entry(rowId);
          const kinds = entry.documents.map((document) => this.kind(document.kind)).join(', ');
          return ru ? `${this.row(entry, data)}; документы: ${kinds}` : `${this.row(entry, data)}; documents: ${kinds}`;
        });
      case 'remove_row':
        return [this.row(this.ids.entry(step.row), data)];
      case 'give_consents':
        return [
          ru
            ? 'Согласие на обработку персональных данных участников; подтверждение достоверности сведений'
            : "Consent to processing the participants' personal data; confirmation that the data is accurate",
        ];
      case 'accept_documents':
        return (step.documents ?? []).map((slot) => `${this.row(this.ids.entry(slot.row), data)} — ${this.kind(slot.kind)}`);
      case 'reject_document':
      case 'request_document':
        return [
          `${this.row(this.ids.entry(step.row), data)} — ${this.kind(step.kind)}`,
          ru ? `Причина: «${step.reason}»` : `Reason: "${step.reason}"`,
        ];
      case 'replace_document':
        return [
          `${this.row(this.ids.entry(step.row), data)} — ${this.kind(step.kind)}`,
          ru ? `Новый файл: ${this.fileName(this.ids.fileRef(step.file))}` : `New file: ${this.fileName(this.ids.fileRef(step.file))}`,
        ];
      case 'post_message':
        return [
          this.quote(step.text),
          ...(step.attachments ?? []).map((id) =>
            ru ? `Вложение: ${this.fileName(this.ids.fileRef(id))}` : `Attachment: ${this.fileName(this.ids.fileRef(id))}`,
          ),
        ];
      case 'decline':
      case 'withdraw':
      case 'return_signed_contract':
      case 'close':
        return [ru ? `Причина: «${step.reason}»` : `Reason: "${step.reason}"`];
      case 'upload_signed_contract':
        return [
          ru ? `Договор: ${this.fileName(this.ids.fileRef(step.contract))}` : `Contract: ${this.fileName(this.ids.fileRef(step.contract))}`,
          ru ? `Согласие: ${this.fileName(this.ids.fileRef(step.consent))}` : `Consent: ${this.fileName(this.ids.fileRef(step.consent))}`,
        ];
      case 'send_contract':
      case 'send_invoice':
      case 'upload_signed_act':
        return [ru ? `Файл: ${this.fileName(this.ids.fileRef(step.file))}` : `File: ${this.fileName(this.ids.fileRef(step.file))}`];
      case 'issue_closing_documents':
        return [
          ru ? `Акт: ${this.fileName(this.ids.fileRef(step.act))}` : `Act: ${this.fileName(this.ids.fileRef(step.act))}`,
          ...(step.invoice === undefined
            ? []
            : [ru ? `Счёт: ${this.fileName(this.ids.fileRef(step.invoice))}` : `Invoice: ${this.fileName(this.ids.fileRef(step.invoice))}`]),
        ];
      case 'record_payment':
        return [
          ru
            ? `${this.money(step.amount)}, оплачено ${this.date(step.paidOn)}, ${step.reference}`
            : `${this.money(step.amount)}, paid on ${this.date(step.paidOn)}, ${step.reference}`,
        ];
      case 'record_originals_sent':
      case 'dispatch_package':
      case 'dispatch_certificates':
        return [ru ? `Трек-номер: ${step.trackingNumber}` : `Tracking number: ${step.trackingNumber}`];
      case 'record_results':
        return step.results.map((result) => {
          const row = this.row(this.ids.entry(result.row), data);
          if (ru) return `${row} — ${result.passed ? 'курс освоен' : 'курс не освоен'}`;
          return `${row} — ${result.passed ? 'passed' : 'did not pass'}`;
        });
      default:
        return [];
    }
  }

  /** Describes the facts a step produced, read from the application before and after it. */
  stepNotices(step: Step, before: ApplicationData | undefined, after: ApplicationData): string[] {
    const ru = this.ru;
    switch (step.action) {
      case 'create_draft':
        return [ru ? `Заявка ${after.id}` : `Application ${after.id}`];
      case 'submit': {
        const submission = after.submission;
        if (submission === null) return [];
        const people = new Set(after.rows.map((row) => row.snils)).size;
        return [
          ru
            ? `Участников: ${submission.participantCount} ${plural(submission.participantCount, 'строка', 'строки', 'строк')} (${people} ${plural(people, 'человек', 'человека', 'человек')}); сумма договора ${this.money(submission.contractSum)}`
            : `Participants: ${submission.participantCount} rows (${people} people); contract sum ${this.money(submission.contractSum)}`,
        ];
      }
      case 'accept_documents': {
        const accepted = after.documents.filter(
          (document) => document.status === 'accepted' && before?.documents.find((entry) => entry.id === document.id)?.status !== 'accepted',
        );
        const total = after.documents.length;
        const all = after.documents.filter((document) => document.status === 'accepted').length;
        return [ru ? `Принято документов: ${accepted.length}; всего принято ${all} из ${total}` : `Documents accepted: ${accepted.length}; ${all} of ${total} accepted in all`];
      }
      case 'take_into_work': {
        const drafts = after.contract.drafts;
        if (drafts === null) return [];
        return [
          ru ? `В заявке доступен проект договора ${this.fileName(drafts.contract)}` : `Contract draft available: ${this.fileName(drafts.contract)}`,
          ru ? `и форма согласия ${this.fileName(drafts.consentForm)}` : `Consent form available: ${this.fileName(drafts.consentForm)}`,
        ];
      }
      case 'confirm_contract': {
        const access = after.access;
        if (access === null) return [];
        return [
          ru ? `Кодовое слово для участников: ${access.codeWord}` : `Code word for the participants: ${access.codeWord}`,
          ru ? `Ссылка на курс: ${access.courseUrl}` : `Course link: ${access.courseUrl}`,
          ru
            ? 'Каждый участник до начала обучения регистрируется на портале ЭО и ДОТ ФИОКО (dpo.fioco.ru) — это не основной сайт ФИОКО.'
            : 'Before the course, each participant registers on the FIOCO distance-learning portal (dpo.fioco.ru), a different site from the main FIOCO site.',
        ];
      }
      case 'send_invoice':
      case 'record_payment': {
        const sum = after.submission?.contractSum ?? 0;
        const paid = after.payments.reduce((total, payment) => total + payment.amount, 0);
        if (step.action === 'send_invoice') return [ru ? `Сумма к оплате: ${this.money(sum)}` : `Amount due: ${this.money(sum)}`];
        const full = paid >= sum;
        return [
          ru
            ? `Оплачено ${this.money(paid)} из ${this.money(sum)}${full ? ' — оплачено полностью' : ''}`
            : `Paid ${this.money(paid)} of ${this.money(sum)}${full ? ' — paid in full' : ''}`,
        ];
      }
      case 'record_originals_sent': {
        const sent = after.closing?.originalsSent;
        return sent === null || sent === undefined
          ? []
          : [ru ? 'Оригиналы: акт в 2 экземплярах и договор в 2 экземплярах' : 'Originals: the act in 2 copies and the contract in 2 copies'];
      }
      case 'dispatch_package':
      case 'dispatch_certificates':
        return this.dispatchSummary(after.dispatches.at(-1));
      default:
        return [];
    }
  }

  /** Sums up a dispatch in one line; `finalLines` lists it row by row. */
  dispatchSummary(dispatch: ApplicationData['dispatches'][number] | undefined): string[] {
    if (dispatch === undefined) return [];
    const certificates = dispatch.certificateRowIds.length;
    const certificatesOfStudy = dispatch.certificateOfStudyRowIds.length;
    if (this.ru) {
      const parts = [
        ...(dispatch.originals ? ['оригиналы договора, акта и счёта'] : []),
        `удостоверений: ${certificates}`,
        `справок об обучении: ${certificatesOfStudy}`,
      ];
      return [`В пакете: ${parts.join('; ')}`];
    }
    const parts = [
      ...(dispatch.originals ? ['the originals of the contract, act and invoice'] : []),
      `certificates: ${certificates}`,
      `certificates of study: ${certificatesOfStudy}`,
    ];
    return [`In the package: ${parts.join('; ')}`];
  }

  /** Lists what a dispatch held: the originals, a certificate per passed row, a certificate of study per other row. */
  dispatchLines(data: ApplicationData, dispatch: ApplicationData['dispatches'][number] | undefined): string[] {
    if (dispatch === undefined) return [];
    const ru = this.ru;
    const lines = [
      ru
        ? `Отправлено ${formatMoscowInstant(dispatch.at, this.locale)}${dispatch.trackingNumber ? `, трек-номер ${dispatch.trackingNumber}` : ''}:`
        : `Sent ${formatMoscowInstant(dispatch.at, this.locale)}${dispatch.trackingNumber ? `, tracking number ${dispatch.trackingNumber}` : ''}:`,
    ];
    if (dispatch.originals) {
      lines.push(
        ru ? '  • оригинал договора, подписанный обеими сторонами' : '  • the contract original signed by both parties',
        ru ? '  • оригинал акта об оказании образовательных услуг' : '  • the original act of services rendered',
        ru ? '  • оригинал счёта на оплату' : '  • the invoice original',
      );
    }
    for (const rowId of dispatch.certificateRowIds) {
      const row = this.rowById(rowId, data);
      lines.push(ru ? `  • удостоверение о повышении квалификации — ${row}` : `  • certificate of professional development — ${row}`);
    }
    for (const rowId of dispatch.certificateOfStudyRowIds) {
      const row = this.rowById(rowId, data);
      lines.push(ru ? `  • справка об обучении — ${row}` : `  • certificate of study — ${row}`);
    }
    return lines;
  }

  /** Overdue flags and lapses the clock or a step set: compared between two versions of the application. */
  clockNotices(before: ApplicationData, after: ApplicationView): string[] {
    const ru = this.ru;
    const data = after.data;
    const notices: string[] = [];
    if (data.overdue.review !== null && before.overdue.review === null) {
      notices.push(ru ? 'Срок рассмотрения заявки институтом истёк: заявка отмечена как просроченная.' : 'The review deadline passed: the application is flagged overdue.');
    }
    for (const documentId of Object.keys(data.overdue.documents)) {
      if (before.overdue.documents[documentId] !== undefined) continue;
      const document = data.documents.find((entry) => entry.id === documentId);
      const row = document?.rowIds[0] === undefined ? '' : ` (${this.rowById(document.rowIds[0], data)})`;
      const kind = document === undefined ? documentId : this.kind(document.kind);
      notices.push(ru ? `Срок рассмотрения документа «${kind}»${row} истёк.` : `The review deadline of the ${kind} document${row} passed.`);
    }
    if (data.overdue.originals !== null && before.overdue.originals === null) {
      notices.push(ru ? 'Срок отправки оригиналов истёк: организация ещё не сообщила об отправке.' : 'The originals deadline passed: the organization has not reported sending them.');
    }
    if (data.outcome?.lapseCause && before.outcome === null) notices.push(this.lapseCause(data.outcome.lapseCause, data));
    return notices;
  }

  lapseCause(cause: LapseCause, data: ApplicationData): string {
    const ru = this.ru;
    switch (cause) {
      case 'submission_deadline':
        return ru
          ? `Срок подачи истёк в 24:00 МСК ${this.date(data.deadlines.submission.date)}, а черновик не был отправлен: заявка аннулирована.`
          : `The submission deadline passed at 24:00 Moscow time on ${this.date(data.deadlines.submission.date)} with the draft not submitted: the application lapsed.`;
      case 'contract_deadline':
        return ru
          ? `Срок загрузки подписанного договора истёк в 24:00 МСК ${this.date(data.deadlines.contract.date)}, а договор не был загружен: заявка аннулирована.`
          : `The contract deadline passed at 24:00 Moscow time on ${this.date(data.deadlines.contract.date)} with no signed contract uploaded: the application lapsed.`;
      case 'course_started':
        return ru
          ? `Первый день курса, ${this.date(data.program.courseStart)}, закончился, а договор не был заключён: заявка аннулирована.`
          : `The course's first day, ${this.date(data.program.courseStart)}, ended with no contract concluded: the application lapsed.`;
    }
  }

  /** Lines under the final state: how the application ended, the payments, every dispatch. */
  finalLines(view: ApplicationView): string[] {
    const ru = this.ru;
    const data = view.data;
    const lines: string[] = [];
    if (data.outcome?.lapseCause) lines.push(this.lapseCause(data.outcome.lapseCause, data));
    else if (data.outcome?.reason) lines.push(ru ? `Причина: «${data.outcome.reason}»` : `Reason: "${data.outcome.reason}"`);

    if (data.submission !== null && data.contract.concludedAt !== null) {
      const paid = data.payments.reduce((total, payment) => total + payment.amount, 0);
      lines.push(
        ru
          ? `Сумма договора ${this.money(data.submission.contractSum)}, оплачено ${this.money(paid)}`
          : `Contract sum ${this.money(data.submission.contractSum)}, paid ${this.money(paid)}`,
      );
    }
    for (const dispatch of data.dispatches) {
      const heading = { package: { ru: 'Пакет документов', en: 'Package of documents' }, certificates: { ru: 'Удостоверения', en: 'Certificates' } };
      lines.push(heading[dispatch.kind][this.locale]);
      lines.push(...this.dispatchLines(data, dispatch).map((line) => `  ${line}`));
    }
    return lines;
  }
}

/** Formats a file size in bytes with the noun agreeing with the number: 1 байт, 2–4 байта, 5–20 байт, 21 байт. */
export function formatSize(bytes: number, locale: Locale): string {
  if (locale === 'en') return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${bytes} ${plural(bytes, 'байт', 'байта', 'байт')}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('ru-RU') + text.slice(1);
}

function plural(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
