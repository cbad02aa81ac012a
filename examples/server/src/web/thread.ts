import { useState } from 'preact/hooks';
import { api, type LoadedApplication } from './api.js';
import { formatBothZones } from './format.js';
import { t } from './i18n.js';
import { errorMap, FileField, FileLink, html, Notice, problemOf, problemText, Section, TextField, type ErrorMap } from './ui.js';

/**
 * The application's message thread: every message with its author, time and attachments (the institute's
 * concluded contract, invoices and act arrive here too), and a form to post one while the thread is open.
 */
export function Thread(props: {
  loaded: LoadedApplication;
  canPost: boolean;
  commandLabels: ReadonlyMap<string, string>;
  onDone: (loaded: LoadedApplication) => void;
}) {
  const { data } = props.loaded.application;
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<ErrorMap>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const attachments = [];
      for (const file of files) attachments.push(await api.upload(props.loaded.application.id, file));
      const loaded = await api.command(props.loaded.application.id, props.loaded.etag, 'message.post', { text, attachments });
      setText('');
      setFiles([]);
      setErrors(new Map());
      setFormKey(formKey + 1);
      props.onDone(loaded);
    } catch (failure) {
      setErrors(errorMap(problemOf(failure)?.errors));
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  const zones = { moscow: t('moscowTime'), local: t('localTime') };

  return html`<${Section} title=${t('threadTitle')} id="thread">
    ${data.messages.length === 0 ? html`<p class="muted">${t('threadEmpty')}</p>` : null}
    <ol class="messages">
      ${data.messages.map(
        (message) => html`<li class=${`message message-${message.author.role}`} key=${message.id}>
          <p class="message-meta">
            <strong>${message.author.role === 'staff' ? t('roleStaff') : t('roleRepresentative')}</strong>
            ${message.source ? html` · ${props.commandLabels.get(message.source) ?? message.source}` : null}
            <span class="muted"> · ${formatBothZones(message.at, zones)}</span>
          </p>
          ${message.text ? html`<p class="message-text">${message.text}</p>` : null}
          ${message.attachments.length > 0
            ? html`<ul class="attachments">
                ${message.attachments.map((file) => html`<li><${FileLink} file=${file} /></li>`)}
              </ul>`
            : null}
        </li>`,
      )}
    </ol>
    ${props.canPost
      ? html`<form class="message-form" key=${formKey} onSubmit=${send}>
          <${TextField} label=${t('messageText')} name="message" multiline=${true} value=${text} errors=${errors.get('/text')} onInput=${setText} />
          <${FileField} label=${t('attachments')} name="attachments" multiple=${true} errors=${errors.get('/attachments')} onChange=${setFiles} />
          <button type="submit" disabled=${busy}>${t('send')}</button>
          <${Notice} kind="error" text=${error} />
        </form>`
      : html`<p class="muted">${t('threadClosed')}</p>`}
  <//>`;
}
