/**
 * Model-based tests of the application service. Random sequences of every command of the catalog come from the
 * owning organization's representative, another organization's representative, staff and the system clock, while
 * the clock moves forward. They run against the service on the memory store and against an independent model of
 * the procedure (`procedure-model.ts`). After every step the service and the model must agree on the
 * outcome, the state and the counts, and the invariants of the procedure must hold (`harness.ts`).
 *
 * Runs: each property runs the number of times given in `defaultRuns` below; set `FIOCO_FC_RUNS=<n>` to run every
 * property n times instead (for example `FIOCO_FC_RUNS=5000 pnpm exec vitest run packages/core/test/reliability`).
 * `FIOCO_FC_SEED=<seed>` replays a reported failure.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTypes, type CommandType } from '@fioco-flow/core';
import { actors, buildCommand, type ActorKey } from './commands.js';
import {
  checkLogs,
  checkpointOf,
  checkVisibility,
  create,
  driveUntil,
  freshRun,
  happyStep,
  nowOf,
  perform,
  primaryOf,
  procedure,
  program,
  restore,
  schedulerTick,
  type Checkpoint,
  type Real,
  type World,
} from './harness.js';
import { modelRoles, type ModelApplication } from './procedure-model.js';

const environmentRuns = Number(process.env['FIOCO_FC_RUNS'] ?? '');
const environmentSeed = Number(process.env['FIOCO_FC_SEED'] ?? '');
const runsOf = (defaultRuns: number) => (Number.isInteger(environmentRuns) && environmentRuns > 0 ? environmentRuns : defaultRuns);
const seed = Number.isInteger(environmentSeed) && process.env['FIOCO_FC_SEED'] !== undefined ? { seed: environmentSeed } : {};

/** Default runs per property, sized so that the file runs in well under a minute on a CI runner. */
const defaultRuns = { fromDraft: 1000, fromCheckpoints: 1500 } as const;

type Step = fc.AsyncCommand<World, Real>;

const contextOf = (world: World, real: Real) => ({ serial: world.serial, now: nowOf(real), pricePerRow: program.pricePerRow });

function targetOf(world: World, target: number): ModelApplication | undefined {
  if (target === 0) return primaryOf(world);
  return world.applications[target % world.applications.length];
}

/** Sends one command type, from one actor, with one payload variant. */
class SendCommand implements Step {
  constructor(
    readonly type: CommandType,
    readonly actor: ActorKey | 'allowed',
    readonly target: number,
    readonly variant: number,
    readonly pick: number,
  ) {}

  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    const application = targetOf(world, this.target);
    if (application === undefined) return;
    const actor = this.actor === 'allowed' ? allowedActor(this.type, this.pick) : this.actor;
    const command = buildCommand(this.type, this.variant, this.pick, application, contextOf(world, real));
    await perform(world, real, application, actor, command);
  }

  toString(): string {
    return `send(${this.type}, ${this.actor}, target ${this.target}, variant ${this.variant}, pick ${this.pick})`;
  }
}

function allowedActor(type: CommandType, pick: number): ActorKey {
  const roles = modelRoles[type];
  const role = roles[pick % roles.length];
  if (role === 'representative') return 'owner';
  if (role === 'staff') return 'staff';
  return 'system';
}

/** Sends the command that moves the primary application forward, as a cooperative actor would. */
class HappyStep implements Step {
  constructor(readonly pick: number) {}

  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    await happyStep(world, real, this.pick);
  }

  toString(): string {
    return `happy(${this.pick})`;
  }
}

/** Sends a command that the model accepts in the primary application's state, from a role that may send it. */
class OfferedStep implements Step {
  constructor(
    readonly variant: number,
    readonly pick: number,
  ) {}

  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    const application = primaryOf(world);
    if (application === undefined) return;
    const context = contextOf(world, real);
    const offered = commandTypes
      .map((type) => ({ actor: allowedActor(type, this.pick), command: buildCommand(type, this.variant, this.pick, application, context) }))
      .filter(({ actor, command }) => procedure.expect(application, actors[actor], command, context.now).outcome !== 'not_allowed');
    const chosen = offered[this.pick % Math.max(1, offered.length)];
    if (chosen !== undefined) await perform(world, real, application, chosen.actor, chosen.command);
  }

  toString(): string {
    return `offered(variant ${this.variant}, pick ${this.pick})`;
  }
}

type Advance = { readonly minutes: number } | { readonly deadline: number; readonly offsetMs: -1 | 0 | 1 };

/** Moves the clock forward: by some minutes, or to a deadline of the primary application (just before, at or after it). */
class AdvanceClock implements Step {
  constructor(readonly advance: Advance) {}

  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    if ('minutes' in this.advance) {
      real.clock.advance(this.advance.minutes * 60_000);
      return;
    }
    const application = primaryOf(world);
    if (application === undefined) return;
    const upcoming = procedure.upcomingDeadlines(application, nowOf(real));
    const deadline = upcoming[this.advance.deadline % Math.max(1, upcoming.length)];
    if (deadline === undefined) return;
    const target = Date.parse(deadline) + this.advance.offsetMs;
    if (target > real.clock.now().getTime()) real.clock.set(new Date(target));
  }

  toString(): string {
    return 'minutes' in this.advance ? `advance(${this.advance.minutes} min)` : `toDeadline(${this.advance.deadline}, ${this.advance.offsetMs} ms)`;
  }
}

/** Runs the scheduler's `service.tick()`. */
class SchedulerTick implements Step {
  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    await schedulerTick(world, real);
  }

  toString(): string {
    return 'schedulerTick';
  }
}

/** Creates an application as an actor. */
class CreateApplication implements Step {
  constructor(readonly actor: ActorKey) {}

  check = () => true;

  async run(world: World, real: Real): Promise<void> {
    await create(world, real, this.actor);
  }

  toString(): string {
    return `create(${this.actor})`;
  }
}

const actorKeys: readonly ActorKey[] = ['owner', 'other', 'staff', 'system'];

const sendArbitrary: fc.Arbitrary<Step> = fc
  .record({
    type: fc.constantFrom(...commandTypes),
    actor: fc.oneof({ weight: 3, arbitrary: fc.constant('allowed' as const) }, { weight: 2, arbitrary: fc.constantFrom(...actorKeys) }),
    target: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
    variant: fc.nat(59),
    pick: fc.nat(31),
  })
  .map(({ type, actor, target, variant, pick }) => new SendCommand(type, actor, target, variant, pick));

const advanceArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 30, 6 * 60, 24 * 60, 3 * 24 * 60).map((minutes) => new AdvanceClock({ minutes })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ deadline: fc.nat(5), offsetMs: fc.constantFrom(-1 as const, 0 as const, 1 as const) })
      .map((advance) => new AdvanceClock(advance)),
  },
);

/** Steps weighted toward the happy path, so that sequences often reach enrolment, closing and completion. */
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 9, arbitrary: fc.nat(41).map((pick) => new HappyStep(pick)) },
  { weight: 4, arbitrary: fc.record({ variant: fc.nat(59), pick: fc.nat(31) }).map(({ variant, pick }) => new OfferedStep(variant, pick)) },
  { weight: 3, arbitrary: sendArbitrary },
  { weight: 2, arbitrary: advanceArbitrary },
  { weight: 1, arbitrary: fc.constant(new SchedulerTick()) },
  { weight: 1, arbitrary: fc.constantFrom<ActorKey>('owner', 'owner', 'other', 'staff').map((actor) => new CreateApplication(actor)) },
);

/** States reached by any run of the property, to show the generators go deep. */
const reached = new Map<string, number>();

async function runSteps(world: World, real: Real, steps: Iterable<Step>): Promise<void> {
  await fc.asyncModelRun(() => ({ model: world, real }), steps);
  await checkLogs(world, real);
  await checkVisibility(world, real);
  for (const application of world.applications) {
    for (const event of await real.store.events(application.id)) reached.set(event.state, (reached.get(event.state) ?? 0) + 1);
  }
}

/** Drives the primary application along the happy path until it reaches `state`. */
async function driveTo(state: string, pick: number): Promise<Checkpoint> {
  const { world, real } = await driveUntil((application) => application.state === state, pick);
  return checkpointOf(`${state}/${pick}`, world, real);
}

describe('the service against the model of the procedure', () => {
  const checkpoints: Checkpoint[] = [];

  beforeAll(async () => {
    // Picks whose remainders give prepayment or postpayment, paper or electronic delivery, one or two rows, and
    // staff who reject, request or take into work early (see nextHappyCommand).
    for (const pick of [0, 1, 2, 3, 5, 7]) {
      for (const state of ['submitted', 'in_work.signed_scans_under_review', 'enrolled', 'closing']) checkpoints.push(await driveTo(state, pick));
    }
  });

  it('model covers every command of the catalog', () => {
    expect(Object.keys(modelRoles).sort()).toEqual([...commandTypes].sort());
  });

  it('agrees from a new draft', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([stepArbitrary], { maxCommands: 60, size: 'max' }), async (steps) => {
        const { world, real } = await freshRun();
        await runSteps(world, real, steps);
      }),
      { numRuns: runsOf(defaultRuns.fromDraft), ...seed },
    );
  });

  it('agrees from submission, review, enrolment and closing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(checkpoints.length - 1), fc.commands([stepArbitrary], { maxCommands: 40, size: 'max' }), async (index, steps) => {
        const { world, real } = await restore(checkpoints[index] as Checkpoint);
        await runSteps(world, real, steps);
      }),
      { numRuns: runsOf(defaultRuns.fromCheckpoints), ...seed },
    );
  });

  it('reaches every state', (context) => {
    // The count comes from the two properties above; run alone, this test has nothing to check.
    if (reached.size === 0) context.skip();
    for (const state of ['draft', 'submitted', 'in_work.awaiting_signed_scans', 'in_work.signed_scans_under_review', 'enrolled', 'closing', 'awaiting_payment', 'completed', 'discarded', 'declined', 'withdrawn', 'lapsed', 'closed']) {
      expect(reached.get(state) ?? 0, `runs that reached ${state}`).toBeGreaterThan(0);
    }
  });
});
