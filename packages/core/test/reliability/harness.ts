// The system under test of the model-based tests (the service on a memory store with a manual clock), the model
// beside it, the steps both take, and the checks that compare them after every step.
import { russianCalendar } from '@fioco-flow/rules';
import {
  applicationStates,
  createApplicationService,
  createCodeWordGenerator,
  createManualClock,
  createMemoryStore,
  isFinalState,
  type ApplicationEventRecord,
  type ApplicationService,
  type ApplicationStore,
  type ManualClock,
  type StoredApplication,
} from '@fioco-flow/core';
import { testProgram } from '@fioco-flow/core/testing';
import { expect } from 'vitest';
import { actors, nextHappyCommand, organizationA, type ActorKey } from './commands.js';
import {
  concludedStates,
  isFinal,
  paidOf,
  ProcedureModel,
  type ModelApplication,
  type ModelCommand,
  type ModelOutcome,
} from './procedure-model.js';

export const calendar = russianCalendar();
export const program = testProgram();
export const procedure = new ProcedureModel(program, calendar);

/** Friday 20 February 2026, 12:00 Moscow time: two weeks before the submission deadline of the test program. */
export const startInstant = '2026-02-20T09:00:00.000Z';

/** The model side of a run: the model's applications, in order of creation. */
export interface World {
  applications: ModelApplication[];
  /** Serial of the next participant row a command builds, so that every row is a different person. */
  serial: number;
  /** Steps taken, for the report of how deep runs go. */
  steps: number;
}

/** The real side of a run. */
export interface Real {
  readonly service: ApplicationService;
  readonly store: ApplicationStore;
  readonly clock: ManualClock;
  /** Row ids of each application at its submission, to check that the list stays fixed. */
  readonly frozenRows: Map<string, string[]>;
}

let systems = 0;

/** Options of {@link createReal}: a name for generated ids and code words, and a wrapper around the store. */
export interface RealOptions {
  /** Ids are `<name>-1`, `<name>-2`, …; code words come from a generator seeded by the name. */
  readonly name?: string;
  readonly wrap?: (store: ApplicationStore) => ApplicationStore;
}

/** Random bytes from a seed (xorshift32), so that two systems with one name generate the same code words. */
function seededBytes(name: string) {
  let state = [...name].reduce((hash, character) => Math.imul(hash ^ character.charCodeAt(0), 16_777_619), 2_166_136_261) || 1;
  return (bytes: Uint8Array) => {
    for (let index = 0; index < bytes.length; index += 1) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[index] = state & 0xff;
    }
    return bytes;
  };
}

/** Creates a service on a new memory store, with a manual clock at `start` and ids unique to this system. */
export function createReal(start: string = startInstant, options: RealOptions = {}): Real {
  systems += 1;
  const name = options.name ?? `s${systems}`;
  let counter = 0;
  const memory = createMemoryStore();
  const store = options.wrap?.(memory) ?? memory;
  const clock = createManualClock(start);
  const service = createApplicationService({
    store,
    clock,
    calendar,
    programs: [program],
    ids: () => `${name}-${(counter += 1)}`,
    codeWords: createCodeWordGenerator(seededBytes(name)),
  });
  return { service, store, clock, frozenRows: new Map() };
}

export function nowOf(real: Real): string {
  return real.clock.now().toISOString();
}

/** Returns the application the happy path works on: the latest of the owner's organization. */
export function primaryOf(world: World): ModelApplication | undefined {
  return world.applications.findLast((application) => application.organizationId === organizationA);
}

function describeStep(actor: ActorKey, command: ModelCommand, application: ModelApplication, now: string): string {
  return `${command.type} (${command.kind}) by ${actor} on ${application.id} in ${application.state} at ${now}: ${JSON.stringify(command.payload)}`;
}

/**
 * Sends a command to the service and to the model. Checks that both return the same outcome, that a refused command
 * changed nothing but the clock's tick, and every invariant after it.
 */
export async function perform(world: World, real: Real, application: ModelApplication, actorKey: ActorKey, command: ModelCommand): Promise<ModelOutcome> {
  const now = nowOf(real);
  const wasFinal = isFinal(application);
  const before = await real.store.get(application.id);
  const expectation = procedure.expect(application, actors[actorKey], command, now);
  const step = describeStep(actorKey, command, application, now);

  // The commands offered to the actor agree with the model: an accepted one is offered, one the state never takes is not.
  const offered = await real.service.availableCommands(application.id, actors[actorKey]);
  if (offered.ok && command.kind === 'valid') {
    const entry = offered.commands.find((candidate) => candidate.type === command.type);
    if (expectation.outcome === 'ok') ensure(entry?.available === true, `${command.type} is offered before ${step}`);
    if (expectation.outcome === 'not_allowed') ensure(entry === undefined, `${command.type} is not offered before ${step}`);
  }

  const result = await real.service.dispatch(application.id, actors[actorKey], { type: command.type, payload: command.payload });
  const outcome = result.ok ? 'ok' : result.error.code;
  expect(outcome, step).toBe(expectation.outcome);
  if (command.type === 'row.add') world.serial += 1;
  world.steps += 1;

  if (result.ok) {
    const written = result.events.map((event) => event.type);
    expect(written, step).toEqual(expectation.ticked ? ['clock.tick', command.type] : [command.type]);
  }
  expectation.commit(result.ok ? result.event.generated.id : undefined);

  const after = await real.store.get(application.id);
  const actor = actors[actorKey];
  const stranger = actor.role === 'representative' && actor.organizationId !== application.organizationId;
  if (wasFinal || stranger || (!result.ok && !expectation.ticked)) {
    // Final states absorb every command; another organization changes nothing; a refusal changes nothing.
    expect(after, step).toEqual(before);
  }
  await verify(real, application, step);
  return expectation.outcome;
}

/** Creates an application as an actor, in the model and in the service, and checks both agree. */
export async function create(world: World, real: Real, actorKey: ActorKey): Promise<void> {
  const actor = actors[actorKey];
  const now = nowOf(real);
  const active = world.applications.find((application) => application.organizationId === (actor as { organizationId?: string }).organizationId && !isFinal(application));
  let expected: ModelOutcome = 'ok';
  if (actor.role !== 'representative') expected = 'forbidden';
  else if (active !== undefined) expected = 'duplicate_application';
  else if (!procedure.canCreateAt(now)) expected = 'blocked';

  const result = await real.service.create(actor, { programId: program.id });
  expect(result.ok ? 'ok' : result.error.code, `application.create by ${actorKey} at ${now}`).toBe(expected);
  if (!result.ok) return;

  const application = procedure.newApplication(result.application.id, result.application.organizationId);
  world.applications.push(application);
  await verify(real, application, `application.create by ${actorKey}`);
}

/** Runs the scheduler's tick at the clock's time and checks that it changed exactly the applications the model ticks. */
export async function schedulerTick(world: World, real: Real): Promise<void> {
  const now = nowOf(real);
  const expected = world.applications.filter((application) => procedure.tickChanges(application, now)).map((application) => application.id);

  const report = await real.service.tick();
  expect(report.changed.map((entry) => entry.id).sort(), `service.tick at ${now}`).toEqual([...expected].sort());

  for (const application of world.applications) {
    if (procedure.tick(application, now)) application.version += 1;
    await verify(real, application, `service.tick at ${now}`);
  }
}

/** Compares a stored application with the model and checks the invariants, which need no model. */
export async function verify(real: Real, model: ModelApplication, step: string): Promise<void> {
  const stored = (await real.store.get(model.id)) as StoredApplication;
  expect(stored, step).toBeDefined();
  compareWithModel(stored, model, step);
  checkInvariants(real, stored, step);
}

/** Reads the facts the model tracks from a stored application. */
function observedFacts(stored: StoredApplication) {
  const data = stored.snapshot.data;
  return {
    state: stored.state,
    version: stored.version,
    final: stored.final,
    rows: data.rows.map((row) => ({ id: row.id, fields: Object.keys(row).filter((key) => key !== 'id').sort() })),
    documents: data.documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      rowIds: document.rowIds,
      versions: document.versions.length,
      status: document.status,
      reviewEndsAt: document.reviewDue?.endsAt ?? null,
      flagged: data.overdue.documents[document.id] !== undefined,
    })),
    participantCount: data.submission?.participantCount ?? null,
    contractSum: data.submission?.contractSum ?? null,
    deadlines: {
      submission: data.deadlines.submission.endsAt,
      contract: data.deadlines.contract.endsAt,
      firstDayEnds: data.deadlines.firstDayEndsAt,
      review: data.deadlines.review?.endsAt ?? null,
    },
    reviewFlagged: data.overdue.review !== null,
    uploads: data.contract.uploads.length,
    concluded: data.contract.concludedAt !== null,
    messages: data.messages.length,
    closing:
      data.closing === null
        ? null
        : {
            originalsEndsAt: data.deadlines.originals?.endsAt ?? null,
            originalsSent: data.closing.originalsSent !== null,
            originalsReceived: data.closing.originalsReceivedAt !== null,
            platformAct: data.closing.actSignedOnPlatformAt !== null,
            originalsFlagged: data.overdue.originals !== null,
            signedActs: data.closing.signedActUploads.length,
          },
    results: Object.fromEntries(data.results.map((result) => [result.rowId, result.passed])),
    paid: data.payments.reduce((sum, payment) => sum + payment.amount, 0),
    dispatches: data.dispatches.map((dispatch) => ({
      kind: dispatch.kind,
      at: dispatch.at,
      certificates: dispatch.certificateRowIds.length,
      certificatesOfStudy: dispatch.certificateOfStudyRowIds.length,
    })),
  };
}

/** Returns the same facts from the model. */
function expectedFacts(model: ModelApplication): ReturnType<typeof observedFacts> {
  return {
    state: model.state as StoredApplication['state'],
    version: model.version,
    final: isFinal(model),
    rows: model.rows.map((row) => ({ id: row.id, fields: row.fields })),
    documents: model.documents.map((document) => ({ ...document, kind: document.kind as never })),
    participantCount: model.submission?.rowIds.length ?? null,
    contractSum: model.submission?.sum ?? null,
    deadlines: { submission: model.submissionEndsAt, contract: model.contractEndsAt, firstDayEnds: model.firstDayEndsAt, review: model.review?.endsAt ?? null },
    reviewFlagged: model.review?.flagged ?? false,
    uploads: model.uploads,
    concluded: model.concluded,
    messages: model.messages,
    closing:
      model.closing === null
        ? null
        : {
            originalsEndsAt: model.closing.originalsEndsAt,
            originalsSent: model.closing.originalsSent,
            originalsReceived: model.closing.originalsReceived,
            platformAct: model.closing.platformAct,
            originalsFlagged: model.closing.originalsFlagged,
            signedActs: model.closing.signedActs,
          },
    results: model.results,
    paid: paidOf(model),
    dispatches: model.dispatches,
  };
}

function compareWithModel(stored: StoredApplication, model: ModelApplication, step: string): void {
  expect(observedFacts(stored), `the service and the model after ${step}`).toEqual(expectedFacts(model));
}

/** Fails the test with a message unless the condition is true (cheaper than `expect` on every step). */
function ensure(condition: boolean, message: string): void {
  if (!condition) expect.fail(message);
}

const preConclusionStates = new Set(['draft', 'submitted', 'in_work.awaiting_signed_scans', 'in_work.signed_scans_under_review', 'discarded', 'declined', 'withdrawn', 'lapsed']);

/** Checks the invariants of the procedure on the stored application alone. */
function checkInvariants(real: Real, stored: StoredApplication, step: string): void {
  const data = stored.snapshot.data;
  const on = (what: string) => `${what}: broken after ${step}`;
  const sum = data.submission?.contractSum ?? 0;
  const paid = data.payments.reduce((total, payment) => total + payment.amount, 0);

  ensure((applicationStates as readonly string[]).includes(stored.state), on(`unknown state ${stored.state}`));
  ensure(stored.final === isFinalState(stored.state), on('the final flag matches the state'));
  ensure(!stored.final || stored.nextDeadlineAt === null, on('a final application has no next deadline'));

  // Course access (the code word) only once the contract is concluded, and only with every document accepted.
  ensure(stored.codeWord === (data.access?.codeWord ?? null), on('the code word column matches the data'));
  if (data.access !== null) {
    ensure(data.contract.concludedAt !== null, on('access only once the contract is concluded'));
    ensure(data.documents.every((document) => document.status === 'accepted'), on('access only with every document accepted'));
    ensure(!preConclusionStates.has(stored.state), on(`no access in ${stored.state}`));
  }
  if (concludedStates.has(stored.state)) ensure(data.access !== null, on(`access in ${stored.state}`));
  if (preConclusionStates.has(stored.state)) ensure(data.access === null, on(`no access in ${stored.state}`));

  // No certificate without payment in full at the time of its dispatch, and only for rows that passed.
  const passed = new Set(data.results.filter((result) => result.passed).map((result) => result.rowId));
  for (const dispatch of data.dispatches) {
    if (dispatch.certificateRowIds.length === 0) continue;
    const paidBefore = data.payments.filter((payment) => Date.parse(payment.recordedAt) <= Date.parse(dispatch.at)).reduce((total, payment) => total + payment.amount, 0);
    ensure(paidBefore >= sum, on(`certificates dispatched with ${paidBefore} of ${sum} kopecks paid`));
    ensure(dispatch.certificateRowIds.every((rowId) => passed.has(rowId)), on('certificates only for rows that passed'));
  }
  if (stored.state === 'completed') ensure(paid >= sum, on('a completed application is paid in full'));
  ensure(paid <= sum, on(`paid ${paid} above the contract sum ${sum}`));

  // The participant list is fixed at submission.
  if (data.submission !== null) {
    const rowIds = data.rows.map((row) => row.id);
    const frozen = real.frozenRows.get(stored.id);
    if (frozen === undefined) real.frozenRows.set(stored.id, rowIds);
    else ensure(JSON.stringify(rowIds) === JSON.stringify(frozen), on(`rows fixed at submission: ${JSON.stringify(frozen)} became ${JSON.stringify(rowIds)}`));
    ensure(data.submission.participantCount === rowIds.length, on('participant count equals the rows'));
    ensure(data.submission.contractSum === rowIds.length * data.program.pricePerRow, on('contract sum is rows × price'));
  }

  // Every deadline falls on a working day.
  const dates = [
    data.deadlines.submission.date,
    data.deadlines.contract.date,
    data.deadlines.review?.date,
    data.deadlines.originals?.date,
    ...data.documents.map((document) => document.reviewDue?.date),
  ];
  for (const date of dates) if (date !== undefined) ensure(calendar.isWorkingDay(date), on(`deadline ${date} falls on a working day`));
}

/** Checks, at the end of a run, that only the owner and staff read each application in full. */
export async function checkVisibility(world: World, real: Real): Promise<void> {
  for (const application of world.applications) {
    const stranger = application.organizationId === organizationA ? actors.other : actors.owner;
    expect((await real.service.get(application.id, stranger)).ok, 'another organization reads the application').toBe(false);
    expect((await real.service.history(application.id, stranger)).ok, 'another organization reads the history').toBe(false);
    expect((await real.service.deadlines(application.id, stranger)).ok, 'another organization reads the deadlines').toBe(false);
    expect((await real.service.availableCommands(application.id, stranger)).ok, 'another organization reads the commands').toBe(false);
    const listed = await real.service.list(stranger);
    expect(listed.map((view) => view.id), 'another organization lists the application').not.toContain(application.id);

    // The system actor gets a restricted view: no code word, no personal data of the participants.
    const restricted = await real.service.get(application.id, actors.system);
    if (!restricted.ok) return expect.fail(`the system actor cannot read ${application.id}: ${restricted.error.code}`);
    expect(restricted.application.data.access, 'code word in a restricted view').toBeNull();
    for (const row of restricted.application.data.rows) {
      for (const field of ['snils', 'lastName', 'birthDate', 'diplomaNumber']) expect(row, `${field} in a restricted view`).not.toHaveProperty(field);
    }
    const history = await real.service.history(application.id, actors.system);
    if (history.ok) {
      for (const event of history.events) expect(event.generated.codeWord, 'code word in a restricted history').toBeUndefined();
    }
  }
}

/** Replays each application's event log and checks it gives the stored snapshot; checks deadlines with explanations. */
export async function checkLogs(world: World, real: Real): Promise<void> {
  for (const application of world.applications) {
    const events: ApplicationEventRecord[] = await real.store.events(application.id);
    const stored = await real.store.get(application.id);
    expect(events.map((event) => event.version), `versions of ${application.id}`).toEqual(events.map((_, index) => index + 1));
    expect(events.length, `events of ${application.id}`).toBe(stored?.version);
    expect(real.service.replay(events), `replay of ${application.id}`).toEqual(stored?.snapshot);

    const deadlines = await real.service.deadlines(application.id, actors.staff);
    if (!deadlines.ok) return expect.fail(deadlines.error.message);
    const { submission, contract, review, documentReviews, originals } = deadlines.deadlines;
    for (const deadline of [submission, contract, review, originals, ...documentReviews]) {
      if (deadline !== undefined) expect(calendar.isWorkingDay(deadline.date), `deadline ${deadline.date} of ${application.id}`).toBe(true);
    }
  }
}

/** A copy of a run's stores and model, to start other runs from the same point. */
export interface Checkpoint {
  readonly name: string;
  readonly at: string;
  readonly world: World;
  readonly applications: readonly { readonly stored: StoredApplication; readonly events: readonly ApplicationEventRecord[] }[];
}

export async function checkpointOf(name: string, world: World, real: Real): Promise<Checkpoint> {
  const applications = [];
  for (const application of world.applications) {
    applications.push({ stored: (await real.store.get(application.id)) as StoredApplication, events: await real.store.events(application.id) });
  }
  return { name, at: nowOf(real), world: structuredClone(world), applications };
}

/** Starts a new run where the checkpoint was taken. */
export async function restore(checkpoint: Checkpoint, options: RealOptions = {}): Promise<{ world: World; real: Real }> {
  const real = createReal(checkpoint.at, options);
  for (const { stored, events } of checkpoint.applications) {
    const inserted = await real.store.insert(stored, events);
    if (!inserted.ok) throw new Error(`Cannot restore ${stored.id}: ${inserted.conflict}`);
    if (stored.snapshot.data.submission !== null) real.frozenRows.set(stored.id, stored.snapshot.data.rows.map((row) => row.id));
  }
  return { world: structuredClone(checkpoint.world), real };
}

export function newWorld(): World {
  return { applications: [], serial: 0, steps: 0 };
}

/** Starts a run with one new draft of the owner's organization. */
export async function freshRun(options: RealOptions = {}): Promise<{ world: World; real: Real }> {
  const world = newWorld();
  const real = createReal(startInstant, options);
  await create(world, real, 'owner');
  return { world, real };
}

/**
 * Sends the command that moves the primary application forward, as a cooperative actor would; `pick` varies the
 * choices (see {@link nextHappyCommand}).
 */
export async function happyStep(world: World, real: Real, pick: number): Promise<void> {
  const application = primaryOf(world);
  if (application === undefined) return;
  const context = { serial: world.serial, now: nowOf(real), pricePerRow: program.pricePerRow };
  const next = nextHappyCommand(application, pick, context, procedure.isLastDayReached(nowOf(real)));
  if (next === undefined) {
    // The application ended: a cooperative organization starts a new one if the deadline allows.
    if (procedure.canCreateAt(nowOf(real))) await create(world, real, 'owner');
    return;
  }
  if ('advanceToLastDay' in next) {
    // 10:00 Moscow time on the course's last day.
    real.clock.set(new Date(Math.max(Date.parse(`${program.courseEnd}T07:00:00.000Z`), real.clock.now().getTime())));
    return;
  }
  await perform(world, real, application, next.actor, next.command);
}

/** Takes happy steps with `pick` until the primary application matches `until`; fails after 200 steps. */
export async function driveUntil(
  until: (application: ModelApplication) => boolean,
  pick: number,
  options: RealOptions = {},
): Promise<{ world: World; real: Real }> {
  const { world, real } = await freshRun(options);
  for (let step = 0; step < 200; step += 1) {
    const application = primaryOf(world);
    if (application !== undefined && until(application)) return { world, real };
    await happyStep(world, real, pick);
  }
  throw new Error(`200 happy steps with pick ${pick} did not reach the state asked for; the primary application is ${primaryOf(world)?.state}`);
}
