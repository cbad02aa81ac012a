import { describe, expect, it } from 'vitest';
import {
  createApplicationService,
  createManualClock,
  createMemoryStore,
  isCodeWord,
  type ApplicationStore,
  type ServiceError,
} from '@fioco-flow/core';
import { testFile, testProgram } from '@fioco-flow/core/testing';
import {
  calendar,
  createHarness,
  foreignRepresentative,
  ok,
  program,
  representative,
  run,
  staff,
  system,
  times,
  walk,
} from './helpers.js';

function error(result: { ok: boolean; error?: ServiceError }): ServiceError {
  if (result.ok || result.error === undefined) return expect.fail('expected a refusal');
  return result.error;
}

describe('create', () => {
  it('creates a draft with the program copied into it', async () => {
    const harness = createHarness();
    const created = ok(await harness.service.create(representative, { programId: program.id }));
    expect(created.application).toMatchObject({ state: 'draft', version: 1, organizationId: 'org-1', programId: program.id });
    expect(created.application.data.program).toEqual(program);
    expect(created.event).toMatchObject({ type: 'application.create', version: 1, actor: representative, state: 'draft' });
  });

  it('lets only a representative create', async () => {
    const harness = createHarness();
    const refused = error(await harness.service.create(staff, { programId: program.id }));
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe('Команда «Создать заявку» недоступна для роли «сотрудник ФИОКО».');
  });

  it('reports an unknown program', async () => {
    const harness = createHarness();
    expect(error(await harness.service.create(representative, { programId: 'nope' })).code).toBe('program_not_found');
  });

  it('reports a program the calendar cannot serve', async () => {
    const far = testProgram({ id: 'far', courseStart: '2031-03-17', courseEnd: '2031-03-28' });
    const harness = createHarness({ programs: [far] });
    const refused = error(await harness.service.create(representative, { programId: 'far' }));
    expect(refused.code).toBe('invalid_program');
    expect(refused.message).toContain('2031');
  });

  it('reports a malformed program', async () => {
    const broken = { ...program, id: 'broken', pricePerRow: -1 };
    const harness = createHarness({ programs: [broken] });
    expect(error(await harness.service.create(representative, { programId: 'broken' })).code).toBe('invalid_program');
  });

  it('allows one unfinished application per organization and program', async () => {
    const harness = createHarness({ programs: [program, testProgram({ id: 'other' })] });
    const first = ok(await harness.service.create(representative, { programId: program.id }));
    const second = error(await harness.service.create(representative, { programId: program.id }));
    expect(second).toMatchObject({ code: 'duplicate_application', existingId: first.application.id });
    ok(await harness.service.create(representative, { programId: 'other' }));
    ok(await harness.service.create(foreignRepresentative, { programId: program.id }));

    await run(harness, first.application.id, representative, { type: 'application.discard', payload: {} });
    ok(await harness.service.create(representative, { programId: program.id }));
  });
});

describe('role views', () => {
  it('hides an application from a representative of another organization', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const service = harness.service;
    expect(error(await service.get(id, foreignRepresentative)).code).toBe('not_found');
    expect(error(await service.dispatch(id, foreignRepresentative, { type: 'message.post', payload: { text: 'x' } })).code).toBe('not_found');
    expect(error(await service.history(id, foreignRepresentative)).code).toBe('not_found');
    expect(error(await service.deadlines(id, foreignRepresentative)).code).toBe('not_found');
    expect(error(await service.availableCommands(id, foreignRepresentative)).code).toBe('not_found');
    expect(await service.list(foreignRepresentative)).toEqual([]);
    expect(await service.list(foreignRepresentative, { organizationId: 'org-1' })).toEqual([]);
  });

  it('shows the code word and personal data to the organization and to staff only', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const own = await harness.service.get(id, representative);
    const institute = await harness.service.get(id, staff);
    const clock = await harness.service.get(id, system);
    if (!own.ok || !institute.ok || !clock.ok) return expect.fail('expected every view');

    expect(isCodeWord(own.application.data.access?.codeWord)).toBe(true);
    expect(institute.application.data.access?.codeWord).toBe(own.application.data.access?.codeWord);
    expect(own.application.data.rows[0]?.snils).toBeDefined();

    expect(clock.application.visibility).toBe('restricted');
    expect(clock.application.data.access).toBeNull();
    expect(clock.application.data.rows[0]).toEqual({ id: own.application.data.rows[0]?.id, subject: 'russian' });
    expect(JSON.stringify(clock.application)).not.toContain(own.application.data.access?.codeWord as string);

    const history = await harness.service.history(id, system);
    if (!history.ok) return expect.fail(history.error.message);
    const serialized = JSON.stringify(history.events);
    expect(serialized).not.toContain(own.application.data.access?.codeWord as string);
    expect(serialized).not.toContain(own.application.data.rows[0]?.snils as string);
  });

  it('lists by organization, state and due deadline', async () => {
    const harness = createHarness({ programs: [program, testProgram({ id: 'april', courseStart: '2026-04-13', courseEnd: '2026-04-24' })] });
    const { id: march } = await walk(harness, 'submitted');
    harness.clock.set(times.created);
    const april = ok(await harness.service.create(representative, { programId: 'april' })).application.id;
    const foreign = ok(await harness.service.create(foreignRepresentative, { programId: program.id })).application.id;

    const ids = (views: { id: string }[]) => views.map((view) => view.id);
    expect(ids(await harness.service.list(representative)).sort()).toEqual([march, april].sort());
    expect(ids(await harness.service.list(staff)).sort()).toEqual([march, april, foreign].sort());
    expect(ids(await harness.service.list(staff, { states: ['submitted'] }))).toEqual([march]);
    // Review of the submitted one is due 27 February; the March draft's submission deadline is 4 March.
    expect(ids(await harness.service.list(staff, { dueBefore: '2026-03-01T00:00:00.000Z' }))).toEqual([march]);
    expect(ids(await harness.service.list(staff, { orderBy: 'nextDeadlineAt' }))).toEqual([march, foreign, april]);
  });
});

describe('authorization and validation', () => {
  it('refuses a command the role may never send', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const refused = error(await harness.service.dispatch(id, representative, { type: 'document.accept', payload: { documentId: 'x' } }));
    expect(refused.code).toBe('forbidden');
    expect(error(await harness.service.dispatch(id, staff, { type: 'application.withdraw', payload: { reason: 'x' } })).code).toBe('forbidden');
    expect(error(await harness.service.dispatch(id, system, { type: 'application.decline', payload: { reason: 'x' } })).code).toBe('forbidden');
  });

  it('refuses an unknown command type', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const refused = error(await harness.service.dispatch(id, representative, { type: 'application.approve', payload: {} }));
    expect(refused.code).toBe('invalid_payload');
    expect(refused.violations?.[0]?.path).toEqual(['type']);
  });

  it('reports payload errors with paths, in Russian and in English', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const ru = error(await harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: {} }));
    expect(ru.code).toBe('invalid_payload');
    expect(ru.violations?.map((violation) => [violation.code, violation.path])).toEqual([['required', ['reason']]]);
    expect(ru.message).toMatch(/^Данные команды «Отозвать заявку» содержат 1 ошибку\./);

    const en = error(await harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: {} }, { locale: 'en' }));
    expect(en.message).toMatch(/^The data of the command "Withdraw the application" has 1 error\./);
  });

  it('refuses unknown payload fields', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const refused = error(
      await harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: { reason: 'x', reasn: 'y' } }),
    );
    expect(refused.code).toBe('invalid_payload');
  });

  it('renders a blocked command in English on request', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
    await run(harness, id, representative, { type: 'contract.upload_signed', payload: { contract: testFile('c'), consent: testFile('s') } }, times.signed);
    const refused = error(await harness.service.dispatch(id, staff, { type: 'contract.confirm', payload: {} }, { locale: 'en' }));
    expect(refused.message).toBe('The contract cannot be confirmed: 4 of 4 documents are not accepted yet.');
  });

  it('throws on an actor the host built wrong', async () => {
    const harness = createHarness();
    await expect(harness.service.get('x', { id: 'rep', role: 'representative' } as never)).rejects.toThrow(TypeError);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale expected version and changes nothing', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const before = await harness.store.get(id);
    const refused = error(
      await harness.service.dispatch(id, staff, { type: 'application.take_into_work', payload: {} }, { expectedVersion: 1 }),
    );
    expect(refused).toMatchObject({ code: 'version_conflict', currentVersion: before?.version });
    expect(await harness.store.get(id)).toEqual(before);
  });

  it('gives one of two writers at the same version a conflict', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const version = (await harness.store.get(id))?.version as number;
    const results = await Promise.all([
      harness.service.dispatch(id, staff, { type: 'application.take_into_work', payload: {} }, { expectedVersion: version }),
      harness.service.dispatch(id, representative, { type: 'application.withdraw', payload: { reason: 'x' } }, { expectedVersion: version }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => (result as { error: ServiceError }).error.code)).toEqual(['version_conflict']);
    expect((await harness.store.events(id)).filter((event) => event.version === version + 1)).toHaveLength(1);
  });

  it('loses no update when writers send no expected version', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const results = await Promise.all([
      harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: 'Первое' } }),
      harness.service.dispatch(id, staff, { type: 'message.post', payload: { text: 'Второе' } }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const stored = await harness.store.get(id);
    expect(stored?.snapshot.data.messages.map((message) => message.text).sort()).toEqual(['Второе', 'Первое']);
  });
});

describe('dry run', () => {
  it('answers as a dispatch would and writes nothing', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const before = await harness.store.get(id);
    const events = await harness.store.events(id);
    const command = { type: 'message.post', payload: { text: 'Вопрос' } } as const;
    const result = ok(await harness.service.dispatch(id, representative, command, { dryRun: true, idempotencyKey: 'k-1' }));
    expect(result.application.data.messages.map((message) => message.text)).toEqual(['Вопрос']);
    expect(await harness.store.get(id)).toEqual(before);
    expect(await harness.store.events(id)).toEqual(events);
    expect(await harness.store.getIdempotency(representative.id, 'k-1', times.submitted)).toBeUndefined();
  });

  it('stores no clock transition when the command is refused', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'filled');
    harness.clock.set('2026-03-04T21:00:00.000Z');
    const refused = error(await harness.service.dispatch(id, representative, { type: 'application.submit', payload: {} }, { dryRun: true }));
    expect(refused).toMatchObject({ code: 'not_allowed', state: 'lapsed' });
    expect((await harness.store.get(id))?.state).toBe('draft');
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and request', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const command = { type: 'message.post', payload: { text: 'Вопрос' } } as const;
    const first = ok(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' }));
    const second = ok(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' }));
    expect(second).toEqual({ ...first, replayed: true });
    expect((await harness.store.get(id))?.snapshot.data.messages).toHaveLength(1);
  });

  it('refuses the same key with another request', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    ok(await harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: 'А' } }, { idempotencyKey: 'k-1' }));
    const refused = error(
      await harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: 'Б' } }, { idempotencyKey: 'k-1' }),
    );
    expect(refused.code).toBe('idempotency_mismatch');
  });

  it('replays a refusal even after the state changed', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'signed');
    const command = { type: 'contract.confirm', payload: {} } as const;
    // Every document is accepted in the walk; refuse with a stale version instead.
    const refused = error(await harness.service.dispatch(id, staff, command, { idempotencyKey: 'k-2', expectedVersion: 1 }));
    expect(refused.code).toBe('version_conflict');
    const again = error(await harness.service.dispatch(id, staff, command, { idempotencyKey: 'k-2', expectedVersion: 1 }));
    expect(again).toEqual(refused);
    ok(await harness.service.dispatch(id, staff, command, { idempotencyKey: 'k-3' }));
  });

  it('refuses a key whose first request is still running', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    await harness.store.claimIdempotency(
      {
        actorId: representative.id,
        key: 'k-1',
        fingerprint: 'x'.repeat(64),
        status: 'pending',
        applicationId: id,
        response: null,
        createdAt: times.submitted,
        expiresAt: '2026-02-24T09:01:00.000Z',
      },
      times.submitted,
    );
    const command = { type: 'message.post', payload: { text: 'А' } } as const;
    harness.clock.set('2026-02-24T09:00:30.000Z');
    const busy = error(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' }));
    expect(['idempotency_in_progress', 'idempotency_mismatch']).toContain(busy.code);
    harness.clock.set('2026-02-24T09:01:00.000Z');
    ok(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' }));
  });

  it('reports a key in progress for the same request', async () => {
    const store = createMemoryStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A store whose update waits, so that a second request arrives while the first is running.
    const slow: ApplicationStore = {
      ...store,
      update: async (...args) => {
        await gate;
        return store.update(...args);
      },
    };
    const harness = createHarness({ store: slow });
    const { id } = await walk({ ...harness, store }, 'created');
    const command = { type: 'draft.update', payload: { comment: 'Просим счёт' } } as const;
    const first = harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = error(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k-1' }));
    expect(second.code).toBe('idempotency_in_progress');
    expect(second.message).toBe('Запрос с ключом идемпотентности «k-1» ещё выполняется. Повторите его позже.');
    release();
    ok(await first);
  });

  it('scopes keys to the actor', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    ok(await harness.service.dispatch(id, representative, { type: 'message.post', payload: { text: 'А' } }, { idempotencyKey: 'k' }));
    ok(await harness.service.dispatch(id, staff, { type: 'message.post', payload: { text: 'Б' } }, { idempotencyKey: 'k' }));
    expect((await harness.store.get(id))?.snapshot.data.messages).toHaveLength(2);
  });

  it('releases the key when the store fails', async () => {
    const store = createMemoryStore();
    let failures = 1;
    const flaky: ApplicationStore = {
      ...store,
      update: async (...args) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('connection lost');
        }
        return store.update(...args);
      },
    };
    const harness = createHarness({ store: flaky });
    const { id } = await walk({ ...harness, store }, 'created');
    const command = { type: 'draft.update', payload: { comment: 'x' } } as const;
    await expect(harness.service.dispatch(id, representative, command, { idempotencyKey: 'k' })).rejects.toThrow('connection lost');
    ok(await harness.service.dispatch(id, representative, command, { idempotencyKey: 'k' }));
  });

  it('makes create idempotent', async () => {
    const harness = createHarness();
    const first = ok(await harness.service.create(representative, { programId: program.id }, { idempotencyKey: 'c-1' }));
    const second = ok(await harness.service.create(representative, { programId: program.id }, { idempotencyKey: 'c-1' }));
    expect(second.application.id).toBe(first.application.id);
    expect(second.replayed).toBe(true);
  });
});

describe('tick', () => {
  it('applies the clock only to applications that are due', async () => {
    const harness = createHarness({
      programs: [program, testProgram({ id: 'april', courseStart: '2026-04-13', courseEnd: '2026-04-24' })],
    });
    const { id: submitted } = await walk(harness, 'submitted');
    harness.clock.set(times.created);
    const draft = ok(await harness.service.create(foreignRepresentative, { programId: program.id })).application.id;
    const april = ok(await harness.service.create(representative, { programId: 'april' })).application.id;

    const listed: unknown[] = [];
    const store = harness.store;
    const spy = { ...store, list: async (filter?: Parameters<ApplicationStore['list']>[0]) => (listed.push(filter), store.list(filter)) };
    let counter = 100;
    const service = createApplicationService({ store: spy, clock: harness.clock, calendar, programs: [program], ids: () => `t-${(counter += 1)}` });

    const report = await service.tick('2026-03-04T21:00:00.000Z');
    expect(listed[0]).toMatchObject({ dueBefore: '2026-03-04T21:00:00.000Z', final: false });
    expect(report.checked).toBe(2);
    expect(report.changed.map((change) => [change.id, change.from, change.to]).sort()).toEqual(
      [
        [draft, 'draft', 'lapsed'],
        [submitted, 'submitted', 'submitted'],
      ].sort(),
    );
    expect((await store.get(april))?.state).toBe('draft');

    const again = await service.tick('2026-03-04T21:00:00.000Z');
    expect(again.changed).toEqual([]);
    expect(again.checked).toBe(0);
  });

  it('refuses an instant without a zone', async () => {
    const harness = createHarness();
    await expect(harness.service.tick('2026-03-05T00:00:00')).rejects.toThrow(RangeError);
  });

  it('logs the clock as an event of the system actor', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    await harness.service.tick('2026-03-04T21:00:00.000Z');
    const history = await harness.service.history(id, representative);
    if (!history.ok) return expect.fail(history.error.message);
    expect(history.events.at(-1)).toMatchObject({
      type: 'clock.tick',
      actor: { id: 'clock', role: 'system' },
      at: '2026-03-04T21:00:00.000Z',
      state: 'lapsed',
      version: 2,
    });
  });

  it('lets the system dispatch the clock and says why nothing is due', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const refused = error(await harness.service.dispatch(id, system, { type: 'clock.tick', payload: {} }));
    expect(refused.code).toBe('blocked');
    expect(refused.message).toBe('Сроки нельзя применить: срок подачи заявки (4 марта 2026 г. (ср)) ещё не истёк.');
    harness.clock.set('2026-03-05T09:00:00.000Z');
    const lapsed = ok(await harness.service.dispatch(id, system, { type: 'clock.tick', payload: {} }));
    expect(lapsed.application.state).toBe('lapsed');
  });
});

describe('event log', () => {
  it('numbers events by version and rebuilds the same snapshot', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'completed');
    const history = await harness.service.history(id, staff);
    if (!history.ok) return expect.fail(history.error.message);
    expect(history.events.map((event) => event.version)).toEqual(history.events.map((_, index) => index + 1));
    expect(harness.service.replay(history.events)).toEqual((await harness.store.get(id))?.snapshot);
  });

  it('records the code word in its event so that replay reuses it', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'enrolled');
    const stored = await harness.store.get(id);
    const events = await harness.store.events(id);
    const confirm = events.find((event) => event.type === 'contract.confirm');
    expect(confirm?.generated.codeWord).toBe(stored?.codeWord);
    expect(harness.service.replay(events).data.access?.codeWord).toBe(stored?.codeWord);
  });

  it('refuses a log that does not start with the creation', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    const events = await harness.store.events(id);
    expect(() => harness.service.replay(events.slice(1))).toThrow('must start with an application.create event');
    expect(() => harness.service.replay([events[0] as never, events[2] as never])).toThrow('jumps from version 1 to 3');
  });
});

describe('code words', () => {
  function harnessWithCodeWords(codeWords: () => string) {
    const store = createMemoryStore();
    const clock = createManualClock(times.created);
    let counter = 0;
    const service = createApplicationService({ store, clock, calendar, programs: [program], codeWords, ids: () => `c-${(counter += 1)}` });
    return { store, clock, service };
  }
  const secondSchool = { id: 'rep-9', role: 'representative', organizationId: 'org-9' } as const;

  it('draws again when the generated code word is taken', async () => {
    const words = ['K7QM-4RTX-9BHD', 'K7QM-4RTX-9BHD', 'M2PX-7QRT-3VWA'];
    const harness = harnessWithCodeWords(() => words.shift() as string);
    const first = await walk(harness, 'enrolled');
    const second = await walk(harness, 'enrolled', { representative: secondSchool });
    expect((await harness.store.get(first.id))?.codeWord).toBe('K7QM-4RTX-9BHD');
    expect((await harness.store.get(second.id))?.codeWord).toBe('M2PX-7QRT-3VWA');
    expect(words).toEqual([]);
  });

  it('throws when the generator only returns taken code words', async () => {
    const harness = harnessWithCodeWords(() => 'K7QM-4RTX-9BHD');
    await walk(harness, 'enrolled');
    const second = await walk(harness, 'signed', { representative: secondSchool });
    harness.clock.set(times.confirmed);
    await expect(harness.service.dispatch(second.id, staff, { type: 'contract.confirm', payload: {} })).rejects.toThrow(
      'returned 10 taken code words in a row',
    );
    expect((await harness.store.get(second.id))?.state).toBe('in_work.signed_scans_under_review');
  });
});

describe('deadlines and available commands', () => {
  it('returns every deadline with its explanation', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'closing');
    const result = await harness.service.deadlines(id, representative);
    if (!result.ok) return expect.fail(result.error.message);
    const { submission, contract, review, originals } = result.deadlines;
    expect([submission.date, contract.date, review?.date, originals?.date]).toEqual(['2026-03-04', '2026-03-11', '2026-02-27', '2026-04-01']);
    expect(submission.explanation.skippedDays.map((day) => day.date)).toContain('2026-03-09');
  });

  it('lists what the actor may do now with the reasons of blocked commands', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    const result = await harness.service.availableCommands(id, representative);
    if (!result.ok) return expect.fail(result.error.message);
    expect(result.commands.map((command) => [command.type, command.available])).toEqual([
      ['draft.update', true],
      ['row.add', true],
      ['row.update', false],
      ['row.remove', false],
      ['document.attach', false],
      ['application.submit', false],
      ['application.discard', true],
    ]);
    const submit = result.commands.find((command) => command.type === 'application.submit');
    expect(submit?.message).toBe(
      'Заявку нельзя отправить: найдено 12 нарушений, первое — Не заполнено поле «Полное наименование» организации. Заполните его.',
    );

    const forStaff = await harness.service.availableCommands(id, staff);
    expect(forStaff.ok && forStaff.commands).toEqual([]);
  });

  it('answers for the state the clock leaves', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'created');
    harness.clock.set('2026-03-05T00:00:00.000Z');
    const result = await harness.service.availableCommands(id, representative);
    expect(result.ok && result.commands).toEqual([]);
  });
});

