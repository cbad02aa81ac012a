// Service dispatch on the in-memory store against the bare machine, which restores the persisted snapshot,
// transitions and serializes. Run through `pnpm bench`, which builds the packages first, because this file imports
// the built package. Writes bench/results/core-dispatch.json at the repository root and prints the ratio.
import { isDeepStrictEqual } from 'node:util';
import { Bench } from 'tinybench';
import { pathToStateValue, transition } from 'xstate';
import { createMemoryStore, machineVersion, stateOf } from '@fioco-flow/core';
import { benchInstant, benchRows, createBenchService, createFilledDraft, draftUpdate, formatRate, median, printComparison, writeResults } from './support.mjs';

const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET = 0.5;

const store = createMemoryStore();
const service = createBenchService(store);
const { id, actor } = await createFilledDraft(service, 0);

// The floor starts from the same persisted snapshot the service reads, and keeps its own copy from then on.
let persisted = (await store.get(id)).snapshot;
const snapshotBytes = Buffer.byteLength(JSON.stringify(persisted));
let serialized = '';
let floorSequence = 0;
const floor = () => {
  floorSequence += 1;
  const snapshot = service.machine.resolveState({ value: pathToStateValue(persisted.state.split('.')), context: persisted.data });
  const { type, payload } = draftUpdate(floorSequence);
  const [next] = transition(service.machine, snapshot, { type, at: benchInstant, actor, payload, generated: {} });
  persisted = { machineVersion, state: stateOf(next), data: next.context };
  serialized = JSON.stringify(persisted);
};

let oursSequence = 0;
const ours = async () => {
  oursSequence += 1;
  const result = await service.dispatch(id, actor, draftUpdate(oursSequence));
  if (!result.ok) throw new Error(`draft.update failed: ${result.error.code} (${result.error.message})`);
};

// Both must do the same work: the floor's application after a draft.update equals the service's.
floor();
await ours();
if (!isDeepStrictEqual((await store.get(id)).snapshot, persisted)) {
  throw new Error('The floor and the service disagree on the application after draft.update.');
}

const rounds = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const bench = new Bench({ time: TIME_MS, warmupTime: round === 0 ? 200 : 50, throws: true });
  // Alternate which goes first, so neither always runs right after the other's garbage.
  if (round % 2 === 0) bench.add('floor', floor).add('ours', ours);
  else bench.add('ours', ours).add('floor', floor);
  await bench.run();
  rounds.push(Object.fromEntries(bench.tasks.map((task) => [task.name, 1000 / task.result.period])));
}

const measurement = {
  floor: Math.round(median(rounds.map((round) => round.floor))),
  ours: Math.round(median(rounds.map((round) => round.ours))),
  ratio: Number(median(rounds.map((round) => round.ours / round.floor)).toFixed(3)),
  rounds: { floor: rounds.map((round) => Math.round(round.floor)), ours: rounds.map((round) => Math.round(round.ours)) },
};

const file = writeResults('core-dispatch', {
  benchmark: 'packages/core/bench/dispatch.bench.mjs',
  unit: 'operations per second',
  command: 'draft.update (comment) by the representative, sequentially, on one application',
  application: { state: 'draft', rows: benchRows, documents: benchRows * 2, snapshotBytes },
  floor: 'machine.resolveState from the persisted snapshot, transition(), JSON.stringify of the persisted form',
  ours: 'service.dispatch on createMemoryStore()',
  timePerTaskMs: TIME_MS,
  rounds: ROUNDS,
  dispatch: measurement,
  targets: [{ case: 'dispatch, memory store', ratio: 'ours / floor', minimum: TARGET, value: measurement.ratio, met: measurement.ratio >= TARGET }],
});

console.log(`@fioco-flow/core dispatch benchmark (${process.version}), application with ${benchRows} rows, snapshot ${formatRate(snapshotBytes)} bytes`);
printComparison('dispatch on the memory store', measurement, TARGET);
console.log(`results: ${file}`);
