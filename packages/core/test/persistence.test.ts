import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { ZodError } from 'zod';
import {
  clockActor,
  createApplicationMachine,
  machineVersion,
  migrateSnapshot,
  persistSnapshot,
  restoreSnapshot,
  snapshotMigrations,
  stateOf,
  type SnapshotMigration,
} from '@fioco-flow/core';
import { calendar, createHarness, program, representative, run, staff, walk } from './helpers.js';

const machine = createApplicationMachine({ calendar });
const [draft] = initialTransition(machine, {
  id: 'a-1',
  organizationId: 'org-1',
  program,
  createdAt: '2026-02-20T09:00:00.000Z',
  createdBy: representative.id,
});

describe('snapshots', () => {
  it('persist as plain JSON and restore to the same state and data', () => {
    const persisted = persistSnapshot(draft);
    expect(persisted).toEqual({ machineVersion, state: 'draft', data: draft.context });
    const restored = restoreSnapshot(machine, JSON.parse(JSON.stringify(persisted)));
    expect(stateOf(restored)).toBe('draft');
    expect(restored.context).toEqual(draft.context);
  });

  it('restore a nested state and go on from it', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work');
    const stored = await harness.store.get(id);
    const restored = restoreSnapshot(harness.service.machine, stored?.snapshot);
    expect(stateOf(restored)).toBe('in_work.awaiting_signed_scans');
    const [lapsed] = transition(harness.service.machine, restored, {
      type: 'clock.tick',
      at: '2026-03-11T21:00:00.000Z',
      actor: clockActor,
      payload: {},
      generated: {},
    });
    expect(stateOf(lapsed)).toBe('lapsed');
  });
});

describe('migrations', () => {
  it('take a version 1 snapshot to the current version unchanged', () => {
    const versionOne = { ...persistSnapshot(draft), machineVersion: 1 };
    expect(machineVersion).toBe(2);
    expect(migrateSnapshot(versionOne)).toEqual(persistSnapshot(draft));
  });

  it('run a chain of migrations from an older shape', () => {
    // A synthetic version 0 kept XState's nested state value and called the data `context`.
    const versionZero = {
      machineVersion: 0,
      value: { in_work: 'awaiting_signed_scans' },
      context: { ...draft.context, contract: { ...draft.context.contract, drafts: null } },
    };
    const fromZero: SnapshotMigration = (snapshot) => {
      const value = snapshot['value'] as Record<string, string>;
      const [parent, child] = Object.entries(value)[0] as [string, string];
      return { machineVersion: 1, state: `${parent}.${child}`, data: snapshot['context'] };
    };
    const migrated = migrateSnapshot(versionZero, { 0: fromZero, ...snapshotMigrations });
    expect(migrated.machineVersion).toBe(machineVersion);
    expect(migrated.state).toBe('in_work.awaiting_signed_scans');
    expect(migrated.data).toEqual(versionZero.context);
  });

  it('refuse a snapshot without a migration for its version', () => {
    expect(() => migrateSnapshot({ machineVersion: 0, value: 'draft' })).toThrow(
      new RangeError('No migration from machine version 0: add one to snapshotMigrations to read this snapshot.'),
    );
  });

  it('refuse a snapshot newer than the library', () => {
    expect(() => migrateSnapshot({ ...persistSnapshot(draft), machineVersion: 3 })).toThrow(/newer than this library's 2/);
  });

  it('refuse data that is not a snapshot', () => {
    expect(() => migrateSnapshot({ state: 'draft' })).toThrow(RangeError);
    expect(() => migrateSnapshot(null)).toThrow(RangeError);
  });

  it('refuse a migration that skips a version', () => {
    const skipping: SnapshotMigration = (snapshot) => ({ ...snapshot, machineVersion: 2 });
    expect(() => migrateSnapshot({ machineVersion: 0 }, { 0: skipping })).toThrow(/must produce 1/);
  });

  it('refuse a migrated snapshot of the wrong shape', () => {
    expect(() => migrateSnapshot({ machineVersion: 1, state: 'draft', data: { id: 'a-1' } })).toThrow(ZodError);
    expect(() => migrateSnapshot({ ...persistSnapshot(draft), state: 'reviewing' })).toThrow(ZodError);
  });

  it('validate only migrated snapshots when asked to', () => {
    const current = persistSnapshot(draft);
    const odd = { ...current, data: { ...current.data, rows: 'not a list' } };
    expect(() => migrateSnapshot(odd)).toThrow(ZodError);
    expect(migrateSnapshot(odd, snapshotMigrations, { validate: 'migrated' })).toBe(odd);
    expect(() => migrateSnapshot({ ...odd, machineVersion: 1 }, snapshotMigrations, { validate: 'migrated' })).toThrow(ZodError);
    expect(() => migrateSnapshot({ ...current, state: 'reviewing' }, snapshotMigrations, { validate: 'migrated' })).toThrow(RangeError);
  });

  it('let the service go on with an application stored by version 1', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const stored = await harness.store.get(id);
    if (stored === undefined) return expect.fail('not stored');
    await harness.store.update({ ...stored, version: stored.version + 1, snapshot: { ...stored.snapshot, machineVersion: 1 as never } }, stored.version, []);

    const taken = await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
    expect(taken.application.state).toBe('in_work.awaiting_signed_scans');
    expect((await harness.store.get(id))?.snapshot.machineVersion).toBe(machineVersion);
  });
});
