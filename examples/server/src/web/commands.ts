import type { AvailableCommand } from '@fioco-flow/core';
import { useState } from 'preact/hooks';
import { api, type ApplicationView, type LoadedApplication } from './api.js';
import { t, type TextKey } from './i18n.js';
import { Badge, Checkbox, errorMap, FileField, html, Notice, problemOf, problemText, Section, TextField, type ErrorMap } from './ui.js';

type FieldKind = 'text' | 'textarea' | 'file' | 'optionalFile' | 'date' | 'rubles' | 'results';

interface CommandField {
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: TextKey;
  /** Shown only when the application's results delivery is this one. */
  readonly delivery?: 'paper' | 'electronic';
}

/** The inputs of each command the actions panel sends itself; the others have their own sections. */
const commandFields: Readonly<Record<string, readonly CommandField[]>> = {
  'application.take_into_work': [],
  'application.decline': [{ name: 'reason', kind: 'textarea', label: 'reason' }],
  'application.withdraw': [{ name: 'reason', kind: 'textarea', label: 'reason' }],
  'application.discard': [],
  'contract.upload_signed': [
    { name: 'contract', kind: 'file', label: 'signedContract' },
    { name: 'consent', kind: 'file', label: 'signedConsent' },
    { name: 'platformContractNumber', kind: 'text', label: 'platformContractNumber', delivery: 'electronic' },
  ],
  'contract.return': [{ name: 'reason', kind: 'textarea', label: 'reason' }],
  'contract.confirm': [],
  'contract.send_concluded': [
    { name: 'file', kind: 'file', label: 'contractFile' },
    { name: 'text', kind: 'textarea', label: 'noteText' },
  ],
  'invoice.send': [
    { name: 'file', kind: 'file', label: 'invoiceFile' },
    { name: 'text', kind: 'textarea', label: 'noteText' },
  ],
  'closing.issue': [
    { name: 'act', kind: 'file', label: 'actFile' },
    { name: 'invoice', kind: 'optionalFile', label: 'invoiceFileOptional' },
    { name: 'text', kind: 'textarea', label: 'noteText' },
  ],
  'act.upload_signed': [
    { name: 'file', kind: 'file', label: 'signedActs' },
    { name: 'text', kind: 'textarea', label: 'noteText' },
  ],
  'originals.record_sent': [{ name: 'trackingNumber', kind: 'text', label: 'trackingNumber' }],
  'originals.record_received': [],
  'act.record_signed_on_platform': [],
  'results.record': [{ name: 'results', kind: 'results', label: 'resultsTitle' }],
  'payment.record': [
    { name: 'amount', kind: 'rubles', label: 'amountRubles' },
    { name: 'paidOn', kind: 'date', label: 'paidOn' },
    { name: 'reference', kind: 'text', label: 'paymentReference' },
  ],
  'package.dispatch': [{ name: 'trackingNumber', kind: 'text', label: 'trackingNumber' }],
  'certificates.dispatch': [{ name: 'trackingNumber', kind: 'text', label: 'trackingNumber' }],
  'application.close': [{ name: 'reason', kind: 'textarea', label: 'reason' }],
};

/** Commands that end the application for good: the page asks before sending them. */
const confirmations: Readonly<Record<string, TextKey>> = {
  'application.discard': 'confirmDiscard',
  'application.withdraw': 'confirmWithdraw',
  'application.decline': 'confirmDecline',
  'application.close': 'confirmClose',
};

/** Commands sent from another section of the page, with that section's heading. */
const commandSections: Readonly<Record<string, TextKey>> = {
  'draft.update': 'formTitle',
  'row.add': 'formTitle',
  'row.update': 'formTitle',
  'row.remove': 'formTitle',
  'document.attach': 'formTitle',
  'application.submit': 'formTitle',
  'document.accept': 'documentsTitle',
  'document.reject': 'documentsTitle',
  'document.request': 'documentsTitle',
  'document.replace': 'documentsTitle',
  'message.post': 'threadTitle',
};

/** `4 500,50` or `4500.5` rubles as kopecks; `null` when it is not an amount. */
export function rublesToKopecks(text: string): number | null {
  const normalized = text.replace(/[\s\u00a0₽]/gu, '').replace(',', '.');
  if (!/^\d+(?:\.\d{1,2})?$/u.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

/** The actions panel: every command the actor has now, available ones with their form, blocked ones with reasons. */
export function CommandsPanel(props: {
  commands: readonly AvailableCommand[];
  loaded: LoadedApplication;
  onDone: (loaded: LoadedApplication) => void;
}) {
  const visible = props.commands.filter((command) => command.type !== 'clock.tick');
  return html`<${Section} title=${t('commandsTitle')} id="commands" intro=${t('commandsIntro')}>
    ${visible.length === 0 ? html`<p>${t('noCommands')}</p>` : null}
    <ul class="commands">
      ${visible.map((command) => {
        const section = commandSections[command.type];
        if (!command.available) {
          return html`<li class="command blocked" data-command=${command.type}>
            <span class="command-label">${command.label}</span> <${Badge} tone="neutral">${t('commandBlocked')}<//>
            <p class="reason">${command.message}</p>
          </li>`;
        }
        if (section !== undefined || commandFields[command.type] === undefined) {
          return html`<li class="command" data-command=${command.type}>
            <span class="command-label">${command.label}</span>
            ${section ? html` — ${t('commandElsewhere')} «${t(section)}»` : null}
          </li>`;
        }
        return html`<li class="command" data-command=${command.type}>
          <${CommandForm} command=${command} loaded=${props.loaded} onDone=${props.onDone} />
        </li>`;
      })}
    </ul>
  <//>`;
}

function CommandForm(props: { command: AvailableCommand; loaded: LoadedApplication; onDone: (loaded: LoadedApplication) => void }) {
  const application = props.loaded.application;
  const fields = (commandFields[props.command.type] ?? []).filter(
    (field) => field.delivery === undefined || field.delivery === application.data.form.delivery,
  );
  const [values, setValues] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [results, setResults] = useState<Record<string, boolean>>(() => initialResults(application));
  const [errors, setErrors] = useState<ErrorMap>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);

  async function send(event: Event) {
    event.preventDefault();
    if (confirmations[props.command.type] !== undefined && !window.confirm(t(confirmations[props.command.type]!))) return;
    setBusy(true);
    setError(null);
    setErrors(new Map());
    try {
      const payload: Record<string, unknown> = {};
      const local = new Map<string, string[]>();
      for (const field of fields) {
        const value = values[field.name]?.trim() ?? '';
        if (field.kind === 'file' || field.kind === 'optionalFile') {
          const file = files[field.name];
          if (file) payload[field.name] = await api.upload(application.id, file);
        } else if (field.kind === 'rubles') {
          const kopecks = rublesToKopecks(value);
          if (kopecks === null) local.set(`/${field.name}`, [`${t(field.label)}: ${value || '—'}`]);
          else payload[field.name] = kopecks;
        } else if (field.kind === 'results') {
          payload.results = application.data.rows.map((row) => ({ rowId: row.id, passed: results[row.id] ?? true }));
        } else if (value !== '') {
          payload[field.name] = value;
        }
      }
      if (local.size > 0) {
        setErrors(local);
        return;
      }
      const loaded = await api.command(application.id, props.loaded.etag, props.command.type, payload);
      setOpen(false);
      setValues({});
      setFiles({});
      props.onDone(loaded);
    } catch (failure) {
      const problem = problemOf(failure);
      setErrors(errorMap(problem?.errors));
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  const needsInput = fields.length > 0;
  const fieldErrors = (name: string) => errors.get(`/${name}`);

  if (!needsInput) {
    return html`<form class="command-form inline" onSubmit=${send}>
      <button type="submit" disabled=${busy}>${props.command.label}</button>
      <${Notice} kind="error" text=${error} />
    </form>`;
  }

  return html`<details class="command-details" open=${open} onToggle=${(event: Event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
    <summary>${props.command.label}</summary>
    <form class="command-form" onSubmit=${send} aria-label=${props.command.label}>
      ${fields.map((field) => {
        switch (field.kind) {
          case 'file':
          case 'optionalFile':
            return html`<${FileField}
              key=${field.name}
              name=${field.name}
              label=${t(field.label)}
              errors=${fieldErrors(field.name)}
              onChange=${(chosen: File[]) => setFiles({ ...files, [field.name]: chosen[0] })}
            />`;
          case 'results':
            return html`<fieldset class="results" key=${field.name}>
              <legend>${t('resultsTitle')}</legend>
              ${application.data.rows.map(
                (row, index) => html`<${Checkbox}
                  key=${row.id}
                  name=${`results.${row.id}`}
                  label=${`${t('resultsFor')} ${index + 1}: ${[row.lastName, row.firstName].filter(Boolean).join(' ')} — ${t('passed')}`}
                  checked=${results[row.id] ?? true}
                  onChange=${(checked: boolean) => setResults({ ...results, [row.id]: checked })}
                />`,
              )}
            </fieldset>`;
          default:
            return html`<${TextField}
              key=${field.name}
              name=${field.name}
              label=${t(field.label)}
              type=${field.kind === 'date' ? 'date' : 'text'}
              inputMode=${field.kind === 'rubles' ? 'decimal' : undefined}
              multiline=${field.kind === 'textarea'}
              value=${values[field.name] ?? ''}
              errors=${fieldErrors(field.name)}
              onInput=${(value: string) => setValues({ ...values, [field.name]: value })}
            />`;
        }
      })}
      <button type="submit" disabled=${busy}>${props.command.label}</button>
      <${Notice} kind="error" text=${error} />
    </form>
  </details>`;
}

function initialResults(application: ApplicationView): Record<string, boolean> {
  const recorded = new Map(application.data.results.map((result) => [result.rowId, result.passed]));
  return Object.fromEntries(application.data.rows.map((row) => [row.id, recorded.get(row.id) ?? true]));
}
