import { createApplicationService, createManualClock, createMemoryStore, type Actor } from '@fioco-flow/core';
import { testProgram } from '@fioco-flow/core/testing';
import { russianCalendar } from '@fioco-flow/rules';
import { describe, expect, it } from 'vitest';

// The upload routes ask the service to check a command without writing before they store its files. A dry run must
// leave the store exactly as it was, whether the command would pass or not.

const representative: Actor = { id: 'rep-dry', role: 'representative', organizationId: 'org-dry' };

async function setUp() {
  const store = createMemoryStore();
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const service = createApplicationService({ store, clock, calendar: russianCalendar(), programs: [testProgram()] });
  const created = await service.create(representative, { programId: testProgram().id });
  if (!created.ok) throw new Error(created.error.message);
  return { store, clock, service, id: created.application.id };
}

describe('dispatch with dryRun', () => {
  it('writes nothing for a command that passes', async () => {
    const { store, service, id } = await setUp();

    const result = await service.dispatch(id, representative, { type: 'draft.update', payload: { comment: 'x' } }, { dryRun: true, idempotencyKey: 'k-1' });

    expect(result.ok).toBe(true);
    expect(result.ok ? result.application.version : null).toBe(2);
    expect((await store.get(id))?.version).toBe(1);
    expect(await store.events(id)).toHaveLength(1);
    expect(await store.getIdempotency(representative.id, 'k-1', '2026-03-02T09:00:00Z')).toBeUndefined();
  });

  it('writes no tick for a rejected command', async () => {
    const { store, clock, service, id } = await setUp();
    // The draft lapses at the end of 4 March, Moscow time.
    clock.set('2026-03-05T09:00:00Z');

    const result = await service.dispatch(id, representative, { type: 'draft.update', payload: {} }, { dryRun: true });

    expect(result.ok ? null : result.error.code).toBe('not_allowed');
    expect((await store.get(id))?.state).toBe('draft');
    expect(await store.events(id)).toHaveLength(1);
  });

  it('rejects as the real dispatch does', async () => {
    const { service, id } = await setUp();
    const command = { type: 'row.add', payload: { row: { snils: '214-354-650 41' } } };

    const dry = await service.dispatch(id, representative, command, { dryRun: true });
    const real = await service.dispatch(id, representative, command);

    expect(dry).toEqual(real);
  });
});
