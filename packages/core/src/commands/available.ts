import type { Locale } from '@fioco-flow/rules';
import { pathToStateValue } from 'xstate';
import type { BlockReason, ConditionName } from '../machine/conditions.js';
import { applyTick, conditionParams, evaluateCommand, structureMachine, type ApplicationSnapshot } from '../machine/inspect.js';
import type { ApplicationState } from '../machine/states.js';
import type { ApplicationEvent } from '../machine/events.js';
import { formatReason } from '../messages/reasons.js';
import type { ApplicationData } from '../model/application.js';
import type { Actor } from '../model/actor.js';
import { toIsoInstant } from '../model/instant.js';
import { commandCatalog, isAllowedRole } from './catalog.js';
import { commandTypes, type CommandType } from './payloads.js';

/**
 * A command the actor may send in the application's current state: available, or blocked with the reasons.
 * `message` is the whole sentence, e.g. «Договор нельзя подтвердить: 2 из 5 документов ещё не приняты.»
 *
 * @example
 * ```ts
 * import type { AvailableCommand } from '@fioco-flow/core';
 *
 * const blocked: AvailableCommand = {
 *   type: 'contract.confirm',
 *   label: 'Подтвердить договор',
 *   available: false,
 *   reasons: [{ condition: 'allDocumentsAccepted', params: { notAccepted: 2, total: 5 }, message: '2 из 5 документов ещё не приняты' }],
 *   message: 'Договор нельзя подтвердить: 2 из 5 документов ещё не приняты.',
 * };
 * ```
 */
export interface AvailableCommand {
  readonly type: CommandType;
  readonly label: string;
  readonly available: boolean;
  readonly reasons: readonly BlockReason[];
  readonly message: string | null;
}

/** Renders failing conditions as block reasons with messages. */
export function blockReasons(
  failing: readonly ConditionName[],
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
  locale: Locale,
): BlockReason[] {
  return conditionParams(failing, snapshot, event).map(
    ({ condition, params }) => ({ condition, params, message: formatReason(condition, params as never, locale) }) as BlockReason,
  );
}

/** Renders the sentence «<prefix>: <reason>; <reason>.» of a blocked command. */
export function blockedMessage(type: CommandType, reasons: readonly BlockReason[], locale: Locale): string {
  return `${commandCatalog[type].blocked[locale]}: ${reasons.map((reason) => reason.message).join('; ')}.`;
}


/** Restores a machine snapshot of the structure machine from an application's state and data. */
export function structureSnapshot(application: { readonly state: ApplicationState; readonly data: ApplicationData }): ApplicationSnapshot {
  return structureMachine.resolveState({ value: pathToStateValue(application.state.split('.')) as never, context: application.data });
}

/**
 * Lists the commands an actor may send now: the transitions out of the current state, for the actor's role, with
 * the state conditions of their guards checked at `now` (the clock applied first, as `dispatch` does). A blocked
 * command carries its reasons; conditions on the payload (which document, what amount) are checked by `dispatch`.
 * A representative of another organization gets an empty list.
 *
 * @param options `now` defaults to the application's last change; `locale` to Russian.
 * @throws {RangeError} when `now` is not a valid instant.
 * @example
 * ```ts
 * import { availableCommands } from '@fioco-flow/core';
 *
 * const [confirm] = availableCommands(application, staff, { now: '2026-03-10T09:00:00Z' })
 *   .filter((command) => command.type === 'contract.confirm');
 * confirm.message; //=> 'Договор нельзя подтвердить: 2 из 5 документов ещё не приняты.'
 * ```
 */
export function availableCommands(
  application: { readonly state: ApplicationState; readonly data: ApplicationData },
  actor: Actor,
  options: { readonly now?: string | Date; readonly locale?: Locale } = {},
): AvailableCommand[] {
  const locale = options.locale ?? 'ru';
  if (actor.role === 'representative' && actor.organizationId !== application.data.organizationId) return [];

  const at = toIsoInstant(options.now ?? application.data.updatedAt);
  const original = structureSnapshot(application);
  const ticked = applyTick(structureMachine, original, at).snapshot;

  const result: AvailableCommand[] = [];
  for (const type of commandTypes) {
    if (!isAllowedRole(type, actor.role)) continue;
    // The clock itself is judged on the state before it is applied.
    const snapshot = type === 'clock.tick' ? original : ticked;
    const probe = { type, at, actor, payload: {}, generated: {} } as unknown as ApplicationEvent;
    const evaluation = evaluateCommand(snapshot, probe, { includePayload: false });
    if (evaluation.kind === 'not_in_state') continue;

    const label = commandCatalog[type].label[locale];
    if (evaluation.kind === 'allowed') {
      result.push({ type, label, available: true, reasons: [], message: null });
    } else {
      const reasons = blockReasons(evaluation.failing, snapshot, probe, locale);
      result.push({ type, label, available: false, reasons, message: blockedMessage(type, reasons, locale) });
    }
  }
  return result;
}
