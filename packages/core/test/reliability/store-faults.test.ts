/**
 * Store failures during a dispatch. A wrapper around the memory store throws at every store call a dispatch makes,
 * once before the call reaches the store and once after the store did its work but before the result returns (a
 * connection lost after a commit). Whatever the point, the store must contain the state before the command or the
 * state after it, never a part of it. Its log must replay to its snapshot. A retry with the same idempotency key must
 * apply the command exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, ApplicationEventRecord, ApplicationStore, DispatchResult, IdempotencyRecord, StoredApplication } from '@fioco-flow/core';
import { actors, organization, participantRow, type ActorKey } from './commands.js';
import { checkpointOf, driveUntil, nowOf, primaryOf, restore, type Checkpoint, type Real, type World } from './harness.js';
import { isSubmittable, type ModelApplication } from './procedure-model.js';

/** The error the wrapper throws, so that tests can tell it from any other error. */
class InjectedFault extends Error {
  constructor(readonly point: string) {
    super(`Injected store failure ${point}`);
  }
}

const storeMethods = [
  'get',
  'list',
  'insert',
  'update',
  'events',
  'findActive',
  'isCodeWordTaken',
  'getIdempotency',
  'claimIdempotency',
  'saveIdempotency',
  'releaseIdempotency',
] as const satisfies readonly (keyof ApplicationStore)[];

interface FaultPoint {
  /** Position of the failing call among the store calls of the operation, from 0. */
  readonly index: number;
  /** `before`: the call fails without reaching the store; `after`: the store did its work, then the call fails. */
  readonly when: 'before' | 'after';
}

/** Wraps a store so that one armed call fails, and records the calls made since it was armed. */
function createFaultInjector() {
  const calls: string[] = [];
  let armed: FaultPoint | null = null;
  let recording = false;

  function wrap(inner: ApplicationStore): ApplicationStore {
    const wrapped: Record<string, unknown> = {};
    for (const method of storeMethods) {
      wrapped[method] = async (...args: unknown[]) => {
        const index = calls.length;
        if (recording) calls.push(method);
        const fault = recording && armed !== null && armed.index === index ? armed : null;
        if (fault?.when === 'before') {
          armed = null;
          throw new InjectedFault(`before ${method} (call ${index})`);
        }
        const result = await (inner[method] as (...values: unknown[]) => Promise<unknown>)(...args);
        if (fault?.when === 'after') {
          armed = null;
          throw new InjectedFault(`after ${method} (call ${index})`);
        }
        return result;
      };
    }
    return wrapped as unknown as ApplicationStore;
  }

  return {
    wrap,
    calls,
    /** Starts recording calls, failing at `point` when given. */
    arm(point: FaultPoint | null) {
      calls.length = 0;
      armed = point;
      recording = true;
    },
    disarm() {
      armed = null;
      recording = false;
    },
  };
}

/** Everything in the store that a command may change: every application with its log, and the command's key. */
interface StoreContents {
  readonly applications: readonly { readonly stored: StoredApplication | undefined; readonly events: readonly ApplicationEventRecord[] }[];
  readonly record: IdempotencyRecord | undefined;
}

async function contentsOf(real: Real, actor: Actor, key: string | undefined): Promise<StoreContents> {
  const applications = [];
  for (const { id } of await real.store.list()) applications.push({ stored: await real.store.get(id), events: await real.store.events(id) });
  const record = key === undefined ? undefined : await real.store.getIdempotency(actor.id, key, nowOf(real));
  return { applications, record };
}

/** Replaces generated ids and code words, so that a run that generated other ones compares equal. */
function normalized(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .replace(/faults-\d+/gu, '<id>')
      .replace(/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/gu, '<code word>'),
  );
}

/** Checks that every application's log replays to its snapshot and has one event per version. */
async function expectConsistent(real: Real, contents: StoreContents, point: string): Promise<void> {
  for (const { stored, events } of contents.applications) {
    if (stored === undefined) {
      expect(events, `events of a missing application after a failure ${point}`).toEqual([]);
      continue;
    }
    expect(events.map((event) => event.version), `versions after a failure ${point}`).toEqual(events.map((_, index) => index + 1));
    expect(real.service.replay(events), `replay after a failure ${point}`).toEqual(stored.snapshot);
  }
}

/** One operation to break: where it starts, who sends what, and which applications it may touch. */
interface Scenario {
  readonly name: string;
  readonly checkpoint: () => Promise<Checkpoint>;
  /** The instant the operation runs at; the checkpoint's instant by default. */
  readonly at?: string;
  readonly actor: ActorKey;
  readonly run: (real: Real, world: World, key: string | undefined) => Promise<DispatchResult | { ok: true; changed: number }>;
}

const checkpoints = new Map<string, Promise<Checkpoint>>();

/** Returns a loader of a checkpoint of the happy path, built once per name. */
function checkpoint(name: string, until: (application: ModelApplication) => boolean, pick = 0): () => Promise<Checkpoint> {
  return () => {
    let found = checkpoints.get(name);
    if (found === undefined) {
      found = driveUntil(until, pick, { name: `checkpoint-${name}` }).then(({ world, real }) => checkpointOf(name, world, real));
      checkpoints.set(name, found);
    }
    return found;
  };
}

const newDraft = checkpoint('new draft', () => true);
const readyDraft = checkpoint('ready draft', (application) => application.state === 'draft' && isSubmittable(application));
const underReview = checkpoint(
  'signed scans under review',
  (application) => application.state === 'in_work.signed_scans_under_review' && application.documents.every((document) => document.status === 'accepted'),
);
const enrolled = checkpoint('enrolled', (application) => application.state === 'enrolled' && application.invoiceSent, 0);
const submitted = checkpoint('submitted', (application) => application.state === 'submitted');

const primaryId = (world: World) => (primaryOf(world) as ModelApplication).id;

const dispatch =
  (type: string, payload: (world: World) => unknown) =>
  (actor: ActorKey) =>
  (real: Real, world: World, key: string | undefined) =>
    real.service.dispatch(primaryId(world), actors[actor], { type, payload: payload(world) }, key === undefined ? {} : { idempotencyKey: key });

const scenarios: Scenario[] = [
  {
    name: 'draft.update',
    checkpoint: newDraft,
    actor: 'owner',
    run: dispatch('draft.update', () => ({ organization, paymentTerms: 'prepayment', delivery: 'paper' }))('owner'),
  },
  {
    name: 'row.add (generates an id)',
    checkpoint: newDraft,
    actor: 'owner',
    run: dispatch('row.add', () => ({ row: participantRow(900) }))('owner'),
  },
  {
    name: 'application.submit',
    checkpoint: readyDraft,
    actor: 'owner',
    run: dispatch('application.submit', () => ({}))('owner'),
  },
  {
    name: 'contract.confirm (issues a code word)',
    checkpoint: underReview,
    actor: 'staff',
    run: dispatch('contract.confirm', () => ({}))('staff'),
  },
  {
    name: 'payment.record',
    checkpoint: enrolled,
    actor: 'staff',
    run: dispatch('payment.record', () => ({ amount: 100_000, paidOn: '2026-02-20', reference: 'п/п № 418' }))('staff'),
  },
  {
    name: 'a command refused in its state',
    checkpoint: enrolled,
    actor: 'owner',
    run: dispatch('row.add', () => ({ row: participantRow(901) }))('owner'),
  },
  {
    name: 'a refused command after the clock lapsed the draft',
    checkpoint: newDraft,
    at: '2026-03-04T21:00:00.000Z',
    actor: 'owner',
    run: dispatch('draft.update', () => ({ comment: 'Поздно' }))('owner'),
  },
  {
    name: 'an accepted command after the clock flagged the review',
    checkpoint: submitted,
    at: '2026-03-02T09:00:00.000Z',
    actor: 'staff',
    run: dispatch('document.accept', (world) => ({ documentId: (primaryOf(world) as ModelApplication).documents[0]?.id }))('staff'),
  },
  {
    name: 'application.create',
    checkpoint: newDraft,
    actor: 'other',
    run: (real, _world, key) => real.service.create(actors.other, { programId: 'vpr-2026-03' }, key === undefined ? {} : { idempotencyKey: key }),
  },
];

interface Reference {
  readonly trace: readonly string[];
  readonly result: unknown;
  readonly before: StoreContents;
  readonly after: StoreContents;
}

/** Runs a scenario without faults: the calls it makes and the contents before and after. */
async function referenceOf(scenario: Scenario, key: string | undefined): Promise<Reference> {
  const injector = createFaultInjector();
  const { world, real } = await restore(await scenario.checkpoint(), { name: 'faults', wrap: injector.wrap });
  if (scenario.at !== undefined) real.clock.set(scenario.at);
  const actor = actors[scenario.actor];

  const before = await contentsOf(real, actor, key);
  injector.arm(null);
  const result = await scenario.run(real, world, key);
  injector.disarm();
  const after = await contentsOf(real, actor, key);
  return { trace: [...injector.calls], result, before, after };
}

describe.each([
  { keyed: true, label: 'with an idempotency key' },
  { keyed: false, label: 'without an idempotency key' },
])('store failures $label', ({ keyed }) => {
  it.each(scenarios)('$name leaves no partial state and a retry works', async (scenario) => {
    const key = keyed ? 'retry-key-1' : undefined;
    const reference = await referenceOf(scenario, key);
    expect(reference.trace.length).toBeGreaterThan(0);
    const actor = actors[scenario.actor];
    const committed = JSON.stringify(reference.after.applications) !== JSON.stringify(reference.before.applications);

    for (let index = 0; index < reference.trace.length; index += 1) {
      for (const when of ['before', 'after'] as const) {
        const point = `${when} ${reference.trace[index]} (call ${index} of ${reference.trace.join(', ')})`;
        const injector = createFaultInjector();
        const { world, real } = await restore(await scenario.checkpoint(), { name: 'faults', wrap: injector.wrap });
        if (scenario.at !== undefined) real.clock.set(scenario.at);

        injector.arm({ index, when });
        await expect(scenario.run(real, world, key), `a failure ${point} reaches the caller`).rejects.toBeInstanceOf(InjectedFault);
        injector.disarm();

        // Either nothing of the command was written, or all of it: the application, its events and its key.
        const broken = await contentsOf(real, actor, key);
        await expectConsistent(real, broken, point);
        const unchanged = JSON.stringify(broken.applications) === JSON.stringify(reference.before.applications);
        const applied = JSON.stringify(normalized(broken.applications)) === JSON.stringify(normalized(reference.after.applications));
        expect(unchanged || applied, `the store after a failure ${point} holds the state before or after the command`).toBe(true);
        if (keyed && applied && committed && (reference.result as { ok: boolean }).ok) {
          expect(broken.record?.status, `the key is written with the application, failure ${point}`).toBe('completed');
        }

        // A retry gives the first outcome, and the command is in the log once.
        if (!keyed && applied && committed) continue;
        let retried = await scenario.run(real, world, key);
        if (!retried.ok && 'error' in retried && retried.error.code === 'idempotency_in_progress') {
          // The key was claimed before the failure: it stays blocked until the pending record expires (60 s).
          expect(broken.record?.status, `a key in progress after a failure ${point}`).toBe('pending');
          real.clock.advance(60_000);
          retried = await scenario.run(real, world, key);
        }
        expect(normalized(outcomeOf(retried)), `the retry after a failure ${point}`).toEqual(normalized(outcomeOf(reference.result)));
        const final = await contentsOf(real, actor, key);
        await expectConsistent(real, final, point);
        expect(
          final.applications.map(({ events }) => events.map((event) => event.type)),
          `the log after a retry, failure ${point}`,
        ).toEqual(reference.after.applications.map(({ events }) => events.map((event) => event.type)));
      }
    }
  });
});

/** The part of a result that a retry must repeat: success and the state, or the error code. */
function outcomeOf(result: unknown): unknown {
  const value = result as DispatchResult;
  if (value.ok) return { ok: true, state: value.application.state, version: value.application.version };
  return { ok: false, code: value.error.code };
}

describe('scheduler tick failures', () => {
  // Each application ends before or after its tick, and the next tick finishes the work.
  it('leave no partial tick', async () => {
    const base = await newDraft();
    const reference = await referenceOf(
      { name: 'tick', checkpoint: newDraft, at: '2026-03-04T21:00:00.000Z', actor: 'system', run: async (real) => ({ ok: true, changed: (await real.service.tick()).changed.length }) },
      undefined,
    );

    for (let index = 0; index < reference.trace.length; index += 1) {
      for (const when of ['before', 'after'] as const) {
        const point = `${when} ${reference.trace[index]} (call ${index} of ${reference.trace.join(', ')})`;
        const injector = createFaultInjector();
        const { real } = await restore(base, { name: 'faults', wrap: injector.wrap });
        real.clock.set('2026-03-04T21:00:00.000Z');

        injector.arm({ index, when });
        await expect(real.service.tick(), `a failure ${point}`).rejects.toBeInstanceOf(InjectedFault);
        injector.disarm();
        const broken = await contentsOf(real, actors.system, undefined);
        await expectConsistent(real, broken, point);

        await real.service.tick();
        const final = await contentsOf(real, actors.system, undefined);
        expect(final.applications, `the store after the next tick, failure ${point}`).toEqual(reference.after.applications);
      }
    }
  });
});
