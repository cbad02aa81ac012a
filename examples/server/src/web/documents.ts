import type { ParticipantDocument } from '@fioco-flow/core';
import { useState } from 'preact/hooks';
import { api, type LoadedApplication, type ProgramInfo } from './api.js';
import { formatBothZones } from './format.js';
import { locale, t, tKey } from './i18n.js';
import { Badge, errorMap, FileField, FileLink, html, Notice, problemOf, problemText, Section, SelectField, TextField, type ErrorMap } from './ui.js';

const statusTone = { pending: 'wait', accepted: 'ok', rejected: 'bad', requested: 'info' } as const;

const zoneLabels = () => ({ moscow: t('moscowTime'), local: t('localTime') });

/**
 * The participants' documents by row: each document's review status with the rejection reason and due date, and its
 * versions to download. Staff accept or reject a document and request a missing one; the representative replaces a
 * rejected or requested one, each when the command is available now.
 */
export function DocumentsSection(props: {
  loaded: LoadedApplication;
  program: ProgramInfo | undefined;
  available: ReadonlySet<string>;
  onDone: (loaded: LoadedApplication) => void;
}) {
  const { data } = props.loaded.application;
  if (data.documents.length === 0 && !props.available.has('document.request')) return null;

  const subjectTitle = (id: string | undefined) =>
    props.program?.subjects.find((subject) => subject.id === id)?.title[locale()] ?? id ?? '';

  return html`<${Section} title=${t('documentsTitle')} id="documents">
    ${data.rows.map((row, index) => {
      const documents = data.documents.filter((document) => document.rowIds.includes(row.id));
      return html`<div class="row-documents-view" key=${row.id}>
        <h3>
          ${t('row')} ${index + 1}: ${[row.lastName, row.firstName, row.patronymic].filter(Boolean).join(' ')}
          <span class="muted"> · ${subjectTitle(row.subject)}</span>
        </h3>
        <ul class="documents">
          ${documents.map(
            (document) => html`<${DocumentItem}
              key=${document.id}
              document=${document}
              loaded=${props.loaded}
              available=${props.available}
              onDone=${props.onDone}
            />`,
          )}
        </ul>
      </div>`;
    })}
    ${props.available.has('document.request') ? html`<${RequestForm} loaded=${props.loaded} onDone=${props.onDone} />` : null}
  <//>`;
}

function DocumentItem(props: {
  document: ParticipantDocument;
  loaded: LoadedApplication;
  available: ReadonlySet<string>;
  onDone: (loaded: LoadedApplication) => void;
}) {
  const { document } = props;
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<ErrorMap>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(type: string, payload: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    setErrors(new Map());
    try {
      const loaded = await api.command(props.loaded.application.id, props.loaded.etag, type, await payload());
      setReason('');
      setFile(undefined);
      props.onDone(loaded);
    } catch (failure) {
      setErrors(errorMap(problemOf(failure)?.errors));
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  const overdue = props.loaded.application.data.overdue.documents[document.id];
  const canReview = document.status === 'pending' && document.versions.length > 0;
  const canReplace = (document.status === 'rejected' || document.status === 'requested') && props.available.has('document.replace');

  return html`<li class=${`document document-${document.status}`} data-document=${document.id} data-kind=${document.kind}>
    <div class="document-head">
      <strong>${tKey(`doc_${document.kind}`)}</strong>
      <${Badge} tone=${statusTone[document.status]}>${tKey(`docStatus_${document.status}`)}<//>
      ${overdue ? html`<${Badge} tone="bad">${t('overdue')}<//>` : null}
    </div>
    ${document.reason ? html`<p class="reason"><strong>${t('reason')}:</strong> ${document.reason}</p>` : null}
    ${document.reviewDue && document.status === 'pending'
      ? html`<p class="muted">${t('reviewDue')} ${formatBothZones(document.reviewDue.endsAt, zoneLabels())}</p>`
      : null}
    ${document.versions.length > 0
      ? html`<p class="versions">
          ${`${t('versions')}: `}
          ${document.versions.map(
            (version, index) => html`<span class="version">
              ${`${index + 1}. `}<${FileLink} file=${version.file} label=${version.file.name || `${t('download')} ${index + 1}`} />
              ${version.outcome ? html` <${Badge} tone=${version.outcome.status === 'accepted' ? 'ok' : 'bad'}>${tKey(`docStatus_${version.outcome.status}`)}<//>` : null}
            </span>`,
          )}
        </p>`
      : null}

    ${canReview && (props.available.has('document.accept') || props.available.has('document.reject'))
      ? html`<div class="document-actions">
          ${props.available.has('document.accept')
            ? html`<button type="button" disabled=${busy} onClick=${() => send('document.accept', async () => ({ documentId: document.id }))}>
                ${t('accept')}
              </button>`
            : null}
          ${props.available.has('document.reject')
            ? html`<form
                class="reject-form"
                onSubmit=${(event: Event) => {
                  event.preventDefault();
                  void send('document.reject', async () => ({ documentId: document.id, reason }));
                }}
              >
                <${TextField} label=${t('rejectReason')} name="reason" value=${reason} errors=${errors.get('/reason')} onInput=${setReason} />
                <button type="submit" class="danger" disabled=${busy}>${t('reject')}</button>
              </form>`
            : null}
        </div>`
      : null}

    ${canReplace
      ? html`<form
          class="replace-form"
          onSubmit=${(event: Event) => {
            event.preventDefault();
            if (file) void send('document.replace', async () => ({ documentId: document.id, file: await api.upload(props.loaded.application.id, file) }));
          }}
        >
          <${FileField} label=${t('replacementFile')} name="replacement" errors=${errors.get('/file')} onChange=${(files: File[]) => setFile(files[0])} />
          <button type="submit" disabled=${busy || !file}>${t('replace')}</button>
        </form>`
      : null}
    <${Notice} kind="error" text=${error} />
  </li>`;
}

function RequestForm(props: { loaded: LoadedApplication; onDone: (loaded: LoadedApplication) => void }) {
  const { data } = props.loaded.application;
  const [rowId, setRowId] = useState(data.rows[0]?.id ?? '');
  const [kind, setKind] = useState('passport');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ErrorMap>(new Map());
  const [error, setError] = useState<string | null>(null);

  async function send(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const loaded = await api.command(props.loaded.application.id, props.loaded.etag, 'document.request', { rowIds: [rowId], kind, reason });
      setReason('');
      setErrors(new Map());
      props.onDone(loaded);
    } catch (failure) {
      setErrors(errorMap(problemOf(failure)?.errors));
      setError(problemText(failure));
    }
  }

  return html`<details class="command-details">
    <summary>${t('requestDocument')}</summary>
    <form class="command-form" onSubmit=${send}>
      <${SelectField}
        label=${t('forRow')}
        value=${rowId}
        options=${data.rows.map((row, index) => ({ value: row.id, label: `${index + 1}. ${[row.lastName, row.firstName].filter(Boolean).join(' ')}` }))}
        onChange=${setRowId}
      />
      <${SelectField}
        label=${t('documentsOfRow')}
        value=${kind}
        options=${['diploma', 'snils', 'name_change', 'passport', 'employment_record', 'other'].map((value) => ({ value, label: tKey(`doc_${value}`) }))}
        onChange=${setKind}
      />
      <${TextField} label=${t('requestReason')} value=${reason} errors=${errors.get('/reason')} onInput=${setReason} />
      <button type="submit">${t('requestDocument')}</button>
      <${Notice} kind="error" text=${error} />
    </form>
  </details>`;
}
