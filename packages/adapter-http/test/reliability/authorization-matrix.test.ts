/**
 * The authorization matrix of the HTTP API: every command of the catalog × every caller (the owning organization's
 * representative, another organization's representative, staff, the system, no actor) × every state of the procedure
 * × a valid and an invalid payload. Each cell expects one status: 401 without an actor, 404 for another
 * organization, 403 for a role that may never send the command, 422 for an invalid payload, 409 when the state does
 * not take the command or a condition blocks it, and 200 otherwise. A refused command must change nothing: the same
 * version, snapshot and event count, and no stored file. The cells come from `commandTypes` and the catalog's roles,
 * so a new command fails here until the tables below say where it is accepted and how to build its payload.
 */
import { applicationStates, commandCatalog, commandTypes, type ApplicationState, type CommandType, type Role } from '@fioco-flow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../support/files.js';
import {
  buildTemplates,
  callers,
  createSystem,
  etagOf,
  fileRefs,
  participantRow,
  trackingNumber,
  type CallerName,
  type System,
  type Template,
} from './system.js';

/** The outcome of a command with a valid payload from a role that may send it: accepted, or refused with a 409. */
type StateOutcome = 'ok' | 'blocked' | 'not_allowed';

/**
 * Where each command is accepted, in the template applications of `system.ts`. The draft is ready to submit. The
 * submitted application has the diploma pending and the SNILS rejected, and in work every document is accepted. The
 * enrolled one stands on the course's last day. The closing one has results recorded and no originals yet (paper
 * delivery, prepayment). Commands not listed for a state get 409 `command_not_allowed`.
 */
const acceptedIn: Record<ApplicationState, Partial<Record<CommandType, StateOutcome>>> = {
  draft: {
    'draft.update': 'ok',
    'row.add': 'ok',
    'row.update': 'ok',
    'row.remove': 'ok',
    'document.attach': 'ok',
    'application.submit': 'ok',
    'application.discard': 'ok',
    'clock.tick': 'blocked',
  },
  submitted: {
    'document.accept': 'ok',
    'document.reject': 'ok',
    'document.request': 'ok',
    'document.replace': 'ok',
    'application.take_into_work': 'ok',
    'application.decline': 'ok',
    'application.withdraw': 'ok',
    'message.post': 'ok',
    'clock.tick': 'blocked',
  },
  'in_work.awaiting_signed_scans': {
    // Every document is accepted: nothing is left to review or replace.
    'document.accept': 'blocked',
    'document.reject': 'blocked',
    'document.request': 'ok',
    'document.replace': 'blocked',
    'application.decline': 'ok',
    'application.withdraw': 'ok',
    'contract.upload_signed': 'ok',
    'message.post': 'ok',
    'clock.tick': 'blocked',
  },
  'in_work.signed_scans_under_review': {
    'document.accept': 'blocked',
    'document.reject': 'blocked',
    'document.request': 'ok',
    'document.replace': 'blocked',
    'application.decline': 'ok',
    'application.withdraw': 'ok',
    'contract.return': 'ok',
    'contract.confirm': 'ok',
    'message.post': 'ok',
    'clock.tick': 'blocked',
  },
  enrolled: {
    'contract.send_concluded': 'ok',
    'invoice.send': 'ok',
    'closing.issue': 'ok',
    'results.record': 'ok',
    'payment.record': 'ok',
    'message.post': 'ok',
  },
  closing: {
    'act.upload_signed': 'ok',
    'originals.record_sent': 'ok',
    'originals.record_received': 'ok',
    // Paper delivery: nothing is signed on a platform.
    'act.record_signed_on_platform': 'blocked',
    'results.record': 'ok',
    'payment.record': 'ok',
    // The originals have not come back yet.
    'package.dispatch': 'blocked',
    'application.close': 'ok',
    'message.post': 'ok',
    'clock.tick': 'blocked',
  },
  awaiting_payment: {
    'payment.record': 'ok',
    // Nothing is paid yet.
    'certificates.dispatch': 'blocked',
    'application.close': 'ok',
    'message.post': 'ok',
  },
  completed: {},
  discarded: {},
  declined: {},
  withdrawn: {},
  lapsed: {},
  closed: {},
};

/** A valid payload of every command for a template application. */
const validPayloads: { readonly [K in CommandType]: (template: Template) => Record<string, unknown> } = {
  'draft.update': () => ({ comment: 'Перезвоните, пожалуйста' }),
  'row.add': () => ({ row: { ...participantRow, subject: 'russian' } }),
  'row.update': (template) => ({ rowId: template.rowId, changes: { position: 'учитель' } }),
  'row.remove': (template) => ({ rowId: template.rowId }),
  'document.attach': (template) => ({ rowIds: [template.rowId], kind: 'passport', file: fileRefs.attachment }),
  'application.submit': () => ({}),
  'application.discard': () => ({}),
  'document.accept': (template) => ({ documentId: template.documentId }),
  'document.reject': (template) => ({ documentId: template.documentId, reason: 'Скан нечитаем' }),
  'document.request': (template) => ({ rowIds: [template.rowId], kind: 'passport', reason: 'Нужен паспорт' }),
  'document.replace': (template) => ({ documentId: template.replaceableDocumentId, file: fileRefs.attachment }),
  'application.take_into_work': () => ({}),
  'application.decline': () => ({ reason: 'Программа не подходит' }),
  'application.withdraw': () => ({ reason: 'Курс перенесён' }),
  'contract.upload_signed': () => ({ contract: fileRefs.contractSigned, consent: fileRefs.consentSigned }),
  'contract.return': () => ({ reason: 'Нет печати' }),
  'contract.confirm': () => ({}),
  'contract.send_concluded': () => ({ file: fileRefs.contractConcluded }),
  'invoice.send': () => ({ file: fileRefs.invoice }),
  'closing.issue': () => ({ act: fileRefs.act }),
  'act.upload_signed': () => ({ file: fileRefs.actSigned }),
  'originals.record_sent': () => ({ trackingNumber }),
  'originals.record_received': () => ({}),
  'act.record_signed_on_platform': () => ({}),
  'results.record': (template) => ({ results: [{ rowId: template.rowId, passed: true }] }),
  'payment.record': () => ({ amount: 100_000, paidOn: '2026-03-27', reference: 'п/п № 418' }),
  'package.dispatch': () => ({ trackingNumber }),
  'certificates.dispatch': () => ({ trackingNumber }),
  'application.close': () => ({ reason: 'Оригиналы не пришли' }),
  'message.post': () => ({ text: 'Добрый день! Вопрос по договору.' }),
  'clock.tick': () => ({}),
};

const roleOf: Record<Exclude<CallerName, 'anonymous'>, Role> = { owner: 'representative', stranger: 'representative', staff: 'staff', system: 'system' };

type Variant = 'valid' | 'invalid';

interface Expected {
  readonly status: number;
  readonly code: string | null;
}

/** Returns the status and problem code a cell expects, in the API's order of checks: 401, 404, 403, 422, then the state. */
function expectedOf(caller: CallerName, type: CommandType, state: ApplicationState, variant: Variant): Expected {
  if (caller === 'anonymous') return { status: 401, code: 'unauthenticated' };
  if (caller === 'stranger') return { status: 404, code: 'application_not_found' };
  if (!commandCatalog[type].roles.includes(roleOf[caller])) return { status: 403, code: 'command_forbidden' };
  if (variant === 'invalid') return { status: 422, code: 'invalid_payload' };

  const outcome = acceptedIn[state][type] ?? 'not_allowed';
  if (outcome === 'ok') return { status: 200, code: null };
  return { status: 409, code: outcome === 'blocked' ? 'command_blocked' : 'command_not_allowed' };
}

/** What a refused request must leave as it was. */
async function footprintOf(system: System, id: string) {
  return {
    stored: await system.store.get(id),
    events: (await system.store.events(id)).length,
    files: system.files.files.size,
    puts: system.files.puts(),
  };
}

/** The commands that also have an upload route, and how to send them as a form. */
const uploadRoutes: Partial<Record<CommandType, (template: Template, variant: Variant) => { method: 'POST' | 'PUT'; path: string; form: FormData }>> = {
  'document.attach': (template, variant) => {
    const form = new FormData();
    form.append('kind', 'passport');
    form.append('rowIds', template.rowId);
    if (variant === 'valid') form.append('file', new Blob([pdfBytes], { type: 'application/pdf' }), 'Паспорт.pdf');
    return { method: 'POST', path: `/applications/${template.stored.id}/documents`, form };
  },
  'document.replace': (template, variant) => {
    const form = new FormData();
    if (variant === 'valid') form.append('file', new Blob([pdfBytes], { type: 'application/pdf' }), 'СНИЛС.pdf');
    return { method: 'PUT', path: `/applications/${template.stored.id}/documents/${template.replaceableDocumentId}`, form };
  },
  'message.post': (template, variant) => {
    const form = new FormData();
    form.append('text', variant === 'valid' ? 'Скан во вложении' : '');
    if (variant === 'valid') form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'Письмо.pdf');
    return { method: 'POST', path: `/applications/${template.stored.id}/messages`, form };
  },
};

const callerNames = Object.keys(callers) as CallerName[];
const variants: readonly Variant[] = ['valid', 'invalid'];

describe('authorization matrix', () => {
  let templates: Map<ApplicationState, Template>;
  let system: System;

  beforeAll(async () => {
    templates = await buildTemplates();
    system = createSystem();
  });

  it('has a payload and a place for every command', () => {
    expect(Object.keys(validPayloads).sort()).toEqual([...commandTypes].sort());
    for (const state of applicationStates) {
      for (const type of Object.keys(acceptedIn[state])) expect(commandTypes, `${type} in ${state}`).toContain(type);
    }
  });

  it.each(applicationStates)('creation beside %s', async (state) => {
    const template = templates.get(state) as Template;
    const final = ['completed', 'discarded', 'declined', 'withdrawn', 'lapsed', 'closed'].includes(state);
    // Applications for the course are accepted until the end of Wednesday 4 March 2026, Moscow time.
    const open = Date.parse(template.at) < Date.parse('2026-03-04T21:00:00.000Z');
    const created = open ? { status: 201, code: null } : { status: 409, code: 'command_blocked' };
    // One non-final application per organization and program: the owner's organization already has this one.
    const expected: Record<CallerName, { status: number; code: string | null }> = {
      owner: final ? created : { status: 409, code: 'application_already_exists' },
      stranger: created,
      staff: { status: 403, code: 'command_forbidden' },
      system: { status: 403, code: 'command_forbidden' },
      anonymous: { status: 401, code: 'unauthenticated' },
    };

    for (const caller of callerNames) {
      await system.reset(template);
      const response = await system.request('POST', '/applications', { caller, json: { programId: template.stored.programId } });
      const body = (await response.json()) as { code?: string };
      const listed = await system.store.list();

      expect(response.status, `POST /applications by ${caller} beside ${state}`).toBe(expected[caller].status);
      expect(body.code ?? null, `POST /applications by ${caller} beside ${state}`).toBe(expected[caller].code);
      expect(listed, `applications after POST /applications by ${caller} beside ${state}`).toHaveLength(expected[caller].status === 201 ? 2 : 1);
      expect(await system.store.get(template.stored.id), `the ${state} application after POST /applications by ${caller}`).toEqual(template.stored);
    }
  });

  it.each(applicationStates)('commands in %s', async (state) => {
    const template = templates.get(state) as Template;
    const id = template.stored.id;
    let cells = 0;

    for (const type of commandTypes) {
      for (const caller of callerNames) {
        for (const variant of variants) {
          const expected = expectedOf(caller, type, state, variant);
          const cell = `${type} by ${caller} in ${state} with a ${variant} payload`;
          const payload = validPayloads[type](template);
          const routes: { name: string; send: () => Promise<Response> }[] = [
            {
              name: 'POST /commands',
              send: () =>
                system.request('POST', `/applications/${id}/commands`, {
                  caller,
                  json: { type, payload: variant === 'valid' ? payload : { ...payload, unexpected: true } },
                  headers: { 'if-match': etagOf(template.stored.version) },
                }),
            },
          ];
          const upload = uploadRoutes[type];
          if (upload !== undefined) {
            routes.push({
              name: 'upload route',
              send: () => {
                const { method, path, form } = upload(template, variant);
                return system.request(method, path, { caller, form, headers: { 'if-match': etagOf(template.stored.version) } });
              },
            });
          }

          for (const route of routes) {
            await system.reset(template);
            const before = await footprintOf(system, id);
            const response = await route.send();
            const body = (await response.json()) as { code?: string; version?: number };
            const where = `${cell} through ${route.name}`;
            cells += 1;

            expect(response.status, where).toBe(expected.status);
            expect(system.errors, where).toEqual([]);
            const after = await footprintOf(system, id);
            if (expected.status === 200) {
              expect(after.stored?.version, where).toBeGreaterThan(template.stored.version);
              expect(response.headers.get('etag'), where).toBe(etagOf(after.stored?.version ?? 0));
              expect(after.puts, where).toBe(route.name === 'upload route' ? 1 : 0);
            } else {
              expect(body.code, where).toBe(expected.code);
              expect(after, `a refused ${where} changes nothing`).toEqual(before);
            }
          }
        }
      }
    }
    expect(cells).toBeGreaterThanOrEqual(commandTypes.length * callerNames.length * variants.length);
  });
});
