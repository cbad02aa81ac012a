import { describe, expect, it } from 'vitest';
import { commandCatalog, commandTypes, type Actor, type ApplicationState, type CommandType } from '@fioco-flow/core';
import { testFile } from '@fioco-flow/core/testing';
import { createHarness, representative, rowPayload, run, staff, system, trackingNumber, walk, type Harness } from '../helpers.js';

// The command table of the procedure: the states in which each command may be sent at all. A command outside its
// states is refused as not allowed. Inside them a condition (deadline, documents, …) may still block it. The clock is
// left out: the machine takes it only in the states that have a deadline (draft, submitted, in work, closing).
const anyLiveState: readonly ApplicationState[] = [
  'draft',
  'submitted',
  'in_work.awaiting_signed_scans',
  'in_work.signed_scans_under_review',
  'enrolled',
  'closing',
  'awaiting_payment',
];
const review: readonly ApplicationState[] = ['submitted', 'in_work.awaiting_signed_scans', 'in_work.signed_scans_under_review'];
const table: Record<Exclude<CommandType, 'clock.tick'>, readonly ApplicationState[]> = {
  'draft.update': ['draft'],
  'row.add': ['draft'],
  'row.update': ['draft'],
  'row.remove': ['draft'],
  'document.attach': ['draft'],
  'application.submit': ['draft'],
  'application.discard': ['draft'],
  'document.accept': review,
  'document.reject': review,
  'document.request': review,
  'document.replace': review,
  'application.take_into_work': ['submitted'],
  'application.decline': review,
  'application.withdraw': review,
  'contract.upload_signed': ['in_work.awaiting_signed_scans'],
  'contract.return': ['in_work.signed_scans_under_review'],
  'contract.confirm': ['in_work.signed_scans_under_review'],
  'contract.send_concluded': ['enrolled'],
  'invoice.send': ['enrolled'],
  'closing.issue': ['enrolled'],
  'act.upload_signed': ['closing'],
  'originals.record_sent': ['closing'],
  'originals.record_received': ['closing'],
  'act.record_signed_on_platform': ['closing'],
  'results.record': ['enrolled', 'closing'],
  'payment.record': ['enrolled', 'closing', 'awaiting_payment'],
  'package.dispatch': ['closing'],
  'certificates.dispatch': ['awaiting_payment'],
  'application.close': ['closing', 'awaiting_payment'],
  'message.post': anyLiveState.filter((state) => state !== 'draft'),
};

function samplePayload(type: CommandType, rowId: string, documentId: string): unknown {
  const payloads: Record<CommandType, unknown> = {
    'draft.update': { comment: 'Просим выставить счёт на школу' },
    'row.add': { row: rowPayload(7) },
    'row.update': { rowId, changes: { position: 'заместитель директора' } },
    'row.remove': { rowId },
    'document.attach': { rowIds: [rowId], kind: 'other', file: testFile('other') },
    'application.submit': {},
    'application.discard': {},
    'document.accept': { documentId },
    'document.reject': { documentId, reason: 'Скан нечитаем' },
    'document.request': { rowIds: [rowId], kind: 'passport', reason: 'Нужен паспорт' },
    'document.replace': { documentId, file: testFile('replacement') },
    'application.take_into_work': {},
    'application.decline': { reason: 'Набор закрыт' },
    'application.withdraw': { reason: 'Передумали' },
    'contract.upload_signed': { contract: testFile('contract-signed-2'), consent: testFile('consent-signed-2') },
    'contract.return': { reason: 'Нет печати' },
    'contract.confirm': {},
    'contract.send_concluded': { file: testFile('contract-concluded-2') },
    'invoice.send': { file: testFile('invoice-2') },
    'closing.issue': { act: testFile('act-2') },
    'act.upload_signed': { file: testFile('act-signed-2') },
    'originals.record_sent': { trackingNumber },
    'originals.record_received': {},
    'act.record_signed_on_platform': {},
    'results.record': { results: [{ rowId, passed: true }] },
    'payment.record': { amount: 100, paidOn: '2026-02-20', reference: 'п/п № 1' },
    'package.dispatch': { trackingNumber },
    'certificates.dispatch': { trackingNumber },
    'application.close': { reason: 'Оригиналы не пришли' },
    'message.post': { text: 'Добрый день' },
    'clock.tick': {},
  };
  return payloads[type];
}

function actorFor(type: CommandType): Actor {
  const [role] = commandCatalog[type].roles;
  if (role === 'staff') return staff;
  if (role === 'system') return system;
  return representative;
}

async function reach(harness: Harness, state: ApplicationState) {
  switch (state) {
    case 'draft':
      return walk(harness, 'filled');
    case 'submitted':
      return walk(harness, 'submitted');
    case 'in_work.awaiting_signed_scans':
      return walk(harness, 'in_work');
    case 'in_work.signed_scans_under_review':
      return walk(harness, 'signed');
    case 'enrolled':
      return walk(harness, 'enrolled');
    case 'closing':
      return walk(harness, 'originals');
    case 'awaiting_payment': {
      const walked = await walk(harness, 'originals');
      await run(harness, walked.id, staff, { type: 'package.dispatch', payload: { trackingNumber } });
      return walked;
    }
    case 'completed':
      return walk(harness, 'completed');
    case 'discarded': {
      const walked = await walk(harness, 'filled');
      await run(harness, walked.id, representative, { type: 'application.discard', payload: {} });
      return walked;
    }
    case 'declined': {
      const walked = await walk(harness, 'submitted');
      await run(harness, walked.id, staff, { type: 'application.decline', payload: { reason: 'Набор закрыт' } });
      return walked;
    }
    case 'withdrawn': {
      const walked = await walk(harness, 'in_work');
      await run(harness, walked.id, representative, { type: 'application.withdraw', payload: { reason: 'Передумали' } });
      return walked;
    }
    case 'lapsed': {
      const walked = await walk(harness, 'filled');
      harness.clock.set('2026-03-05T09:00:00.000Z');
      await harness.service.tick();
      return walked;
    }
    case 'closed': {
      const walked = await walk(harness, 'originals');
      await run(harness, walked.id, staff, { type: 'application.close', payload: { reason: 'Оригиналы не пришли' } });
      return walked;
    }
  }
}

const everyState: readonly ApplicationState[] = [
  ...anyLiveState,
  'completed',
  'discarded',
  'declined',
  'withdrawn',
  'lapsed',
  'closed',
];

describe('command table: commands are accepted only in their states', () => {
  for (const state of everyState) {
    it(`in ${state}`, async () => {
      const harness = createHarness();
      const walked = await reach(harness, state);
      const current = await harness.store.get(walked.id);
      expect(current?.state).toBe(state);
      const rowId = walked.rowIds[0] ?? 'no-row';
      const documentId = walked.documentIds[0] ?? 'no-document';

      const outsideItsStates: string[] = [];
      const insideItsStatesButNotAllowed: string[] = [];
      for (const type of commandTypes) {
        if (type === 'clock.tick') continue;
        const result = await harness.service.dispatch(walked.id, actorFor(type), { type, payload: samplePayload(type, rowId, documentId) }, { dryRun: true });
        const notAllowed = !result.ok && result.error.code === 'not_allowed';
        if (!result.ok) expect(['not_allowed', 'blocked', 'rule_violations'], `${type}: ${result.error.message}`).toContain(result.error.code);
        const listed = table[type].includes(state);
        if (listed && notAllowed) insideItsStatesButNotAllowed.push(type);
        if (!listed && !notAllowed) outsideItsStates.push(type);
      }
      expect(outsideItsStates, 'commands accepted or blocked outside their states').toEqual([]);
      expect(insideItsStatesButNotAllowed, 'commands refused as not allowed in their own states').toEqual([]);

      // A dry run writes nothing.
      expect((await harness.store.get(walked.id))?.version).toBe(current?.version);
    });
  }

  it('gives every final state no command at all, the clock included', async () => {
    for (const state of everyState.filter((candidate) => !anyLiveState.includes(candidate))) {
      const harness = createHarness();
      const walked = await reach(harness, state);
      harness.clock.set('2026-05-01T09:00:00.000Z');
      const tick = await harness.service.dispatch(walked.id, system, { type: 'clock.tick', payload: {} });
      expect(tick.ok, state).toBe(false);
      for (const actor of [representative, staff]) {
        const available = await harness.service.availableCommands(walked.id, actor);
        if (!available.ok) return expect.fail(available.error.message);
        expect(available.commands, `${state} for ${actor.role}`).toEqual([]);
      }
    }
  });

  it('refuses every command of another role, whatever the state', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    for (const type of commandTypes) {
      for (const actor of [representative, staff, system]) {
        if (commandCatalog[type].roles.includes(actor.role)) continue;
        const result = await harness.service.dispatch(id, actor, { type, payload: samplePayload(type, 'r', 'd') });
        expect(result.ok ? 'ok' : result.error.code, `${type} by ${actor.role}`).toBe('forbidden');
      }
    }
    expect(commandCatalog['message.post'].roles).toEqual(['representative', 'staff']);
  });
});

describe('availableCommands agrees with dispatch', () => {
  for (const state of anyLiveState) {
    it(`in ${state}`, async () => {
      const harness = createHarness();
      const walked = await reach(harness, state);
      const rowId = walked.rowIds[0] ?? 'no-row';
      const documentId = walked.documentIds[0] ?? 'no-document';
      for (const actor of [representative, staff, system]) {
        const listed = await harness.service.availableCommands(walked.id, actor);
        if (!listed.ok) return expect.fail(listed.error.message);
        for (const command of listed.commands) {
          const result = await harness.service.dispatch(
            walked.id,
            actor,
            { type: command.type, payload: samplePayload(command.type, rowId, documentId) },
            { dryRun: true },
          );
          if (command.available) {
            // Only a condition on the payload (which document, what amount) may still refuse it.
            if (!result.ok) {
              expect(result.error.code, `${command.type} by ${actor.role}: ${result.error.message}`).toBe('blocked');
              const stateConditions = command.reasons.map((reason) => reason.condition);
              expect(stateConditions).toEqual([]);
            }
          } else {
            expect(result.ok, `${command.type} by ${actor.role} is listed as blocked: ${command.message}`).toBe(false);
            if (!result.ok) expect(['blocked', 'rule_violations'], command.type).toContain(result.error.code);
          }
        }
        // A command the actor may send that is not listed must be refused as not allowed.
        for (const type of commandTypes) {
          if (!commandCatalog[type].roles.includes(actor.role) || listed.commands.some((command) => command.type === type)) continue;
          const result = await harness.service.dispatch(walked.id, actor, { type, payload: samplePayload(type, rowId, documentId) }, { dryRun: true });
          expect(result.ok ? 'ok' : result.error.code, `${type} by ${actor.role} is not listed`).toBe('not_allowed');
        }
      }
    });
  }
});
