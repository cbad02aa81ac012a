import type { CommandPayload, CommandType } from '../commands/payloads.js';
import type { Actor } from '../model/actor.js';
import type { Program } from '../model/program.js';

/**
 * Values the service generated for a command and recorded in its event, so that replaying the event log reuses
 * them: the id of the entity the command creates (row, document, message, payment) and the code word.
 */
export interface GeneratedValues {
  readonly id?: string;
  readonly codeWord?: string;
}

/**
 * An event of the application machine: a validated command with the instant it happened (`at`, ISO UTC), the
 * actor who sent it, and the generated values. Time enters the machine only here.
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

/** The machine event of one command type. */
export type ApplicationEventOf<K extends CommandType> = Extract<ApplicationEvent, { readonly type: K }>;

/** Input of a new application: its id, the organization, the program as it is now, and who created it when. */
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
