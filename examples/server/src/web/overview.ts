import { useState } from 'preact/hooks';
import { api, type ApplicationView, type DeadlineView, type EventView, type ProgramInfo } from './api.js';
import { formatBothZones, formatDate, formatMoney } from './format.js';
import { locale, t, tKey } from './i18n.js';
import { Badge, FileLink, html, problemText, Section } from './ui.js';

const zones = () => ({ moscow: t('moscowTime'), local: t('localTime') });

const deliveryLabels = { paper: 'deliveryPaper', electronic: 'deliveryElectronic' } as const;

function resultLabel(passed: boolean | undefined): string {
  if (passed === undefined) return '—';
  return passed ? t('passed') : t('notPassed');
}

// The timeline shows the latest events first; the rest open on request.
const timelineLength = 12;

/** Each deadline with its explanation, its end in Moscow time and in the browser's time, and whether it passed. */
export function DeadlinesSection(props: { applicationId: string; deadlines: readonly DeadlineView[]; now: Date; documentLabel: (id: string) => string }) {
  const [error, setError] = useState<string | null>(null);
  return html`<${Section} title=${t('deadlinesTitle')} id="deadlines">
    <ul class="deadlines">
      ${props.deadlines.map((deadline) => {
        const passed = Date.parse(deadline.endsAt) <= props.now.getTime();
        return html`<li class=${`deadline${passed ? ' deadline-passed' : ''}`} data-kind=${deadline.kind}>
          <p class="deadline-head">
            <strong>${tKey(`kind_${deadline.kind}`)}${deadline.documentId ? `: ${props.documentLabel(deadline.documentId)}` : ''}</strong>
            ${passed ? html` <${Badge} tone="bad">${t('deadlineOverdue')}<//>` : null}
            ${deadline.provisional ? html` <${Badge} tone="info">${t('deadlineProvisional')}<//>` : null}
          </p>
          <p>${deadline.text}</p>
          <p class="muted">${t('deadlineEnds')}: ${formatBothZones(deadline.endsAt, zones())}</p>
        </li>`;
      })}
    </ul>
    <button type="button" class="link" onClick=${() => api.calendarFile(props.applicationId).catch((failure) => setError(problemText(failure)))}>
      ${t('icsLink')}
    </button>
    ${error ? html`<p class="inline-error" role="alert">${error}</p>` : null}
  <//>`;
}

/** The event log as a timeline: when, who, what, and the state after it. */
export function Timeline(props: { events: readonly EventView[] }) {
  const [all, setAll] = useState(false);
  const latestFirst = [...props.events].reverse();
  const shown = all ? latestFirst : latestFirst.slice(0, timelineLength);
  const actorLabels = { system: t('timelineActorSystem'), staff: t('roleStaff'), representative: t('roleRepresentative') };
  const actorLabel = (event: EventView) => actorLabels[event.actor.role];
  return html`<${Section} title=${t('timelineTitle')} id="timeline">
    <ol class="timeline">
      ${shown.map(
        (event) => html`<li key=${event.version}>
          <p>
            <strong>${event.label}</strong>
            <span class="muted"> · ${actorLabel(event)}</span>
          </p>
          <p class="muted">${formatBothZones(event.at, zones())} → ${event.stateLabel}</p>
        </li>`,
      )}
    </ol>
    ${latestFirst.length > timelineLength
      ? html`<button type="button" class="link" aria-expanded=${all} onClick=${() => setAll(!all)}>
          ${all ? t('timelineLatest') : `${t('timelineAll')} (${latestFirst.length})`}
        </button>`
      : null}
  <//>`;
}

/** The form data and sums of a submitted application. */
export function SummarySection(props: { application: ApplicationView; program: ProgramInfo | undefined }) {
  const { data } = props.application;
  const paid = data.payments.reduce((sum, payment) => sum + payment.amount, 0);
  const sum = data.submission?.contractSum ?? data.rows.length * data.program.pricePerRow;
  const subjectTitle = (id: string | undefined) => props.program?.subjects.find((subject) => subject.id === id)?.title[locale()] ?? id ?? '';
  return html`<${Section} title=${t('summaryTitle')} id="summary">
    <dl class="facts">
      <dt>${t('orgFullName')}</dt><dd>${data.form.organization.fullName ?? '—'}</dd>
      <dt>${t('paymentTerms')}</dt><dd>${data.form.paymentTerms ? t(data.form.paymentTerms) : '—'}</dd>
      <dt>${t('delivery')}</dt><dd>${data.form.delivery === null ? '—' : t(deliveryLabels[data.form.delivery])}</dd>
      ${data.form.platformName ? html`<dt>${t('platformName')}</dt><dd>${data.form.platformName}</dd>` : null}
      ${data.form.comment ? html`<dt>${t('comment')}</dt><dd>${data.form.comment}</dd>` : null}
      <dt>${t('participantCount')}</dt><dd>${data.submission?.participantCount ?? data.rows.length}</dd>
      <dt>${t('contractSum')}</dt><dd>${formatMoney(sum)}</dd>
      <dt>${t('paidSum')}</dt><dd>${formatMoney(paid)}</dd>
    </dl>
    <div class="table-wrap">
      <table>
        <caption>${t('participantsTitle')}</caption>
        <thead>
          <tr><th scope="col">№</th><th scope="col">${t('lastName')}, ${t('firstName')}</th><th scope="col">${t('subject')}</th><th scope="col">${t('resultsTitle')}</th></tr>
        </thead>
        <tbody>
          ${data.rows.map((row, index) => {
            const result = data.results.find((entry) => entry.rowId === row.id);
            return html`<tr key=${row.id}>
              <td>${index + 1}</td>
              <td>${[row.lastName, row.firstName, row.patronymic].filter(Boolean).join(' ')}</td>
              <td>${subjectTitle(row.subject)}</td>
              <td>${resultLabel(result?.passed)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  <//>`;
}

/** The contract: the drafts to sign, the signed scans uploaded, returns for correction, conclusion. */
export function ContractSection(props: { application: ApplicationView }) {
  const { contract } = props.application.data;
  if (contract.drafts === null && contract.uploads.length === 0) return null;
  return html`<${Section} title=${t('contractTitle')} id="contract">
    ${contract.drafts
      ? html`<h3>${t('contractDrafts')}</h3>
          <ul>
            <li><${FileLink} file=${contract.drafts.contract} label=${t('contractDraft')} /></li>
            <li><${FileLink} file=${contract.drafts.consentForm} label=${t('consentForm')} /></li>
          </ul>`
      : null}
    ${contract.uploads.length > 0
      ? html`<h3>${t('signedUploads')}</h3>
          <ol>
            ${contract.uploads.map(
              (upload) => html`<li>
                <${FileLink} file=${upload.contract} label=${t('signedContract')} />,
                <${FileLink} file=${upload.consent} label=${t('signedConsent')} />
                ${upload.platformContractNumber ? ` · ${t('platformContractNumber')}: ${upload.platformContractNumber}` : ''}
                <span class="muted"> · ${formatBothZones(upload.uploadedAt, zones())}</span>
              </li>`,
            )}
          </ol>`
      : null}
    ${contract.returns.length > 0
      ? html`<h3>${t('contractReturns')}</h3>
          <ul>
            ${contract.returns.map((entry) => html`<li><span class="reason">${entry.reason}</span> <span class="muted">· ${formatBothZones(entry.at, zones())}</span></li>`)}
          </ul>`
      : null}
    ${contract.concludedAt ? html`<p><${Badge} tone="ok">${t('concluded')}<//> <span class="muted">${formatBothZones(contract.concludedAt, zones())}</span></p>` : null}
  <//>`;
}

/** The course link and the code word, with the reminder that participants register on the course portal. */
export function AccessSection(props: { application: ApplicationView }) {
  const access = props.application.data.access;
  const [copied, setCopied] = useState(false);
  if (access === null) return null;
  return html`<${Section} title=${t('accessTitle')} id="access">
    <dl class="facts">
      <dt>${t('courseLink')}</dt>
      <dd><a href=${access.courseUrl} target="_blank" rel="noopener noreferrer">${access.courseUrl}</a></dd>
      <dt>${t('codeWord')}</dt>
      <dd>
        <code class="code-word" data-testid="code-word">${access.codeWord}</code>
        <button
          type="button"
          class="secondary small"
          onClick=${() => navigator.clipboard?.writeText(access.codeWord).then(() => setCopied(true), () => setCopied(false))}
        >
          ${copied ? t('codeWordCopied') : t('codeWordCopy')}
        </button>
      </dd>
    </dl>
    <p class="reminder" role="note">${t('accessReminder')}</p>
  <//>`;
}

/** Closing: the act and invoice, the signed act scans, originals, payments and dispatches. */
export function ClosingSection(props: { application: ApplicationView }) {
  const { closing, payments, dispatches } = props.application.data;
  if (closing === null && payments.length === 0 && dispatches.length === 0) return null;
  return html`<${Section} title=${t('closingTitle')} id="closing">
    ${closing
      ? html`<dl class="facts">
          <dt>${t('act')}</dt><dd><${FileLink} file=${closing.act} /></dd>
          ${closing.invoice ? html`<dt>${t('invoice')}</dt><dd><${FileLink} file=${closing.invoice} /></dd>` : null}
          ${closing.signedActUploads.map((upload) => html`<dt>${t('signedActs')}</dt><dd><${FileLink} file=${upload.file} /></dd>`)}
          ${closing.originalsSent ? html`<dt>${t('originalsSent')}</dt><dd><code>${closing.originalsSent.trackingNumber}</code></dd>` : null}
          ${closing.originalsReceivedAt ? html`<dt>${t('originalsReceived')}</dt><dd>${formatBothZones(closing.originalsReceivedAt, zones())}</dd>` : null}
          ${closing.actSignedOnPlatformAt ? html`<dt>${t('actSignedOnPlatform')}</dt><dd>${formatBothZones(closing.actSignedOnPlatformAt, zones())}</dd>` : null}
        </dl>`
      : null}
    ${payments.length > 0
      ? html`<h3>${t('paymentsTitle')}</h3>
          <ul>${payments.map((payment) => html`<li>${formatMoney(payment.amount)} · ${formatDate(payment.paidOn)} · ${payment.reference}</li>`)}</ul>`
      : null}
    ${dispatches.length > 0
      ? html`<h3>${t('dispatchesTitle')}</h3>
          <ul>
            ${dispatches.map(
              (dispatch) => html`<li>${formatBothZones(dispatch.at, zones())}${dispatch.trackingNumber ? html` · <code>${dispatch.trackingNumber}</code>` : null}</li>`,
            )}
          </ul>`
      : null}
  <//>`;
}
