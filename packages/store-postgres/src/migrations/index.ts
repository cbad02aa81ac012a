import { initialSchema } from './0001-initial-schema.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration of the store's schema, oldest first. Append new ones; never edit an applied one. */
export const migrations: readonly Migration[] = [initialSchema];
