import type { WorkCalendar } from '@fioco-flow/rules';
import { getNextTransitions, transition, type AnyTransitionDefinition, type SnapshotFrom } from 'xstate';
import type { CommandType } from '../commands/payloads.js';
import { clockActor } from '../model/actor.js';
import { conditions, type ConditionName } from './conditions.js';
import type { ApplicationEvent } from './events.js';
import { failingConditions, guardPlans, type GuardName } from './guards.js';
import { createApplicationMachine, type ApplicationMachine } from './machine.js';
import { stateOf } from './persistence.js';

/** A snapshot of the application machine. */
export type ApplicationSnapshot = SnapshotFrom<ApplicationMachine>;

const calendarless = new Proxy({} as WorkCalendar, {
  get(_target, property) {
    throw new Error(
      `The structure machine has no calendar (read ${String(property)}): build a runnable one with createApplicationMachine({ calendar }).`,
    );
  },
});

/**
 * The machine used only for its structure and guards (which never read a calendar): transitions out of a state,
 * the chart, available commands, and ticks (lapses and flags use stored deadlines).
 */
export const structureMachine: ApplicationMachine = createApplicationMachine({ calendar: calendarless });

function guardName(definition: AnyTransitionDefinition): GuardName | undefined {
  const guard = definition.guard as unknown;
  if (guard === undefined) return undefined;
  const name = typeof guard === 'string' ? guard : (guard as { type?: unknown }).type;
  if (typeof name !== 'string' || !(name in guardPlans)) {
    throw new Error(`A transition of the application machine uses guard ${String(name)}, which has no plan in guardPlans.`);
  }
  return name as GuardName;
}

/** The transitions of the current state (and its ancestors) for one command type, in the order the machine tries them. */
export function transitionsFor(snapshot: ApplicationSnapshot, type: CommandType): AnyTransitionDefinition[] {
  return getNextTransitions(snapshot).filter((definition) => definition.eventType === type);
}

/** How the machine would take a command: not in this state, blocked by failing conditions, or allowed. */
export type CommandEvaluation =
  | { readonly kind: 'not_in_state' }
  | { readonly kind: 'blocked'; readonly failing: readonly ConditionName[] }
  | { readonly kind: 'allowed' };

/**
 * Evaluates a command against a snapshot: allowed when some transition's guard passes; when all fail, the failing
 * conditions of the candidate that misses the fewest. With `includePayload: false` only state conditions count.
 */
export function evaluateCommand(
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
  options: { readonly includePayload: boolean } = { includePayload: true },
): CommandEvaluation {
  const candidates = transitionsFor(snapshot, event.type);
  if (candidates.length === 0) return { kind: 'not_in_state' };

  let fewest: ConditionName[] | undefined;
  for (const candidate of candidates) {
    const guard = guardName(candidate);
    if (guard === undefined) return { kind: 'allowed' };
    const failing = failingConditions(guard, snapshot.context, event, options);
    if (failing.length === 0) return { kind: 'allowed' };
    if (fewest === undefined || failing.length < fewest.length) fewest = failing;
  }
  return { kind: 'blocked', failing: fewest ?? [] };
}

/**
 * Rethrows the error a snapshot holds. XState keeps an error thrown by an action (a calendar without data for a
 * deadline's year) in the snapshot instead of throwing it.
 *
 * @throws the error of a snapshot whose status is `error`.
 */
export function assertHealthy<T extends { readonly status: string; readonly error?: unknown }>(snapshot: T): T {
  if (snapshot.status === 'error') throw snapshot.error;
  return snapshot;
}

/** A `clock.tick` event at an instant. */
export function tickEvent(at: string): ApplicationEvent {
  return { type: 'clock.tick', at, actor: clockActor, payload: {}, generated: {} };
}

/**
 * Applies the clock at `at`: returns the next snapshot and whether the tick changed anything (a lapse or a flag).
 * Ticks never compute deadlines, so the structure machine serves when no runnable one is at hand.
 */
export function applyTick(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  at: string,
): { readonly snapshot: ApplicationSnapshot; readonly changed: boolean } {
  if (evaluateCommand(snapshot, tickEvent(at)).kind !== 'allowed') return { snapshot, changed: false };
  const next = assertHealthy(transition(machine, snapshot, tickEvent(at))[0]);
  return { snapshot: next, changed: stateOf(next) !== stateOf(snapshot) || next.context !== snapshot.context };
}

/** The facts of failing conditions, for reason messages. */
export function conditionParams(names: readonly ConditionName[], snapshot: ApplicationSnapshot, event: ApplicationEvent) {
  return names.map((name) => ({ condition: name, params: conditions[name].params(snapshot.context, event) }));
}
