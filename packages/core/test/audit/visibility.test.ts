import { describe, expect, it } from 'vitest';
import { availableCommands, createApplicationService, createManualClock, createMemoryStore, type Actor } from '@fioco-flow/core';
import { testFile } from '@fioco-flow/core/testing';
import { calendar, createHarness, foreignRepresentative, program, representative, run, staff, system, times, walk } from '../helpers.js';
import { refusal, stored } from './support.js';

const colleague: Actor = { id: 'rep-smirnova', role: 'representative', organizationId: 'org-1' };

describe('a representative of another organization gets not_found everywhere', () => {
  it('for reads, as for a missing id', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    for (const target of [id, 'no-such-application']) {
      const results = [
        await harness.service.get(target, foreignRepresentative),
        await harness.service.history(target, foreignRepresentative),
        await harness.service.deadlines(target, foreignRepresentative),
        await harness.service.availableCommands(target, foreignRepresentative),
      ];
      for (const result of results) {
        if (result.ok) return expect.fail(`${target}: a foreign representative saw the application`);
        expect(result.error.code).toBe('not_found');
        expect(result.error.message).toContain(target);
      }
    }
  });

  it('for dispatch with any options', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const before = await stored(harness, id);
    const command = { type: 'application.withdraw', payload: { reason: 'Чужая заявка' } } as const;
    for (const options of [{}, { idempotencyKey: 'k-1' }, { expectedVersion: before.version }, { dryRun: true }]) {
      const error = await refusal(harness.service.dispatch(id, foreignRepresentative, command, options));
      expect(error.code, JSON.stringify(options)).toBe('not_found');
    }
    // Even a command every representative may send, and after a deadline the clock would apply.
    harness.clock.set('2026-03-12T09:00:00.000Z');
    expect((await refusal(harness.service.dispatch(id, foreignRepresentative, { type: 'message.post', payload: { text: 'Привет' } }))).code).toBe('not_found');
    const after = await stored(harness, id);
    expect(after.version).toBe(before.version);
    expect(after.state).toBe('submitted');
  });

  it('in list, even when it asks for the other organization by id', async () => {
    const harness = createHarness();
    await walk(harness, 'submitted');
    expect(await harness.service.list(foreignRepresentative)).toEqual([]);
    expect(await harness.service.list(foreignRepresentative, { organizationId: 'org-1' })).toEqual([]);
    expect(await harness.service.list(foreignRepresentative, { states: ['submitted'] })).toEqual([]);
    expect((await harness.service.list(colleague)).map((view) => view.organizationId)).toEqual(['org-1']);
  });

  it('in availableCommands computed from a view it somehow holds', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const view = await harness.service.get(id, staff);
    if (!view.ok) return expect.fail(view.error.message);
    expect(availableCommands(view.application, foreignRepresentative, { now: times.submitted })).toEqual([]);
  });
});

describe('the code word is visible only to its organization and to staff', () => {
  it('shows it to its organization and staff', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const codeWord = (await stored(harness, id)).data.access?.codeWord;
    expect(codeWord).toBeTruthy();

    for (const actor of [representative, colleague, staff]) {
      const view = await harness.service.get(id, actor);
      if (!view.ok) return expect.fail(view.error.message);
      expect(view.application.data.access?.codeWord, actor.id).toBe(codeWord);
    }

    const systemView = await harness.service.get(id, system);
    if (!systemView.ok) return expect.fail(systemView.error.message);
    expect(JSON.stringify(systemView.application)).not.toContain(codeWord);
    const systemHistory = await harness.service.history(id, system);
    if (!systemHistory.ok) return expect.fail(systemHistory.error.message);
    expect(JSON.stringify(systemHistory.events)).not.toContain(codeWord);
    expect(JSON.stringify(await harness.service.list(system))).not.toContain(codeWord);
    expect(JSON.stringify(await harness.service.list(foreignRepresentative))).not.toContain(codeWord);
  });

  it('gives each concluded application a code word no other application holds', async () => {
    const words = ['K7QM-4RTX-9BHD', 'K7QM-4RTX-9BHD', 'A2B3-C4D5-E6F7'];
    let counter = 0;
    const clock = createManualClock(times.created);
    const store = createMemoryStore();
    const service = createApplicationService({
      store,
      clock,
      calendar,
      programs: [program],
      ids: () => `id-${(counter += 1)}`,
      codeWords: () => words.shift() ?? 'ZZZZ-ZZZZ-ZZZZ',
    });
    const harness = { clock, service, store };
    const first = await walk(harness, 'enrolled');
    const second = await walk(harness, 'enrolled', { representative: foreignRepresentative });
    const codeWords = await Promise.all(
      [[first.id, representative], [second.id, foreignRepresentative]].map(async ([id, actor]) => {
        const view = await service.get(id as string, actor as Actor);
        return view.ok ? view.application.data.access?.codeWord : undefined;
      }),
    );
    expect(codeWords).toEqual(['K7QM-4RTX-9BHD', 'A2B3-C4D5-E6F7']);
  });
});

describe('staff act on any application; a representative only on the own one', () => {
  it('lets a colleague of the same organization continue the application', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'in_work');
    const uploaded = await run(harness, id, colleague, {
      type: 'contract.upload_signed',
      payload: { contract: testFile('contract-signed'), consent: testFile('consent-signed') },
    }, times.signed);
    expect(uploaded.application.state).toBe('in_work.signed_scans_under_review');
  });
});
