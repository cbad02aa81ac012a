import type { ParticipantRowData } from '@fioco-flow/core';
import { useState } from 'preact/hooks';
import { api, type ApplicationView, type LoadedApplication, type ProgramInfo } from './api.js';
import { locale, t, tKey, type TextKey } from './i18n.js';
import {
  Checkbox,
  errorMap,
  FileField,
  FileLink,
  html,
  Notice,
  problemOf,
  problemText,
  RadioGroup,
  Section,
  SelectField,
  TextField,
  type ErrorMap,
} from './ui.js';

const organizationFields = [
  ['fullName', 'orgFullName'],
  ['inn', 'orgInn'],
  ['kpp', 'orgKpp'],
  ['ogrn', 'orgOgrn'],
  ['postalAddress', 'orgPostalAddress'],
  ['headName', 'orgHeadName'],
  ['headPosition', 'orgHeadPosition'],
  ['email', 'orgEmail'],
  ['phone', 'orgPhone'],
] as const satisfies readonly (readonly [string, TextKey])[];

type OrganizationKey = (typeof organizationFields)[number][0];

const rowTextFields = [
  ['lastName', 'lastName', 'family-name'],
  ['firstName', 'firstName', 'given-name'],
  ['patronymic', 'patronymic', 'additional-name'],
  ['birthDate', 'birthDate', 'bday'],
  ['citizenship', 'citizenship', 'country'],
  ['snils', 'snils', 'off'],
  ['email', 'email', 'email'],
  ['phone', 'phone', 'tel'],
  ['position', 'position', 'organization-title'],
  ['diplomaSurname', 'diplomaSurname', 'off'],
  ['diplomaSeries', 'diplomaSeries', 'off'],
  ['diplomaNumber', 'diplomaNumber', 'off'],
] as const satisfies readonly (readonly [keyof ParticipantRowData, TextKey, string])[];

type RowField = Exclude<keyof ParticipantRowData, 'id'>;

const rowFields: readonly RowField[] = ['subject', 'sex', 'education', ...rowTextFields.map(([field]) => field)];

const inputTypes: Partial<Record<RowField, string>> = { birthDate: 'date', email: 'email' };
const inputModes: Partial<Record<RowField, string>> = { snils: 'numeric', phone: 'tel' };

const educationLevels = ['higher', 'secondary_vocational', 'studying_higher', 'studying_secondary_vocational'] as const;

/** A participant row in the form: `serverId` once it is saved, the values as typed, files waiting to be uploaded. */
interface FormRow {
  readonly key: string;
  readonly serverId: string | null;
  readonly values: Partial<Record<RowField, string>>;
  readonly files: Partial<Record<string, File>>;
}

interface FormState {
  organization: Partial<Record<OrganizationKey, string>>;
  paymentTerms: string | null;
  delivery: string | null;
  platformName: string;
  comment: string;
  consents: { personalData: boolean; dataAccuracy: boolean };
  rows: FormRow[];
}

let rowKeys = 0;
const newRowKey = () => `row-${(rowKeys += 1)}`;

function emptyRow(): FormRow {
  return { key: newRowKey(), serverId: null, values: { citizenship: 'RU' }, files: {} };
}

function formFromApplication(application: ApplicationView | null, requisites: Record<string, string> | undefined): FormState {
  const data = application?.data;
  const organization = { ...(data?.form.organization ?? {}) } as Partial<Record<OrganizationKey, string>>;
  // A new application starts from the organization's requisites as the demo account stores them.
  if (data === undefined || Object.values(organization).every((value) => !value)) Object.assign(organization, requisites ?? {});

  return {
    organization,
    paymentTerms: data?.form.paymentTerms ?? null,
    delivery: data?.form.delivery ?? null,
    platformName: data?.form.platformName ?? '',
    comment: data?.form.comment ?? '',
    consents: { personalData: data?.form.consents.personalData ?? false, dataAccuracy: data?.form.consents.dataAccuracy ?? false },
    rows:
      data === undefined || data.rows.length === 0
        ? [emptyRow()]
        : data.rows.map((row) => ({
            key: row.id,
            serverId: row.id,
            values: Object.fromEntries(rowFields.map((field) => [field, row[field] ?? ''])),
            files: {},
          })),
  };
}

/**
 * The document kinds the form offers in a row: the diploma, the SNILS and whatever else the program requires, and
 * the document on a change of surname, which submission requires only when the surname differs from the diploma's.
 */
function documentKindsFor(program: ProgramInfo): string[] {
  return [...new Set(['diploma', 'snils', ...program.requiredDocuments, 'name_change'])];
}

/**
 * Rewrites the row index of pointers such as `/participants/3/snils` to the form's row index, because a command's
 * errors count rows as the server stores them.
 */
function remapRowPointers(errors: ErrorMap, serverIndexToFormIndex: (index: number) => number | null): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [pointer, details] of errors) {
    const match = /^\/participants\/(\d+)(\/.*)?$/u.exec(pointer);
    // A row command's own payload names the row's fields under `/row` (row.add) or `/changes` (row.update).
    const payloadMatch = /^\/(?:row|changes)(\/.*)$/u.exec(pointer);
    let formIndex: number | null = null;
    let rest = '';
    if (match !== null) {
      formIndex = serverIndexToFormIndex(Number(match[1]));
      rest = match[2] ?? '';
    } else if (payloadMatch !== null) {
      formIndex = serverIndexToFormIndex(-1);
      rest = payloadMatch[1] ?? '';
    }
    const target = formIndex === null ? pointer : `/participants/${formIndex}${rest}`;
    result.set(target, [...(result.get(target) ?? []), ...details]);
  }
  return result;
}

/** The later of two copies of the application, by version. */
function newer(a: LoadedApplication | null, b: LoadedApplication | null): LoadedApplication | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.application.version > a.application.version ? b : a;
}

function merge(into: Map<string, string[]>, from: ReadonlyMap<string, readonly string[]>): void {
  for (const [pointer, details] of from) into.set(pointer, [...(into.get(pointer) ?? []), ...details]);
}

/**
 * The application form of a draft: requisites, terms, delivery with the platform, comment, participant rows with
 * their documents, consents. «Сохранить» sends the changes as draft commands; «Отправить» saves and submits. Every
 * error the API reports is shown at its field.
 */
export function DraftForm(props: {
  program: ProgramInfo;
  loaded: LoadedApplication | null;
  requisites: Record<string, string> | undefined;
  /** Called after every save; `clean` is false when some change was refused and its errors are on the form. */
  onSaved: (loaded: LoadedApplication, clean: boolean) => void;
}) {
  const [form, setForm] = useState<FormState>(() => formFromApplication(props.loaded?.application ?? null, props.requisites));
  // The form's own copy of the application: the first save creates it, and later saves must not create another.
  const [saved, setSaved] = useState<LoadedApplication | null>(props.loaded);
  const current = newer(props.loaded, saved);
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const update = (change: Partial<FormState>) => setForm((current) => ({ ...current, ...change }));
  const updateRow = (key: string, change: (row: FormRow) => FormRow) =>
    setForm((current) => ({ ...current, rows: current.rows.map((row) => (row.key === key ? change(row) : row)) }));
  const fieldErrors = (pointer: string) => errors.get(pointer);

  /** Sends every change of the form as draft commands; returns the application and the errors met. */
  async function save(): Promise<{ loaded: LoadedApplication; errors: Map<string, string[]> }> {
    const collected = new Map<string, string[]>();
    let loaded = current ?? (await api.createApplication(props.program.id));
    setSaved(loaded);
    const id = loaded.application.id;

    const run = async (type: string, payload: unknown, formIndex: number | null) => {
      try {
        loaded = await api.command(id, loaded.etag, type, payload);
        return true;
      } catch (error) {
        const problem = problemOf(error);
        if (problem?.errors?.length) {
          merge(collected, remapRowPointers(errorMap(problem.errors), () => formIndex));
        } else {
          merge(collected, new Map([['', [problemText(error)]]]));
        }
        if (problem?.status === 412) loaded = await api.getApplication(id);
        return false;
      }
    };

    const organization = Object.fromEntries(Object.entries(form.organization).filter(([, value]) => value !== undefined));
    await run(
      'draft.update',
      {
        organization,
        ...(form.paymentTerms === null ? {} : { paymentTerms: form.paymentTerms }),
        ...(form.delivery === null ? {} : { delivery: form.delivery }),
        platformName: form.platformName.trim() === '' ? null : form.platformName,
        comment: form.comment.trim() === '' ? null : form.comment,
        consents: form.consents,
      },
      null,
    );

    const keptIds = new Set(form.rows.map((row) => row.serverId).filter((value) => value !== null));
    for (const row of loaded.application.data.rows) {
      if (!keptIds.has(row.id)) await run('row.remove', { rowId: row.id }, null);
    }

    const savedRows: FormRow[] = [];
    for (const [formIndex, row] of form.rows.entries()) {
      let serverId = row.serverId;
      const values = Object.fromEntries(
        Object.entries(row.values).filter(([, value]) => value !== undefined && value.trim() !== ''),
      ) as Partial<Record<RowField, string>>;

      if (serverId === null) {
        const before = new Set(loaded.application.data.rows.map((entry) => entry.id));
        if (await run('row.add', { row: values }, formIndex)) {
          serverId = loaded.application.data.rows.find((entry) => !before.has(entry.id))?.id ?? null;
        }
      } else {
        const stored = loaded.application.data.rows.find((entry) => entry.id === serverId);
        const changes: Record<string, string | null> = {};
        for (const field of rowFields) {
          const typed = row.values[field]?.trim() ?? '';
          const current = stored?.[field] ?? '';
          if (typed !== current) changes[field] = typed === '' ? null : typed;
        }
        if (Object.keys(changes).length > 0) await run('row.update', { rowId: serverId, changes }, formIndex);
      }

      const remaining: Partial<Record<string, File>> = {};
      for (const [kind, file] of Object.entries(row.files)) {
        if (file === undefined) continue;
        if (serverId === null) {
          remaining[kind] = file;
          continue;
        }
        try {
          const ref = await api.upload(id, file);
          const existing = loaded.application.data.documents.find((document) => document.kind === kind && document.rowIds.includes(serverId!));
          const attached = await run(
            'document.attach',
            { rowIds: [serverId], kind, file: ref, ...(existing ? { documentId: existing.id } : {}) },
            formIndex,
          );
          if (!attached) remaining[kind] = file;
        } catch (error) {
          merge(collected, new Map([[`/participants/${formIndex}/documents/${kind}`, [problemText(error)]]]));
          remaining[kind] = file;
        }
      }
      savedRows.push({ ...row, serverId, files: remaining });
    }

    setForm((current) => ({ ...current, rows: savedRows }));
    return { loaded, errors: collected };
  }

  async function onSave(submit: boolean) {
    setBusy(true);
    setNotice(null);
    try {
      const saved = await save();
      let loaded = saved.loaded;
      const found = saved.errors;

      if (found.size === 0 && submit) {
        try {
          loaded = await api.command(loaded.application.id, loaded.etag, 'application.submit', {});
        } catch (error) {
          const problem = problemOf(error);
          const rows = loaded.application.data.rows;
          const formIndexOf = (serverIndex: number) => {
            const id = rows[serverIndex]?.id;
            const index = form.rows.findIndex((row) => row.serverId === id || row.key === id);
            return index === -1 ? serverIndex : index;
          };
          merge(found, remapRowPointers(errorMap(problem?.errors), formIndexOf));
          if (!problem?.errors?.length) found.set('', [problemText(error)]);
        }
      }

      setErrors(found);
      setSaved(loaded);
      if (found.size > 0) setNotice({ kind: 'error', text: t('fixErrors') });
      else setNotice({ kind: 'ok', text: submit ? t('submitted') : t('draftSaved') });
      props.onSaved(loaded, found.size === 0);
    } catch (error) {
      setNotice({ kind: 'error', text: problemText(error) });
    } finally {
      setBusy(false);
    }
  }

  const title = props.program.title[locale()];
  const generalErrors = [...(errors.get('') ?? []), ...(errors.get('/participants') ?? [])];
  const known = new Set(['', '/participants']);
  const unplaced = [...errors.entries()].filter(
    ([pointer]) => !known.has(pointer) && !/^\/(organization|paymentTerms|delivery|platformName|comment|consents|participants\/\d+)/u.test(pointer),
  );

  return html`<form
    class="draft-form"
    aria-label=${t('formTitle')}
    noValidate
    onSubmit=${(event: Event) => {
      event.preventDefault();
      void onSave(true);
    }}
  >
    <${Section} title=${`${t('formTitle')}: ${title}`} id="draft" intro=${t('formIntro')}>
      ${generalErrors.length || unplaced.length
        ? html`<div class="error-summary" role="alert">
            <h3>${t('otherErrors')}</h3>
            <ul>
              ${[...generalErrors, ...unplaced.flatMap(([, details]) => details)].map((detail) => html`<li>${detail}</li>`)}
            </ul>
          </div>`
        : null}

      <fieldset class="group">
        <legend>${t('organizationTitle')}</legend>
        <div class="grid">
          ${organizationFields.map(
            ([field, label]) => html`<${TextField}
              key=${field}
              name=${`organization.${field}`}
              label=${t(label)}
              value=${form.organization[field] ?? ''}
              errors=${fieldErrors(`/organization/${field}`)}
              onInput=${(value: string) => update({ organization: { ...form.organization, [field]: value } })}
            />`,
          )}
        </div>
      </fieldset>

      <fieldset class="group">
        <legend>${t('termsTitle')}</legend>
        <${RadioGroup}
          legend=${t('paymentTerms')}
          name="paymentTerms"
          value=${form.paymentTerms}
          options=${[
            { value: 'prepayment', label: t('prepayment') },
            { value: 'postpayment', label: t('postpayment') },
          ]}
          errors=${fieldErrors('/paymentTerms')}
          onChange=${(value: string) => update({ paymentTerms: value })}
        />
        <${RadioGroup}
          legend=${t('delivery')}
          name="delivery"
          value=${form.delivery}
          options=${[
            { value: 'paper', label: t('deliveryPaper') },
            { value: 'electronic', label: t('deliveryElectronic') },
          ]}
          errors=${fieldErrors('/delivery')}
          onChange=${(value: string) => update({ delivery: value })}
        />
        <${TextField}
          name="platformName"
          label=${t('platformName')}
          hint=${t('platformHint')}
          value=${form.platformName}
          errors=${fieldErrors('/platformName')}
          onInput=${(value: string) => update({ platformName: value })}
        />
        <${TextField}
          name="comment"
          label=${t('comment')}
          multiline=${true}
          value=${form.comment}
          errors=${fieldErrors('/comment')}
          onInput=${(value: string) => update({ comment: value })}
        />
      </fieldset>

      <fieldset class="group">
        <legend>${t('participantsTitle')}</legend>
        <p class="hint">${t('participantsIntro')}</p>
        ${form.rows.map(
          (row, index) => html`<${RowEditor}
            key=${row.key}
            row=${row}
            index=${index}
            program=${props.program}
            documents=${current?.application.data.documents ?? []}
            errors=${errors}
            onChange=${(change: (row: FormRow) => FormRow) => updateRow(row.key, change)}
            onRemove=${form.rows.length > 1 ? () => update({ rows: form.rows.filter((entry) => entry.key !== row.key) }) : null}
          />`,
        )}
        <button type="button" class="secondary" onClick=${() => update({ rows: [...form.rows, emptyRow()] })}>${t('addRow')}</button>
      </fieldset>

      <fieldset class="group">
        <legend>${t('consentsTitle')}</legend>
        <${Checkbox}
          name="consents.personalData"
          label=${t('consentPersonalData')}
          checked=${form.consents.personalData}
          errors=${fieldErrors('/consents/personalData')}
          onChange=${(checked: boolean) => update({ consents: { ...form.consents, personalData: checked } })}
        />
        <${Checkbox}
          name="consents.dataAccuracy"
          label=${t('consentDataAccuracy')}
          checked=${form.consents.dataAccuracy}
          errors=${fieldErrors('/consents/dataAccuracy')}
          onChange=${(checked: boolean) => update({ consents: { ...form.consents, dataAccuracy: checked } })}
        />
      </fieldset>

      <div class="actions">
        <button type="button" class="secondary" disabled=${busy} onClick=${() => void onSave(false)}>${t('saveDraft')}</button>
        <button type="submit" disabled=${busy}>${t('submit')}</button>
      </div>
      <${Notice} kind=${notice?.kind ?? 'ok'} text=${notice?.text ?? null} />
    <//>
  </form>`;
}

function RowEditor(props: {
  row: FormRow;
  index: number;
  program: ProgramInfo;
  documents: ApplicationView['data']['documents'];
  errors: ReadonlyMap<string, readonly string[]>;
  onChange: (change: (row: FormRow) => FormRow) => void;
  onRemove: (() => void) | null;
}) {
  const { row, index } = props;
  const pointer = (field: string) => `/participants/${index}/${field}`;
  const setValue = (field: RowField, value: string) => props.onChange((current) => ({ ...current, values: { ...current.values, [field]: value } }));
  const documentErrors = [...(props.errors.get(pointer('documents')) ?? [])];

  return html`<fieldset class="row-editor" aria-describedby=${documentErrors.length ? `row-${index}-documents-errors` : undefined}>
    <legend>${t('row')} ${index + 1}</legend>
    <div class="grid">
      <${SelectField}
        name=${`participants.${index}.subject`}
        label=${t('subject')}
        value=${row.values.subject ?? ''}
        placeholder=${t('chooseSubject')}
        options=${props.program.subjects.map((subject) => ({ value: subject.id, label: subject.title[locale()] }))}
        errors=${props.errors.get(pointer('subject'))}
        onChange=${(value: string) => setValue('subject', value)}
      />
      ${rowTextFields.map(
        ([field, label, autocomplete]) => html`<${TextField}
          key=${field}
          name=${`participants.${index}.${field}`}
          label=${t(label)}
          type=${inputTypes[field] ?? 'text'}
          autocomplete=${autocomplete}
          inputMode=${inputModes[field]}
          value=${row.values[field] ?? ''}
          errors=${props.errors.get(pointer(field))}
          onInput=${(value: string) => setValue(field, value)}
        />`,
      )}
      <${RadioGroup}
        legend=${t('sex')}
        name=${`participants.${index}.sex`}
        value=${row.values.sex ?? null}
        options=${[
          { value: 'female', label: t('female') },
          { value: 'male', label: t('male') },
        ]}
        errors=${props.errors.get(pointer('sex'))}
        onChange=${(value: string) => setValue('sex', value)}
      />
      <${SelectField}
        name=${`participants.${index}.education`}
        label=${t('education')}
        value=${row.values.education ?? ''}
        placeholder=${t('chooseEducation')}
        options=${educationLevels.map((level) => ({ value: level, label: tKey(`education_${level}`) }))}
        errors=${props.errors.get(pointer('education'))}
        onChange=${(value: string) => setValue('education', value)}
      />
    </div>

    <div class="row-documents">
      <h4>${t('documentsOfRow')}</h4>
      ${documentKindsFor(props.program).map((kind) => {
        const attached = props.documents.find((document) => document.kind === kind && row.serverId !== null && document.rowIds.includes(row.serverId));
        const latest = attached?.versions.at(-1);
        return html`<div class="document-input" key=${kind}>
          <${FileField}
            name=${`participants.${index}.documents.${kind}`}
            label=${`${tKey(`doc_${kind}`)}${kind === 'name_change' ? '' : ' *'}`}
            hint=${kind === 'name_change' ? t('nameChangeHint') : undefined}
            errors=${props.errors.get(pointer(`documents/${kind}`))}
            onChange=${(files: File[]) => props.onChange((current) => ({ ...current, files: { ...current.files, [kind]: files[0] } }))}
          />
          ${latest ? html`<p class="hint">${t('attachedFile')}: <${FileLink} file=${latest.file} /></p>` : null}
        </div>`;
      })}
      ${documentErrors.length
        ? html`<ul class="field-errors" id=${`row-${index}-documents-errors`}>${documentErrors.map((error) => html`<li>${error}</li>`)}</ul>`
        : null}
    </div>

    ${props.onRemove ? html`<button type="button" class="link danger" onClick=${props.onRemove}>${t('removeRow')} ${index + 1}</button>` : null}
  </fieldset>`;
}
