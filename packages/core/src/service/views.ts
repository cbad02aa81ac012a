import { match } from 'ts-pattern';
import type { ApplicationState } from '../machine/states.js';
import { stateLabels } from '../machine/states.js';
import { personalDataFields, type ApplicationData, type ParticipantRowData } from '../model/application.js';
import type { Actor } from '../model/actor.js';
import type { Locale, LocalizedText } from '@fioco-flow/rules';
import type { ApplicationEventRecord, StoredApplication } from '../store/port.js';

/**
 * What an actor may see of an application: `full` for the owning organization's representatives and for staff;
 * `restricted` (no participant personal data, no code word, no file names) for anyone else the host lets through,
 * such as the system clock. A representative of another organization sees nothing.
 *
 * @example
 * ```ts
 * import { visibilityFor, type Visibility } from '@fioco-flow/core';
 *
 * const visibility: Visibility | null = visibilityFor({ id: 'clock', role: 'system' }, { organizationId: 'org-1' }); //=> 'restricted'
 * ```
 */
export type Visibility = 'full' | 'restricted';

/**
 * An application as visible to one actor: the indexed fields, the state with its label, and the data redacted for
 * the actor's visibility.
 *
 * @example
 * ```ts
 * import type { ApplicationView } from '@fioco-flow/core';
 *
 * function headline(view: ApplicationView): string {
 *   return `${view.data.program.title.ru}: ${view.stateLabel.ru} (версия ${view.version})`;
 * }
 * ```
 */
export interface ApplicationView {
  readonly id: string;
  readonly organizationId: string;
  readonly programId: string;
  readonly version: number;
  readonly state: ApplicationState;
  readonly stateLabel: LocalizedText;
  readonly final: boolean;
  readonly nextDeadlineAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly visibility: Visibility;
  readonly data: ApplicationData;
}

/**
 * Returns the visibility of an application for an actor, or `null` when the actor may not see it at all.
 *
 * @example
 * ```ts
 * import { visibilityFor } from '@fioco-flow/core';
 *
 * visibilityFor({ id: 'rep-2', role: 'representative', organizationId: 'org-2' }, { organizationId: 'org-1' }); //=> null
 * visibilityFor({ id: 'staff-1', role: 'staff' }, { organizationId: 'org-1' });                                 //=> 'full'
 * ```
 */
export function visibilityFor(actor: Actor, application: { readonly organizationId: string }): Visibility | null {
  return match(actor)
    .with({ role: 'staff' }, (): Visibility => 'full')
    .with({ role: 'representative' }, ({ organizationId }) => (organizationId === application.organizationId ? 'full' : null))
    .with({ role: 'system' }, (): Visibility => 'restricted')
    .exhaustive();
}

function redactRow(row: ParticipantRowData): ParticipantRowData {
  const redacted: Record<string, unknown> = { ...row };
  for (const field of personalDataFields) delete redacted[field];
  return redacted as ParticipantRowData;
}

function redactData(data: ApplicationData): ApplicationData {
  return {
    ...data,
    rows: data.rows.map(redactRow),
    documents: data.documents.map((document) => ({
      ...document,
      versions: document.versions.map((version) => ({ ...version, file: { ...version.file, name: '' } })),
    })),
    access: null,
  };
}

/** Builds the view of a stored application for a visibility. */
export function toView(application: StoredApplication, visibility: Visibility): ApplicationView {
  return {
    id: application.id,
    organizationId: application.organizationId,
    programId: application.programId,
    version: application.version,
    state: application.state,
    stateLabel: stateLabels[application.state],
    final: application.final,
    nextDeadlineAt: application.nextDeadlineAt,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    visibility,
    data: visibility === 'full' ? application.snapshot.data : redactData(application.snapshot.data),
  };
}

const personalPayloadTypes = new Set(['row.add', 'row.update', 'document.attach', 'document.replace']);

/** Redacts an event for a visibility: restricted views lose personal payloads and the code word. */
export function redactEvent(event: ApplicationEventRecord, visibility: Visibility): ApplicationEventRecord {
  if (visibility === 'full') return event;
  const { codeWord: _codeWord, ...generated } = event.generated;
  return { ...event, payload: personalPayloadTypes.has(event.type) ? {} : event.payload, generated };
}

/**
 * Returns the label of a state in a language.
 *
 * @example
 * ```ts
 * import { stateLabel } from '@fioco-flow/core';
 *
 * stateLabel('awaiting_payment');       //=> 'Ожидается оплата'
 * stateLabel('awaiting_payment', 'en'); //=> 'Awaiting payment'
 * ```
 */
export function stateLabel(state: ApplicationState, locale: Locale = 'ru'): string {
  return stateLabels[state][locale];
}
