import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyTransitionDefinition } from 'xstate';
import { createTestModel, getAdjacencyMap, getShortestPaths, getStateNodes, type StatePath } from 'xstate/graph';
import {
  applicationStates,
  createApplicationMachine,
  describeMachine,
  stateOf,
  type ApplicationEvent,
  type ApplicationMachine,
} from '@fioco-flow/core';
import { calendar, createHarness, ok, representative } from './helpers.js';
import { modelEvents, modelInput, serializeModelState } from './graph-model.js';

const machine = createApplicationMachine({ calendar });
type Snapshot = ReturnType<ApplicationMachine['transition']>;
type Path = StatePath<Snapshot, ApplicationEvent>;

const traversal = {
  input: modelInput,
  events: (snapshot: Snapshot) => modelEvents(snapshot),
  serializeState: (snapshot: Snapshot) => serializeModelState(snapshot),
  serializeEvent: (event: ApplicationEvent) => JSON.stringify(event),
  // createTestModel adds a bare `{ type }` for every event a state handles; only generated events count.
  filterEvents: (_snapshot: Snapshot, event: ApplicationEvent) => 'at' in event,
};

/** The id `<state>:<command>:<index>` of a transition definition, as `describeMachine` names it. */
function transitionId(definition: AnyTransitionDefinition): string {
  const source = definition.source;
  const index = source.transitions.get(definition.eventType)?.indexOf(definition) ?? -1;
  return `${source.path.join('.')}:${definition.eventType}:${index}`;
}

const allTransitions = describeMachine()
  .transitions.map((entry) => entry.id)
  .sort();

// The walk: every abstract state with the events tried there, the shortest path to each, and one path per edge
// (the shortest path to the edge's source, then the edge).
const adjacency = getAdjacencyMap(machine, traversal);
const shortestPaths = getShortestPaths(machine, traversal);
const edgeCount = Object.values(adjacency).reduce((count, entry) => count + Object.keys(entry.transitions).length, 0);

/**
 * Replays a path's steps from the initial snapshot, reusing the replay of its prefix: a shortest path extends the
 * shortest path to its predecessor by one step. Records the transitions taken and every step whose replayed
 * state differs from the state the walk recorded.
 */
interface Replay {
  readonly snapshot: Snapshot;
  readonly transitions: readonly string[];
  readonly mismatches: readonly string[];
}
const replays = new Map<string, Replay>();
const [initialSnapshot] = initialTransition(machine, modelInput);
replays.set('', { snapshot: initialSnapshot, transitions: [], mismatches: [] });

function extend(previous: Replay, step: { event: ApplicationEvent; state: Snapshot }): Replay {
  const taken = machine.getTransitionData(previous.snapshot, step.event).map(transitionId);
  const [snapshot] = transition(machine, previous.snapshot, step.event);
  const mismatch = stateOf(snapshot) === stateOf(step.state) ? [] : [`${step.event.type}: ${stateOf(snapshot)} ≠ ${stateOf(step.state)}`];
  return { snapshot, transitions: [...previous.transitions, ...taken], mismatches: [...previous.mismatches, ...mismatch] };
}

function replay(steps: readonly { event: ApplicationEvent; state: Snapshot }[]): Replay {
  const key = steps.map((step) => serializeModelState(step.state)).join('|');
  const known = replays.get(key);
  if (known !== undefined) return known;
  const last = steps.at(-1);
  const result = last === undefined ? (replays.get('') as Replay) : extend(replay(steps.slice(0, -1)), last);
  replays.set(key, result);
  return result;
}

const pathTo = new Map(shortestPaths.map((path) => [serializeModelState(path.state), path]));
const edgePaths: { path: Path; replay: Replay }[] = Object.entries(adjacency).flatMap(([key, entry]) => {
  const head = pathTo.get(key);
  if (head === undefined) return [];
  const headReplay = replay(head.steps);
  const edges = Object.values(entry.transitions) as { event: ApplicationEvent; state: Snapshot }[];
  return edges.map((edge) => {
    const step = { event: edge.event, state: edge.state };
    return { path: { state: edge.state, steps: [...head.steps, step], weight: head.weight + 1 }, replay: extend(headReplay, step) };
  });
});

describe('application machine walked by xstate/graph', () => {
  it(`explores ${Object.keys(adjacency).length} abstract states, ${edgeCount} edges, ${shortestPaths.length} shortest paths`, () => {
    expect(shortestPaths.length).toBe(Object.keys(adjacency).length);
    expect(edgePaths.length).toBe(edgeCount);
  });

  it('reaches every state', () => {
    const reached = new Set(shortestPaths.map((path) => stateOf(path.state)));
    expect([...reached].sort()).toEqual([...applicationStates].sort());
  });

  it(`takes all ${allTransitions.length} transitions along the generated paths`, () => {
    const reached = new Set(edgePaths.flatMap((entry) => entry.replay.transitions));
    expect([...reached].sort()).toEqual(allTransitions);
  });

  it('replays every path to the states the walk recorded', () => {
    expect(edgePaths.flatMap((entry) => entry.replay.mismatches)).toEqual([]);
  });

  it('names transitions as the chart does', () => {
    const definitions = getStateNodes(machine.root).flatMap((node) => [...node.transitions.values()].flatMap((list) => list.map(transitionId)));
    expect(definitions.sort()).toEqual(allTransitions);
    const chartStates = describeMachine()
      .states.filter((state) => state.id !== 'in_work')
      .map((state) => state.id);
    expect(chartStates.sort()).toEqual([...applicationStates].sort());
  });

  it('offers no event in a final state', () => {
    const finals = shortestPaths.filter((path) => path.state.status === 'done');
    expect(new Set(finals.map((path) => stateOf(path.state))).size).toBe(6);
    for (const path of finals) expect(machine.getTransitionData(path.state, { type: 'clock.tick' } as ApplicationEvent)).toEqual([]);
  });
});

describe('the service follows the model', () => {
  // createTestModel replays paths against the service on a memory store: each step is dispatched as a command
  // at its instant (ticks go through the service's due index), and after each step the stored state must equal
  // the model's. A greedy cover of the transitions by edge paths, longest first, keeps the run short.
  const model = createTestModel(machine, traversal);
  const covering: Path[] = [];
  const uncovered = new Set(allTransitions);
  for (const entry of [...edgePaths].sort((a, b) => b.path.steps.length - a.path.steps.length)) {
    const taken = entry.replay.transitions.filter((id) => uncovered.has(id));
    if (taken.length === 0) continue;
    covering.push(entry.path);
    for (const id of taken) uncovered.delete(id);
  }

  it(`covers every transition with ${covering.length} paths`, () => {
    expect([...uncovered]).toEqual([]);
  });

  it.each(covering.map((path, index) => [index + 1, path.steps.length, path] as const))('replays path %i (%i steps)', async (_index, _length, path) => {
    const harness = createHarness();
    harness.clock.set(modelInput.createdAt);
    const created = ok(await harness.service.create(representative, { programId: modelInput.program.id }));
    const id = created.application.id;

    // The model names rows, documents and messages itself; the service generates its own ids.
    const ids = new Map<string, string>();
    const translate = (value: unknown): unknown => {
      if (typeof value === 'string') return ids.get(value) ?? value;
      if (Array.isArray(value)) return value.map(translate);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, translate(entry)]));
      }
      return value;
    };
    const execute = async (step: { event: ApplicationEvent }) => {
      const { event } = step;
      harness.clock.set(event.at);
      if (event.type === 'clock.tick') {
        await harness.service.tick(event.at);
        return;
      }
      const payload = translate(event.payload);
      const result = ok(await harness.service.dispatch(id, event.actor, { type: event.type, payload } as never));
      if (event.generated.id !== undefined) ids.set(event.generated.id, result.event.generated.id as string);
    };
    const checkState = async (snapshot: Snapshot) => {
      expect((await harness.store.get(id))?.state).toBe(stateOf(snapshot));
    };

    await model.testPath(path, {
      events: Object.fromEntries(allTransitions.map((transitionKey) => [transitionKey.split(':')[1], execute])),
      states: Object.fromEntries([...applicationStates, 'in_work'].map((state) => [state, checkState])),
    });
    expect((await harness.store.get(id))?.state).toBe(stateOf(path.state));
  });
});
