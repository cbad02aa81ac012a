// Test helpers for hosts and store implementations: the store contract suite (vitest) and fixtures.
export { runApplicationStoreContract } from './store-contract.js';
export type { StoreContractOptions } from './store-contract.js';
export { testEvent, testFile, testIdempotencyRecord, testProgram, testStoredApplication } from './fixtures.js';
export type { TestStoredApplicationOptions } from './fixtures.js';
