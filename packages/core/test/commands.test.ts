import { describe, expect, expectTypeOf, it } from 'vitest';
import { initialTransition } from 'xstate';
import {
  availableCommands,
  commandCatalog,
  commandPayloadSchemas,
  commandTypes,
  createApplicationMachine,
  describeMachine,
  isAllowedRole,
  machineToMermaid,
  serviceError,
  serviceErrorCodes,
  stateLabels,
  applicationStates,
  type Actor,
  type CommandPayload,
  type ConditionName,
  type DispatchResult,
  type ErrorDetails,
  type ServiceErrorCode,
} from '@fioco-flow/core';
import { conditions } from '../src/machine/conditions.js';
import { guardPlans } from '../src/machine/guards.js';
import { formatReason } from '../src/messages/reasons.js';
import { calendar, createHarness, foreignRepresentative, program, representative, staff, system, walk } from './helpers.js';

describe('command catalog', () => {
  it('holds every command of the procedure', () => {
    expect(commandTypes).toEqual([
      'draft.update',
      'row.add',
      'row.update',
      'row.remove',
      'document.attach',
      'application.submit',
      'application.discard',
      'document.accept',
      'document.reject',
      'document.request',
      'document.replace',
      'application.take_into_work',
      'application.decline',
      'application.withdraw',
      'contract.upload_signed',
      'contract.return',
      'contract.confirm',
      'contract.send_concluded',
      'invoice.send',
      'closing.issue',
      'act.upload_signed',
      'originals.record_sent',
      'originals.record_received',
      'act.record_signed_on_platform',
      'results.record',
      'payment.record',
      'package.dispatch',
      'certificates.dispatch',
      'application.close',
      'message.post',
      'clock.tick',
    ]);
  });

  it('gives each command its roles', () => {
    const byRole = (role: Actor['role']) => commandTypes.filter((type) => isAllowedRole(type, role));
    expect(byRole('representative')).toEqual([
      'draft.update',
      'row.add',
      'row.update',
      'row.remove',
      'document.attach',
      'application.submit',
      'application.discard',
      'document.replace',
      'application.withdraw',
      'contract.upload_signed',
      'act.upload_signed',
      'originals.record_sent',
      'message.post',
    ]);
    expect(byRole('system')).toEqual(['clock.tick']);
    // Staff send everything else; the thread is the one place both sides write.
    expect(byRole('staff')).toEqual(commandTypes.filter((type) => type === 'message.post' || !byRole('representative').concat('clock.tick').includes(type)));
    expect(byRole('staff')).toHaveLength(18);
  });

  it('labels every command in both languages and names the blocked action', () => {
    for (const type of commandTypes) {
      const definition = commandCatalog[type];
      expect(definition.type).toBe(type);
      expect(definition.label.ru).toMatch(/^[А-ЯЁ]/);
      expect(definition.label.en).toMatch(/^[A-Z]/);
      expect(definition.blocked.ru).toMatch(/нельзя/);
      expect(definition.blocked.en).toMatch(/cannot/);
    }
  });

  it('refuses unknown payload fields in every command', () => {
    for (const type of commandTypes) {
      expect(commandPayloadSchemas[type].safeParse({ unexpectedField: 1 }).success).toBe(false);
    }
  });

  it('types the payload of each command', () => {
    expectTypeOf<CommandPayload<'payment.record'>>().toEqualTypeOf<{ amount: number; paidOn: string; reference: string }>();
    expectTypeOf<CommandPayload<'document.reject'>>().toEqualTypeOf<{ documentId: string; reason: string }>();
    expectTypeOf<DispatchResult>().toHaveProperty('ok').toEqualTypeOf<boolean>();
    expectTypeOf<ServiceErrorCode>().toEqualTypeOf<(typeof serviceErrorCodes)[number]>();
  });
});

describe('available commands', () => {
  const machine = createApplicationMachine({ calendar });
  const [snapshot] = initialTransition(machine, {
    id: 'a-1',
    organizationId: 'org-1',
    program,
    createdAt: '2026-02-20T09:00:00.000Z',
    createdBy: representative.id,
  });
  const application = { state: 'draft' as const, data: snapshot.context };

  it('offer a foreign representative nothing', () => {
    expect(availableCommands(application, foreignRepresentative)).toEqual([]);
  });

  it('offer the clock only to the system, with the reason it has nothing to do', () => {
    expect(availableCommands(application, system, { now: '2026-03-01T00:00:00Z', locale: 'en' })).toEqual([
      {
        type: 'clock.tick',
        label: 'Apply the deadlines',
        available: false,
        reasons: [
          {
            condition: 'submissionDeadlinePassed',
            params: { date: '2026-03-04' },
            message: 'the submission deadline (Wed 4 March 2026) has not passed',
          },
        ],
        message: 'The deadlines cannot be applied: the submission deadline (Wed 4 March 2026) has not passed.',
      },
    ]);
    expect(availableCommands(application, system, { now: '2026-03-04T21:00:00Z' })[0]?.available).toBe(true);
  });

  it('offer nothing in a final state', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'completed');
    const stored = await harness.store.get(id);
    for (const actor of [representative, staff, system]) expect(availableCommands(stored!.snapshot, actor)).toEqual([]);
  });

  it('tell staff why the contract cannot be confirmed', async () => {
    const harness = createHarness();
    const { id } = await walk(harness, 'submitted');
    harness.clock.set('2026-02-25T09:00:00.000Z');
    await harness.service.dispatch(id, staff, { type: 'application.take_into_work', payload: {} });
    await harness.service.dispatch(id, representative, {
      type: 'contract.upload_signed',
      payload: {
        contract: { id: 'c', name: 'c.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) },
        consent: { id: 's', name: 's.pdf', mediaType: 'application/pdf', size: 1, sha256: 'b'.repeat(64) },
      },
    });
    const result = await harness.service.availableCommands(id, staff);
    if (!result.ok) return expect.fail(result.error.message);
    const confirm = result.commands.find((command) => command.type === 'contract.confirm');
    expect(confirm?.message).toBe('Договор нельзя подтвердить: 4 из 4 документов ещё не приняты.');
    expect(result.commands.find((command) => command.type === 'contract.return')?.available).toBe(true);
  });
});

describe('conditions and their reasons', () => {
  const machine = createApplicationMachine({ calendar });
  const [snapshot] = initialTransition(machine, {
    id: 'a-1',
    organizationId: 'org-1',
    program,
    createdAt: '2026-02-20T09:00:00.000Z',
    createdBy: representative.id,
  });
  const event = {
    type: 'payment.record',
    at: '2026-03-02T09:00:00.000Z',
    actor: staff,
    payload: { amount: 100, paidOn: '2026-03-05', reference: '1', documentId: 'd-1', rowId: 'r-1', rowIds: ['r-1'] },
    generated: {},
  } as never;

  it('render every reason in both languages', () => {
    for (const name of Object.keys(conditions) as ConditionName[]) {
      const params = conditions[name].params(snapshot.context, event);
      for (const locale of ['ru', 'en'] as const) {
        const message = formatReason(name, params as never, locale);
        expect(message.length).toBeGreaterThan(10);
        expect(message).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('check only known conditions in guards', () => {
    for (const plan of Object.values(guardPlans)) {
      for (const name of [...plan.state, ...plan.payload]) expect(conditions).toHaveProperty(name);
    }
  });
});

describe('service errors', () => {
  const samples: Record<ServiceErrorCode, ErrorDetails> = {
    not_found: { code: 'not_found', id: 'a-1' },
    program_not_found: { code: 'program_not_found', programId: 'p-1' },
    invalid_program: { code: 'invalid_program', programId: 'p-1', detail: 'no calendar data for 2031' },
    forbidden: { code: 'forbidden', operation: 'contract.confirm', role: 'representative' },
    invalid_payload: { code: 'invalid_payload', operation: 'row.add', violations: [{ code: 'required', path: ['reason'], params: {} }] },
    rule_violations: { code: 'rule_violations', operation: 'application.submit', violations: [{ code: 'no_participants', path: ['participants'], params: {} }] },
    idempotency_mismatch: { code: 'idempotency_mismatch', key: 'k' },
    idempotency_in_progress: { code: 'idempotency_in_progress', key: 'k' },
    version_conflict: { code: 'version_conflict', expected: 3, current: 5 },
    not_allowed: { code: 'not_allowed', operation: 'row.add', state: 'submitted' },
    blocked: { code: 'blocked', operation: 'contract.confirm', reasons: [] },
    duplicate_application: { code: 'duplicate_application', existingId: 'a-1', programTitle: program.title },
    calendar_out_of_range: { code: 'calendar_out_of_range', operation: 'closing.issue', year: 2028 },
  };

  it('have a message for every code in both languages', () => {
    for (const code of serviceErrorCodes) {
      for (const locale of ['ru', 'en'] as const) {
        const error = serviceError(samples[code], locale);
        expect(error.code).toBe(code);
        expect(error.message).toMatch(/\.$/);
        expect(error.message).not.toMatch(/undefined|NaN/);
      }
    }
    expect(serviceError(samples.forbidden).message).toBe('Команда «Подтвердить договор» недоступна для роли «представитель организации».');
    expect(serviceError(samples.not_allowed, 'en').message).toBe('The command "Add a participant" is not available while the application is "Submitted".');
  });
});

describe('machine chart', () => {
  it('describes states and transitions with labels', () => {
    const chart = describeMachine('ru');
    expect(chart.states.find((state) => state.id === 'in_work.signed_scans_under_review')).toEqual({
      id: 'in_work.signed_scans_under_review',
      label: 'В работе: подписанный договор на проверке',
      final: false,
      parent: 'in_work',
      initial: false,
    });
    expect(chart.states.filter((state) => state.final).map((state) => state.id)).toEqual([
      'completed',
      'discarded',
      'declined',
      'withdrawn',
      'lapsed',
      'closed',
    ]);
    expect(chart.transitions.find((transition) => transition.command === 'contract.confirm')).toEqual({
      id: 'in_work.signed_scans_under_review:contract.confirm:0',
      from: 'in_work.signed_scans_under_review',
      to: 'enrolled',
      command: 'contract.confirm',
      label: 'Подтвердить договор',
      guard: 'canConfirmContract',
      conditions: ['beforeEndOfFirstDay', 'allDocumentsAccepted', 'codeWordGiven'],
    });
  });

  it('labels every state in both languages', () => {
    for (const state of applicationStates) {
      expect(stateLabels[state].ru.length).toBeGreaterThan(3);
      expect(stateLabels[state].en.length).toBeGreaterThan(3);
    }
  });

  it('renders as a Mermaid state diagram', () => {
    const mermaid = machineToMermaid('en');
    expect(mermaid.split('\n')[0]).toBe('stateDiagram-v2');
    expect(mermaid).toContain('in_work__signed_scans_under_review --> enrolled : Confirm the contract');
    expect(mermaid).toContain('closing --> awaiting_payment : Dispatch the package');
  });
});
