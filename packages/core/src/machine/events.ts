import type { CommandPayload, CommandType } from '../commands/payloads.js';
import type { Actor } from '../model/actor.js';
import type { Program } from '../model/program.js';

/**
 * Values the service generated for a command and recorded in its event, so that replaying the event log reuses
 * them: the id of the entity the command creates (row, document, message, payment) and the code word.
 *
 * @example
 * ```ts
 * import type { GeneratedValues } from '@fioco-flow/core';
 *
 * const confirm: GeneratedValues = { codeWord: 'K7QM-4RTX-9BHD' };
 * const rowAdd: GeneratedValues = { id: 'row-5' };
 * ```
 */
export interface GeneratedValues {
  readonly id?: string;
  readonly codeWord?: string;
}

/**
 * An event of the application machine: a validated command with the instant it happened (`at`, ISO UTC), the
 * actor who sent it, and the generated values. Time enters the machine only here.
 *
 * @example
 * ```ts
 * import { clockActor, type ApplicationEvent } from '@fioco-flow/core';
 *
 * const tick: ApplicationEvent = { type: 'clock.tick', at: '2026-03-04T21:00:00.000Z', actor: clockActor, payload: {}, generated: {} };
 * ```
 */
export type ApplicationEvent = {
  [K in CommandType]: {
    readonly type: K;
    readonly at: string;
    readonly actor: Actor;
    readonly payload: CommandPayload<K>;
    readonly generated: GeneratedValues;
  };
}[CommandType];

/**
 * The machine event of one command type.
 *
 * @example
 * ```ts
 * import type { ApplicationEventOf } from '@fioco-flow/core';
 *
 * type Confirm = ApplicationEventOf<'contract.confirm'>; // { type: 'contract.confirm'; …; generated: { codeWord } }
 * ```
 */
export type ApplicationEventOf<K extends CommandType> = Extract<ApplicationEvent, { readonly type: K }>;

/**
 * Input of a new application: its id, the organization, the program as it is now, and who created it when.
 *
 * @example
 * ```ts
 * import type { ApplicationInput } from '@fioco-flow/core';
 *
 * const input: ApplicationInput = { id: 'a-1', organizationId: 'org-1', program, createdAt: '2026-02-20T09:00:00.000Z', createdBy: 'rep-orlova' };
 * ```
 */
export interface ApplicationInput {
  readonly id: string;
  readonly organizationId: string;
  readonly program: Program;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * Narrows a machine event to one command type.
 *
 * @throws {TypeError} when the event has another type: an action was wired to the wrong transition.
 */
export function eventOf<K extends CommandType>(event: ApplicationEvent, type: K): ApplicationEventOf<K> {
  if (event.type !== type) {
    throw new TypeError(`Expected a ${type} event, got ${event.type}: the action is wired to the wrong transition.`);
  }
  return event as ApplicationEventOf<K>;
}

/** Milliseconds since the epoch of an ISO instant. */
export function instantMs(instant: string): number {
  return Date.parse(instant);
}
