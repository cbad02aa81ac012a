import { html as preactHtml } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { api, ApiError, ApplicationContext, type FieldError, type Problem } from './api.js';
import { t } from './i18n.js';
import { formatSize } from './format.js';

/** Tagged templates for Preact: the page's markup without a JSX transform. */
export const html = preactHtml as (strings: TemplateStringsArray, ...values: unknown[]) => VNode;

/** Field errors keyed by JSON pointer, e.g. `/participants/0/snils`. */
export type ErrorMap = ReadonlyMap<string, readonly string[]>;

/**
 * Groups the field errors of a problem by pointer. A command's payload sits under `/payload` in the request body,
 * so that prefix is dropped: the forms name their fields as the payload does.
 */
export function errorMap(errors: readonly FieldError[] | undefined): ErrorMap {
  const map = new Map<string, string[]>();
  for (const error of errors ?? []) {
    const pointer = error.pointer.replace(/^\/payload(?=\/|$)/u, '');
    map.set(pointer, [...(map.get(pointer) ?? []), error.detail]);
  }
  return map;
}

/** Returns the text a person reads for a failed request. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.problem.status === 0) return t('errorNetwork');
    if (error.problem.status === 401) return t('errorSession');
    if (error.problem.status === 412) return t('errorConflict');
    const reasons = error.problem.reasons?.map((reason) => reason.detail) ?? [];
    return [error.problem.detail, ...reasons.filter((reason) => !error.problem.detail.includes(reason))].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Returns the problem of a failed request, when the API sent one. */
export function problemOf(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null;
}

let nextId = 0;

/** Returns an id for a label's `for` and an input's `aria-describedby`, stable for the component's life. */
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${(nextId += 1)}`);
  return id;
}

/** The errors of one field: shown under it and announced with it. */
export function FieldErrors(props: { id: string; errors: readonly string[] | undefined }) {
  if (!props.errors || props.errors.length === 0) return null;
  return html`<ul class="field-errors" id=${props.id}>
    ${props.errors.map((error) => html`<li>${error}</li>`)}
  </ul>`;
}

interface InputProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors?: readonly string[] | undefined;
  type?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputMode?: string;
  name?: string;
  multiline?: boolean;
}

/** A labelled text input with its hint and errors. */
export function TextField(props: InputProps) {
  const id = useId('field');
  const describedBy = [props.hint ? `${id}-hint` : '', props.errors?.length ? `${id}-errors` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: props.name,
    value: props.value,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
    'aria-invalid': props.errors?.length ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
    required: props.required,
    autocomplete: props.autocomplete ?? 'off',
    inputmode: props.inputMode,
  };
  return html`<div class=${`field${props.errors?.length ? ' has-error' : ''}`}>
    <label for=${id}>${props.label}</label>
    ${props.multiline ? html`<textarea rows="3" ...${common}></textarea>` : html`<input type=${props.type ?? 'text'} ...${common} />`}
    ${props.hint ? html`<p class="hint" id=${`${id}-hint`}>${props.hint}</p>` : null}
    <${FieldErrors} id=${`${id}-errors`} errors=${props.errors} />
  </div>`;
}

/** A labelled select with its errors. */
export function SelectField(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
  name?: string;
}) {
  const id = useId('select');
  return html`<div class=${`field${props.errors?.length ? ' has-error' : ''}`}>
    <label for=${id}>${props.label}</label>
    <select
      id=${id}
      name=${props.name}
      value=${props.value}
      aria-invalid=${props.errors?.length ? 'true' : undefined}
      aria-describedby=${props.errors?.length ? `${id}-errors` : undefined}
      onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
    >
      ${props.placeholder === undefined ? null : html`<option value="">${props.placeholder}</option>`}
      ${props.options.map((option) => html`<option value=${option.value} selected=${option.value === props.value}>${option.label}</option>`)}
    </select>
    <${FieldErrors} id=${`${id}-errors`} errors=${props.errors} />
  </div>`;
}

/** A group of radio buttons in a fieldset. */
export function RadioGroup(props: {
  legend: string;
  name: string;
  value: string | null;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
}) {
  const id = useId('radio');
  return html`<fieldset class=${`field radio-group${props.errors?.length ? ' has-error' : ''}`} aria-describedby=${props.errors?.length ? `${id}-errors` : undefined}>
    <legend>${props.legend}</legend>
    ${props.options.map(
      (option) => html`<label class="choice">
        <input type="radio" name=${props.name} value=${option.value} checked=${props.value === option.value} onChange=${() => props.onChange(option.value)} />
        ${option.label}
      </label>`,
    )}
    <${FieldErrors} id=${`${id}-errors`} errors=${props.errors} />
  </fieldset>`;
}

/** A labelled checkbox with its errors. */
export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; errors?: readonly string[] | undefined; name?: string }) {
  const id = useId('check');
  return html`<div class=${`field checkbox${props.errors?.length ? ' has-error' : ''}`}>
    <label class="choice" for=${id}>
      <input
        id=${id}
        name=${props.name}
        type="checkbox"
        checked=${props.checked}
        aria-invalid=${props.errors?.length ? 'true' : undefined}
        aria-describedby=${props.errors?.length ? `${id}-errors` : undefined}
        onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      ${props.label}
    </label>
    <${FieldErrors} id=${`${id}-errors`} errors=${props.errors} />
  </div>`;
}

/** A labelled file input; `multiple` for message attachments. */
export function FileField(props: {
  label: string;
  onChange: (files: File[]) => void;
  errors?: readonly string[] | undefined;
  multiple?: boolean;
  name?: string;
  hint?: string;
}) {
  const id = useId('file');
  return html`<div class=${`field file${props.errors?.length ? ' has-error' : ''}`}>
    <label for=${id}>${props.label}</label>
    <input
      id=${id}
      name=${props.name}
      type="file"
      accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
      multiple=${props.multiple}
      aria-invalid=${props.errors?.length ? 'true' : undefined}
      aria-describedby=${props.errors?.length ? `${id}-errors` : undefined}
      onChange=${(event: Event) => props.onChange(Array.from((event.currentTarget as HTMLInputElement).files ?? []))}
    />
    ${props.hint ? html`<p class="hint">${props.hint}</p>` : null}
    <${FieldErrors} id=${`${id}-errors`} errors=${props.errors} />
  </div>`;
}

/** A link-styled button that downloads a file of the application on the page with the session's token. */
export function FileLink(props: { file: { id: string; name: string; size?: number }; label?: string }) {
  const applicationId = useContext(ApplicationContext);
  const [error, setError] = useState<string | null>(null);
  const label = props.label ?? (props.file.name || props.file.id);
  return html`<span class="file-link">
    <button type="button" class="link" onClick=${() => api.download(applicationId, props.file).catch((failure) => setError(problemText(failure)))}>
      ${label}${props.file.size === undefined ? '' : ` (${formatSize(props.file.size)})`}
    </button>
    ${error ? html`<span class="inline-error" role="alert">${error}</span>` : null}
  </span>`;
}

/** A titled section of the application page with a heading for landmarks and skipping. */
export function Section(props: { title: string; id: string; children?: ComponentChildren; intro?: string }) {
  return html`<section class="card" aria-labelledby=${`${props.id}-title`} id=${props.id}>
    <h2 id=${`${props.id}-title`}>${props.title}</h2>
    ${props.intro ? html`<p class="intro">${props.intro}</p>` : null}
    ${props.children}
  </section>`;
}

/** A short status word with a color and a text that does not depend on the color. */
export function Badge(props: { tone: 'ok' | 'bad' | 'wait' | 'info' | 'neutral'; children?: ComponentChildren }) {
  return html`<span class=${`badge badge-${props.tone}`}>${props.children}</span>`;
}

/** A message line under a form: success, or the error of the last attempt. */
export function Notice(props: { kind: 'ok' | 'error'; text: string | null }) {
  if (!props.text) return null;
  return html`<p class=${`notice notice-${props.kind}`} role=${props.kind === 'error' ? 'alert' : 'status'}>${props.text}</p>`;
}
