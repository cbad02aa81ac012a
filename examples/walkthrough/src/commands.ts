import type { ApplicationData, Command, FileRef as CoreFileRef, Program } from '@fioco-flow/core';
import type { ApplicationFile, DocumentKind, ParticipantEntry, Step } from './file-format.js';

/**
 * The ids the service gave to what the file names by its own ids: participant rows. Documents are found
 * through their row and kind.
 */
export class ScenarioIds {
  private readonly rows = new Map<string, string>();

  constructor(private readonly file: ApplicationFile) {}

  /** Records the service's id of a row the file calls `fileRowId`. */
  bindRow(fileRowId: string, serviceRowId: string): void {
    this.rows.set(fileRowId, serviceRowId);
  }

  /** Returns the service's id of a row, or the file's id when the row was never added, so the service rejects it. */
  rowId(fileRowId: string): string {
    return this.rows.get(fileRowId) ?? fileRowId;
  }

  /** Finds the file's entry of a row by the service's row id. */
  entryByServiceId(serviceRowId: string): ParticipantEntry | undefined {
    for (const [fileRowId, boundId] of this.rows) {
      if (boundId === serviceRowId) return this.entry(fileRowId);
    }
    return undefined;
  }

  entry(fileRowId: string): ParticipantEntry {
    const entry = this.file.participants.find((row) => row.id === fileRowId);
    if (entry === undefined) throw new Error(`Row ${fileRowId} is not in the file: the loader checks every reference.`);
    return entry;
  }

  fileRef(fileId: string): CoreFileRef {
    const ref = this.file.files.find((file) => file.id === fileId);
    if (ref === undefined) throw new Error(`File ${fileId} is not in the file: the loader checks every reference.`);
    return ref;
  }

  /** Finds the document of a kind attached to a row, the latest one when several are. */
  documentId(data: ApplicationData, fileRowId: string, kind: DocumentKind): string {
    const rowId = this.rowId(fileRowId);
    const document = data.documents.findLast((entry) => entry.kind === kind && entry.rowIds.includes(rowId));
    // An unknown id makes the service reject the command with its own message, which the timeline shows.
    return document?.id ?? `${fileRowId}/${kind}`;
  }
}

/** Converts the file's program to the service's, with file references in place of the templates' file ids. */
export function programOf(file: ApplicationFile, ids: ScenarioIds): Program {
  const { program } = file;
  return {
    id: program.id,
    title: program.title,
    hours: program.hours,
    courseStart: program.courseStart,
    courseEnd: program.courseEnd,
    courseUrl: program.courseUrl,
    pricePerRow: program.pricePerRow,
    subjects: program.subjects,
    requiredDocuments: program.requiredDocuments,
    templates: {
      contract: {
        prepayment: ids.fileRef(program.templates.contract.prepayment),
        postpayment: ids.fileRef(program.templates.contract.postpayment),
      },
      consentForm: ids.fileRef(program.templates.consentForm),
    },
  };
}

/** Returns the personal-data fields of a row entry, as the `row.add` command takes them. */
export function rowFields(entry: ParticipantEntry): Record<string, unknown> {
  const { id: _id, documents: _documents, ...fields } = entry;
  return fields;
}

/**
 * Translates one step into the service's commands. `create_draft`, `add_rows` and `tick` are run by the runner
 * itself, because they need the service's result between commands.
 */
export function commandsOf(
  step: Exclude<Step, { action: 'create_draft' | 'add_rows' | 'tick' }>,
  data: ApplicationData,
  file: ApplicationFile,
  ids: ScenarioIds,
): Command[] {
  switch (step.action) {
    case 'fill_draft':
      return [
        {
          type: 'draft.update',
          payload: {
            organization: file.organization,
            ...(step.paymentTerms === undefined ? {} : { paymentTerms: step.paymentTerms }),
            ...(step.delivery === undefined ? {} : { delivery: step.delivery }),
            ...(step.platformName === undefined ? {} : { platformName: step.platformName }),
            ...(step.comment === undefined ? {} : { comment: step.comment }),
          },
        } as Command,
      ];
    case 'remove_row':
      return [{ type: 'row.remove', payload: { rowId: ids.rowId(step.row) } }];
    case 'give_consents':
      return [{ type: 'draft.update', payload: { consents: { personalData: true, dataAccuracy: true } } }];
    case 'submit':
      return [{ type: 'application.submit', payload: {} }];
    case 'discard':
      return [{ type: 'application.discard', payload: {} }];
    case 'accept_documents': {
      const documentIds =
        step.documents === undefined
          ? data.documents.filter((document) => document.status === 'pending').map((document) => document.id)
          : step.documents.map((slot) => ids.documentId(data, slot.row, slot.kind));
      return documentIds.map((documentId) => ({ type: 'document.accept', payload: { documentId } }));
    }
    case 'reject_document':
      return [{ type: 'document.reject', payload: { documentId: ids.documentId(data, step.row, step.kind), reason: step.reason } }];
    case 'request_document':
      return [{ type: 'document.request', payload: { rowIds: [ids.rowId(step.row)], kind: step.kind, reason: step.reason } }];
    case 'replace_document':
      return [
        {
          type: 'document.replace',
          payload: { documentId: ids.documentId(data, step.row, step.kind), file: ids.fileRef(step.file) },
        },
      ];
    case 'post_message':
      return [{ type: 'message.post', payload: { text: step.text, attachments: (step.attachments ?? []).map((id) => ids.fileRef(id)) } }];
    case 'take_into_work':
      return [{ type: 'application.take_into_work', payload: {} }];
    case 'decline':
      return [{ type: 'application.decline', payload: { reason: step.reason } }];
    case 'withdraw':
      return [{ type: 'application.withdraw', payload: { reason: step.reason } }];
    case 'upload_signed_contract':
      return [
        {
          type: 'contract.upload_signed',
          payload: {
            contract: ids.fileRef(step.contract),
            consent: ids.fileRef(step.consent),
            ...(step.platformContractNumber === undefined ? {} : { platformContractNumber: step.platformContractNumber }),
          },
        },
      ];
    case 'return_signed_contract':
      return [{ type: 'contract.return', payload: { reason: step.reason } }];
    case 'confirm_contract':
      return [{ type: 'contract.confirm', payload: {} }];
    case 'send_contract':
      return [{ type: 'contract.send_concluded', payload: { file: ids.fileRef(step.file) } }];
    case 'send_invoice':
      return [{ type: 'invoice.send', payload: { file: ids.fileRef(step.file) } }];
    case 'record_payment':
      return [{ type: 'payment.record', payload: { amount: step.amount, paidOn: step.paidOn, reference: step.reference } }];
    case 'issue_closing_documents':
      return [
        {
          type: 'closing.issue',
          payload: { act: ids.fileRef(step.act), ...(step.invoice === undefined ? {} : { invoice: ids.fileRef(step.invoice) }) },
        },
      ];
    case 'upload_signed_act':
      return [{ type: 'act.upload_signed', payload: { file: ids.fileRef(step.file) } }];
    case 'record_originals_sent':
      return [{ type: 'originals.record_sent', payload: { trackingNumber: step.trackingNumber } }];
    case 'record_originals_received':
      return [{ type: 'originals.record_received', payload: {} }];
    case 'record_act_signed_on_platform':
      return [{ type: 'act.record_signed_on_platform', payload: {} }];
    case 'record_results':
      return [
        {
          type: 'results.record',
          payload: { results: step.results.map((result) => ({ rowId: ids.rowId(result.row), passed: result.passed })) },
        },
      ];
    case 'dispatch_package':
      return [{ type: 'package.dispatch', payload: { trackingNumber: step.trackingNumber } }];
    case 'dispatch_certificates':
      return [{ type: 'certificates.dispatch', payload: { trackingNumber: step.trackingNumber } }];
    case 'close':
      return [{ type: 'application.close', payload: { reason: step.reason } }];
  }
}
