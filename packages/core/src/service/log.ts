import { initialTransition, transition } from 'xstate';
import { assertHealthy } from '../machine/inspect.js';
import type { ApplicationEvent } from '../machine/events.js';
import type { ApplicationMachine } from '../machine/machine.js';
import { machineVersion } from '../machine/machine.js';
import { nextDeadlineAt } from '../machine/queries.js';
import { persistSnapshot, stateOf, type PersistedApplication } from '../machine/persistence.js';
import { isFinalState, type ApplicationState } from '../machine/states.js';
import type { Actor } from '../model/actor.js';
import type { Program } from '../model/program.js';
import type { ApplicationEventRecord, StoredApplication } from '../store/port.js';

/**
 * The payload of an `application.create` event.
 *
 * @example
 * ```ts
 * import type { CreationPayload } from '@fioco-flow/core';
 *
 * const payload: CreationPayload = { organizationId: 'org-1', program };
 * ```
 */
export interface CreationPayload {
  readonly organizationId: string;
  readonly program: Program;
}

/** Builds the event log entry of a machine event. */
export function eventRecord(applicationId: string, version: number, event: ApplicationEvent, state: ApplicationState): ApplicationEventRecord {
  return {
    applicationId,
    version,
    type: event.type,
    at: event.at,
    actor: event.actor,
    payload: event.payload,
    generated: event.generated,
    state,
    machineVersion,
  };
}

/** Builds the stored form of a machine snapshot at a version, with its indexed columns. */
export function toStored(snapshot: Parameters<typeof persistSnapshot>[0], version: number): StoredApplication {
  const persisted = persistSnapshot(snapshot);
  const { data, state } = persisted;
  return {
    id: data.id,
    organizationId: data.organizationId,
    programId: data.program.id,
    state,
    final: isFinalState(state),
    version,
    codeWord: data.access?.codeWord ?? null,
    nextDeadlineAt: nextDeadlineAt(data, state),
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    snapshot: persisted,
  };
}

/**
 * Rebuilds an application from its event log: the `application.create` event first, then every command and tick in
 * version order. Generated values (ids, the code word) come from the events, so the result equals the stored
 * snapshot.
 *
 * NOTE: deadlines are recomputed on the calendar the machine was built with; after a calendar update (a
 * provisional year replaced by its decree) a replay may compute other review or originals dates than the stored ones.
 *
 * @throws {Error} when the log is empty, does not start with `application.create`, skips a version, or an event
 *   does not lead to the state it recorded.
 * @example
 * ```ts
 * import { replayEvents } from '@fioco-flow/core';
 *
 * const rebuilt = replayEvents(machine, await store.events(id));
 * rebuilt.state; //=> 'enrolled'
 * ```
 */
export function replayEvents(machine: ApplicationMachine, events: readonly ApplicationEventRecord[]): PersistedApplication {
  const [first, ...rest] = events;
  if (first === undefined || first.type !== 'application.create') {
    throw new Error('An event log must start with an application.create event.');
  }

  const creation = first.payload as CreationPayload;
  let snapshot = initialTransition(machine, {
    id: first.applicationId,
    organizationId: creation.organizationId,
    program: creation.program,
    createdAt: first.at,
    createdBy: (first.actor as Actor).id,
  })[0];
  assertHealthy(snapshot);

  let version = first.version;
  for (const record of rest) {
    if (record.version !== version + 1) {
      throw new Error(`The event log of ${record.applicationId} jumps from version ${version} to ${record.version}.`);
    }
    version = record.version;
    snapshot = assertHealthy(
      transition(machine, snapshot, {
        type: record.type,
        at: record.at,
        actor: record.actor,
        payload: record.payload,
        generated: record.generated,
      } as ApplicationEvent)[0],
    );
    if (stateOf(snapshot) !== record.state) {
      throw new Error(
        `Replaying ${record.type} at version ${record.version} of ${record.applicationId} gave state ${stateOf(snapshot)}, the log recorded ${record.state}.`,
      );
    }
  }
  return persistSnapshot(snapshot);
}
