import { russianCalendar, type WorkCalendar } from '@fioco-flow/rules';
import { expect } from 'vitest';
import {
  createApplicationService,
  createManualClock,
  createMemoryStore,
  type Actor,
  type ApplicationService,
  type ApplicationState,
  type ApplicationStore,
  type Command,
  type DispatchResult,
  type DispatchSuccess,
  type ManualClock,
  type Program,
} from '@fioco-flow/core';
import { testFile, testProgram } from '@fioco-flow/core/testing';

export const calendar = russianCalendar();
export const program = testProgram();

export const representative: Actor = { id: 'rep-orlova', role: 'representative', organizationId: 'org-1' };
const defaultRepresentative = representative;
export const foreignRepresentative: Actor = { id: 'rep-petrov', role: 'representative', organizationId: 'org-2' };
export const staff: Actor = { id: 'staff-lebedev', role: 'staff' };
export const system: Actor = { id: 'clock', role: 'system' };

/** A SNILS with a valid checksum built from a 9-digit number (above 001-001-998, where checksums apply). */
export function snils(number: number): string {
  const digits = String(number).padStart(9, '0');
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
  const check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${String(check).padStart(2, '0')}`;
}

export const organization = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
};

/** A complete participant row payload for `row.add`. */
export function rowPayload(index: number, overrides: Record<string, string> = {}) {
  return {
    subject: index % 2 === 0 ? 'russian' : 'mathematics',
    lastName: 'Кузнецова',
    firstName: 'Елена',
    patronymic: 'Павловна',
    sex: 'female' as const,
    birthDate: '1986-04-12',
    citizenship: 'RU',
    snils: snils(128_475_036 + index),
    email: `teacher${index}@school17.ru`,
    phone: '+7 915 204-37-18',
    position: 'учитель',
    education: 'higher' as const,
    diplomaSurname: 'Кузнецова',
    diplomaSeries: '106924',
    diplomaNumber: String(381_527 + index).padStart(7, '0'),
    ...overrides,
  };
}

export const trackingNumber = 'RA123456785RU';

/** Instants of the happy path for a course Monday 16 March – Friday 27 March 2026 (Moscow is UTC+3). */
export const times = {
  created: '2026-02-20T09:00:00.000Z',
  submitted: '2026-02-24T09:00:00.000Z',
  reviewed: '2026-02-25T09:00:00.000Z',
  signed: '2026-03-02T09:00:00.000Z',
  confirmed: '2026-03-03T09:00:00.000Z',
  lastDay: '2026-03-27T07:00:00.000Z',
  originals: '2026-03-30T09:00:00.000Z',
  paid: '2026-04-01T09:00:00.000Z',
} as const;

export interface Harness {
  readonly clock: ManualClock;
  readonly store: ApplicationStore;
  readonly service: ApplicationService;
}

/** A service on a memory store, with a manual clock and sequential ids. */
export function createHarness(
  options: {
    start?: string;
    programs?: Program[];
    store?: ApplicationStore;
    organizationCalendar?: (organizationId: string) => WorkCalendar | undefined;
  } = {},
): Harness {
  const clock = createManualClock(options.start ?? times.created);
  const store = options.store ?? createMemoryStore();
  let counter = 0;
  const service = createApplicationService({
    store,
    clock,
    calendar,
    programs: options.programs ?? [program],
    ids: () => `id-${(counter += 1)}`,
    ...(options.organizationCalendar === undefined ? {} : { organizationCalendar: options.organizationCalendar }),
  });
  return { clock, store, service };
}

/** Asserts a successful result and returns it. */
export function ok(result: DispatchResult): DispatchSuccess {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Dispatches a command at the clock's time and expects success. */
export async function run(harness: Harness, id: string, actor: Actor, command: Command, at?: string): Promise<DispatchSuccess> {
  if (at !== undefined) harness.clock.set(at);
  return ok(await harness.service.dispatch(id, actor, command));
}

/** The stages of the happy path, in order; `walk` stops after the named one. */
export const stages = ['created', 'filled', 'submitted', 'reviewed', 'in_work', 'signed', 'enrolled', 'closing', 'originals', 'paid', 'completed'] as const;
export type Stage = (typeof stages)[number];

/**
 * Walks a new application along the happy path up to a stage: two rows, prepayment, paper delivery.
 * Returns the application id and the ids of its rows and documents.
 */
export async function walk(
  harness: Harness,
  until: Stage,
  options: {
    rows?: number;
    delivery?: 'paper' | 'electronic';
    paymentTerms?: 'prepayment' | 'postpayment';
    representative?: Actor;
  } = {},
) {
  const representative = options.representative ?? defaultRepresentative;
  const reached = (stage: Stage) => stages.indexOf(stage) <= stages.indexOf(until);
  const rows = options.rows ?? 2;
  const delivery = options.delivery ?? 'paper';
  const paymentTerms = options.paymentTerms ?? 'prepayment';

  harness.clock.set(times.created);
  const created = ok(await harness.service.create(representative, { programId: program.id }));
  const id = created.application.id;
  const rowIds: string[] = [];
  const documentIds: string[] = [];
  if (!reached('filled')) return { id, rowIds, documentIds };

  await run(harness, id, representative, {
    type: 'draft.update',
    payload: {
      organization,
      paymentTerms,
      delivery,
      ...(delivery === 'electronic' ? { platformName: 'РТС-тендер' } : {}),
      consents: { personalData: true, dataAccuracy: true },
    },
  });
  for (let index = 0; index < rows; index += 1) {
    const added = await run(harness, id, representative, { type: 'row.add', payload: { row: rowPayload(index) } });
    const rowId = added.event.generated.id as string;
    rowIds.push(rowId);
    for (const kind of ['diploma', 'snils'] as const) {
      const attached = await run(harness, id, representative, {
        type: 'document.attach',
        payload: { rowIds: [rowId], kind, file: testFile(`${kind}-${index}`) },
      });
      documentIds.push(attached.event.generated.id as string);
    }
  }
  if (!reached('submitted')) return { id, rowIds, documentIds };

  await run(harness, id, representative, { type: 'application.submit', payload: {} }, times.submitted);
  if (!reached('reviewed')) return { id, rowIds, documentIds };

  harness.clock.set(times.reviewed);
  for (const documentId of documentIds) await run(harness, id, staff, { type: 'document.accept', payload: { documentId } });
  if (!reached('in_work')) return { id, rowIds, documentIds };

  await run(harness, id, staff, { type: 'application.take_into_work', payload: {} });
  if (!reached('signed')) return { id, rowIds, documentIds };

  await run(
    harness,
    id,
    representative,
    {
      type: 'contract.upload_signed',
      payload: {
        contract: testFile('contract-signed'),
        consent: testFile('consent-signed'),
        ...(delivery === 'electronic' ? { platformContractNumber: 'РТС-2026-0412' } : {}),
      },
    },
    times.signed,
  );
  if (!reached('enrolled')) return { id, rowIds, documentIds };

  await run(harness, id, staff, { type: 'contract.confirm', payload: {} }, times.confirmed);
  await run(harness, id, staff, { type: 'contract.send_concluded', payload: { file: testFile('contract-concluded') } });
  if (paymentTerms === 'prepayment') await run(harness, id, staff, { type: 'invoice.send', payload: { file: testFile('invoice') } });
  if (!reached('closing')) return { id, rowIds, documentIds };

  await run(
    harness,
    id,
    staff,
    {
      type: 'closing.issue',
      payload: { act: testFile('act'), ...(paymentTerms === 'postpayment' ? { invoice: testFile('invoice-post') } : {}) },
    },
    times.lastDay,
  );
  await run(harness, id, staff, {
    type: 'results.record',
    payload: { results: rowIds.map((rowId, index) => ({ rowId, passed: index !== 1 })) },
  });
  if (!reached('originals')) return { id, rowIds, documentIds };

  harness.clock.set(times.originals);
  await run(harness, id, representative, { type: 'act.upload_signed', payload: { file: testFile('act-signed') } });
  if (delivery === 'paper') {
    await run(harness, id, representative, { type: 'originals.record_sent', payload: { trackingNumber } });
    await run(harness, id, staff, { type: 'originals.record_received', payload: {} });
  } else {
    await run(harness, id, staff, { type: 'act.record_signed_on_platform', payload: {} });
  }
  if (!reached('paid')) return { id, rowIds, documentIds };

  await run(
    harness,
    id,
    staff,
    { type: 'payment.record', payload: { amount: rows * program.pricePerRow, paidOn: '2026-04-01', reference: 'п/п № 418' } },
    times.paid,
  );
  if (!reached('completed')) return { id, rowIds, documentIds };

  await run(harness, id, staff, { type: 'package.dispatch', payload: { trackingNumber } });
  return { id, rowIds, documentIds };
}

/** The stored state of an application. */
export async function stateOf(harness: Harness, id: string): Promise<ApplicationState | undefined> {
  return (await harness.store.get(id))?.state;
}
