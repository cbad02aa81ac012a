import { pathToStateValue, type StateValue } from 'xstate';
import { z } from 'zod';
import { applicationDataSchema, type ApplicationData } from '../model/application.js';
import { machineVersion, type ApplicationMachine } from './machine.js';
import { applicationStates, type ApplicationState } from './states.js';

/**
 * A persisted application snapshot: the machine version it was written by, the state as a dotted path, and the
 * application data. Plain JSON, independent of XState's own snapshot format.
 *
 * @example
 * ```ts
 * import { persistedApplicationSchema } from '@fioco-flow/core';
 *
 * persistedApplicationSchema.safeParse(row.snapshot).success; //=> true for a snapshot this version wrote
 * ```
 */
export const persistedApplicationSchema = z.object({
  machineVersion: z.literal(machineVersion),
  state: z.enum(applicationStates),
  data: applicationDataSchema,
});

/**
 * A persisted application snapshot: see {@link persistedApplicationSchema}.
 *
 * @example
 * ```ts
 * import { persistSnapshot, type PersistedApplication } from '@fioco-flow/core';
 *
 * const stored: PersistedApplication = persistSnapshot(snapshot); // { machineVersion: 2, state: 'draft', data }
 * ```
 */
export type PersistedApplication = z.infer<typeof persistedApplicationSchema>;

/**
 * A snapshot of any machine version as read from storage: only `machineVersion` is known for sure.
 *
 * @example
 * ```ts
 * import type { VersionedSnapshot } from '@fioco-flow/core';
 *
 * const old: VersionedSnapshot = { machineVersion: 1, state: 'draft', data: {} };
 * ```
 */
export interface VersionedSnapshot {
  readonly machineVersion: number;
  readonly [key: string]: unknown;
}

/**
 * Turns a snapshot of version `n` into one of version `n + 1`.
 *
 * @example
 * ```ts
 * import { snapshotMigrations, type SnapshotMigration } from '@fioco-flow/core';
 *
 * // Version 3 would add a field with a default to every stored application.
 * const fromTwo: SnapshotMigration = (snapshot) => ({ ...snapshot, machineVersion: 3 });
 * const migrations = { ...snapshotMigrations, 2: fromTwo };
 * ```
 */
export type SnapshotMigration = (snapshot: VersionedSnapshot) => VersionedSnapshot;

/**
 * Migrations keyed by the version they migrate from. Version 2 kept the shape of version 1, so its migration
 * only raises the version number; the next change of states or context adds its function here.
 *
 * @example
 * ```ts
 * import { snapshotMigrations } from '@fioco-flow/core';
 *
 * snapshotMigrations[1]?.({ machineVersion: 1, state: 'draft', data }); //=> { machineVersion: 2, state: 'draft', data }
 * ```
 */
export const snapshotMigrations: Readonly<Record<number, SnapshotMigration>> = {
  1: (snapshot) => ({ ...snapshot, machineVersion: 2 }),
};

/**
 * Options of {@link migrateSnapshot}.
 *
 * @example
 * ```ts
 * import { migrateSnapshot, snapshotMigrations } from '@fioco-flow/core';
 *
 * const current = migrateSnapshot(row.snapshot, snapshotMigrations, { validate: 'migrated' });
 * ```
 */
export interface MigrateOptions {
  /**
   * `always` (default) validates every snapshot against the current schema; `migrated` validates only snapshots
   * that went through a migration and checks just the state of current ones, for a store that holds only what
   * this library wrote (validating the whole data on every read costs more than the transition itself).
   */
  readonly validate?: 'always' | 'migrated';
}

/**
 * Brings a stored snapshot to the current machine version by applying each migration in turn, then validates it.
 *
 * @param migrations defaults to {@link snapshotMigrations}; pass your own to test a migration chain.
 * @param options `validate: 'migrated'` skips validating a snapshot already at the current version.
 * @throws {RangeError} when the snapshot has no numeric version, is newer than this library, or a migration is
 *   missing for one of its versions.
 * @throws {z.ZodError} when the migrated snapshot does not have the current shape.
 * @example
 * ```ts
 * import { migrateSnapshot } from '@fioco-flow/core';
 *
 * const current = migrateSnapshot({ machineVersion: 1, state: 'draft', data });
 * current.machineVersion; //=> 2
 * ```
 */
export function migrateSnapshot(
  snapshot: unknown,
  migrations: Readonly<Record<number, SnapshotMigration>> = snapshotMigrations,
  options: MigrateOptions = {},
): PersistedApplication {
  if (typeof snapshot !== 'object' || snapshot === null || typeof (snapshot as VersionedSnapshot).machineVersion !== 'number') {
    throw new RangeError('A stored application snapshot has no numeric machineVersion: it was not written by this library.');
  }

  let current = snapshot as VersionedSnapshot;
  while (current.machineVersion < machineVersion) {
    const migrate = migrations[current.machineVersion];
    if (migrate === undefined) {
      throw new RangeError(
        `No migration from machine version ${current.machineVersion}: add one to snapshotMigrations to read this snapshot.`,
      );
    }
    const next = migrate(current);
    if (next.machineVersion !== current.machineVersion + 1) {
      throw new RangeError(
        `The migration from machine version ${current.machineVersion} produced version ${next.machineVersion}; it must produce ${current.machineVersion + 1}.`,
      );
    }
    current = next;
  }
  if (current.machineVersion > machineVersion) {
    throw new RangeError(
      `The snapshot was written by machine version ${current.machineVersion}, newer than this library's ${machineVersion}: upgrade @fioco-flow/core.`,
    );
  }

  if (options.validate === 'migrated' && (snapshot as VersionedSnapshot).machineVersion === machineVersion) {
    if (!(applicationStates as readonly unknown[]).includes(current['state'])) {
      throw new RangeError(`The stored snapshot is in state ${String(current['state'])}, which is not an application state.`);
    }
    return current as unknown as PersistedApplication;
  }
  return persistedApplicationSchema.parse(current);
}

/**
 * The application state of a machine snapshot as a dotted path, e.g. `in_work.awaiting_signed_scans`.
 *
 * @example
 * ```ts
 * import { stateOf } from '@fioco-flow/core';
 *
 * stateOf({ value: { in_work: 'awaiting_signed_scans' } }); //=> 'in_work.awaiting_signed_scans'
 * ```
 */
export function stateOf(snapshot: { readonly value: StateValue }): ApplicationState {
  const path = toPath(snapshot.value).join('.');
  if (!(applicationStates as readonly string[]).includes(path)) {
    throw new RangeError(`The machine is in ${path}, which is not an application state.`);
  }
  return path as ApplicationState;
}

function toPath(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  const [key, child] = Object.entries(value)[0] ?? [];
  if (key === undefined || child === undefined) return [];
  return [key, ...toPath(child)];
}

/**
 * A machine snapshot as plain persisted data.
 *
 * @example
 * ```ts
 * import { persistSnapshot } from '@fioco-flow/core';
 *
 * const stored = persistSnapshot(snapshot); //=> { machineVersion: 2, state: 'draft', data: { … } }
 * ```
 */
export function persistSnapshot(snapshot: { readonly value: StateValue; readonly context: ApplicationData }): PersistedApplication {
  return { machineVersion, state: stateOf(snapshot), data: snapshot.context };
}

/**
 * Restores a machine snapshot from persisted data of any supported version.
 *
 * @param options see {@link MigrateOptions}; the service passes `validate: 'migrated'` for what its store returns.
 * @throws {RangeError} and {z.ZodError} as {@link migrateSnapshot} does.
 * @example
 * ```ts
 * import { createApplicationMachine, restoreSnapshot } from '@fioco-flow/core';
 * import { transition } from 'xstate';
 *
 * const machine = createApplicationMachine({ calendar });
 * const [next] = transition(machine, restoreSnapshot(machine, stored), event);
 * ```
 */
export function restoreSnapshot(machine: ApplicationMachine, persisted: unknown, options: MigrateOptions = {}) {
  const current = migrateSnapshot(persisted, snapshotMigrations, options);
  return machine.resolveState({ value: pathToStateValue(current.state.split('.')) as never, context: current.data as ApplicationData });
}
