/**
 * What each caller can read through the HTTP API: every read route of an application × every caller × every state.
 * The owning organization and staff read everything. Another organization gets 404 and learns nothing, and a request
 * without an actor gets 401. The system gets a restricted view without the code word or the participants' personal
 * data, and downloads no file.
 */
import { applicationStates, type ApplicationState } from '@fioco-flow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../support/files.js';
import { buildTemplates, callers, createSystem, etagOf, fileRefs, participantRow, type CallerName, type System, type Template } from './system.js';

/** Values that only the owner and staff may read. */
function secretsOf(template: Template): string[] {
  const codeWord = template.stored.snapshot.data.access?.codeWord;
  return [participantRow.snils, participantRow.lastName, participantRow.birthDate, participantRow.diplomaNumber, ...(codeWord ? [codeWord] : [])];
}

interface ReadRoute {
  readonly path: (template: Template) => string;
  /** A download: the system's restricted view may not fetch it. */
  readonly download?: boolean;
}

const readRoutes: readonly ReadRoute[] = [
  { path: (template) => `/applications/${template.stored.id}` },
  { path: (template) => `/applications/${template.stored.id}/commands` },
  { path: (template) => `/applications/${template.stored.id}/events` },
  { path: (template) => `/applications/${template.stored.id}/deadlines` },
  { path: (template) => `/applications/${template.stored.id}/deadlines.ics` },
  { path: (template) => `/applications/${template.stored.id}/participants` },
  { path: (template) => `/applications/${template.stored.id}/participants/${template.rowId}` },
  { path: (template) => `/applications/${template.stored.id}/documents` },
  { path: (template) => `/applications/${template.stored.id}/documents/${template.documentId}` },
  { path: (template) => `/applications/${template.stored.id}/documents/${template.documentId}/content`, download: true },
  { path: (template) => `/applications/${template.stored.id}/messages` },
  { path: (template) => `/applications/${template.stored.id}/files/${fileRefs.diploma.id}`, download: true },
];

function expectedStatus(caller: CallerName, route: ReadRoute): number {
  if (caller === 'anonymous') return 401;
  if (caller === 'stranger') return 404;
  if (caller === 'system' && route.download === true) return 403;
  return 200;
}

describe('visibility', () => {
  let templates: Map<ApplicationState, Template>;
  let system: System;

  beforeAll(async () => {
    templates = await buildTemplates();
    system = createSystem();
  });

  it.each(applicationStates)('reads in %s', async (state) => {
    const template = templates.get(state) as Template;
    await system.reset(template);
    const secrets = secretsOf(template);

    for (const route of readRoutes) {
      for (const caller of Object.keys(callers) as CallerName[]) {
        const path = route.path(template);
        const response = await system.request('GET', path, { caller });
        const text = await response.text();
        const where = `GET ${path} by ${caller} in ${state}`;

        expect(response.status, where).toBe(expectedStatus(caller, route));
        if (caller === 'stranger' || caller === 'system' || caller === 'anonymous') {
          for (const secret of secrets) expect(text, `${where} shows ${secret}`).not.toContain(secret);
        }
      }
    }

    // The owner's view has the personal data, so the checks above can fail.
    const full = await (await system.request('GET', `/applications/${template.stored.id}`, { caller: 'owner' })).text();
    for (const secret of secrets) expect(full, `the owner's view in ${state}`).toContain(secret);
  });

  it.each(applicationStates)('lists in %s', async (state) => {
    const template = templates.get(state) as Template;
    await system.reset(template);

    for (const caller of ['owner', 'staff', 'stranger'] as const) {
      const response = await system.request('GET', '/applications?limit=200', { caller });
      const { items } = (await response.json()) as { items: { id: string }[] };
      expect(items.map((item) => item.id), `GET /applications by ${caller} in ${state}`).toEqual(caller === 'stranger' ? [] : [template.stored.id]);
    }
  });

  it('serves no file of another application', async () => {
    const template = templates.get('submitted') as Template;
    await system.reset(template);

    // Another organization attaches a scan to its own draft.
    const created = await system.request('POST', '/applications', { caller: 'stranger', json: { programId: template.stored.programId } });
    const other = (await created.json()) as { id: string; version: number };
    const added = await system.request('POST', `/applications/${other.id}/commands`, {
      caller: 'stranger',
      json: { type: 'row.add', payload: { row: { ...participantRow, snils: '112-233-445 95' } } },
      headers: { 'if-match': etagOf(other.version) },
    });
    const rowId = ((await added.json()) as { data: { rows: { id: string }[] } }).data.rows[0]?.id ?? '';
    const form = new FormData();
    form.append('kind', 'diploma');
    form.append('rowIds', rowId);
    form.append('file', new Blob([pdfBytes.slice(0, -1)], { type: 'application/pdf' }), 'Диплом Иванова.pdf');
    const attached = await system.request('POST', `/applications/${other.id}/documents`, {
      caller: 'stranger',
      form,
      headers: { 'if-match': etagOf(other.version + 1) },
    });
    expect(attached.status).toBe(200);
    const foreignFileId = ((await attached.json()) as { data: { documents: { versions: { file: { id: string } }[] }[] } }).data.documents[0]?.versions[0]
      ?.file.id as string;

    // The owner cannot reach it through their own application, nor through the other one; staff reach it only there.
    const throughOwn = await system.request('GET', `/applications/${template.stored.id}/files/${foreignFileId}`, { caller: 'owner' });
    const throughOther = await system.request('GET', `/applications/${other.id}/files/${foreignFileId}`, { caller: 'owner' });
    const staffThroughOwn = await system.request('GET', `/applications/${template.stored.id}/files/${foreignFileId}`, { caller: 'staff' });
    const staffThroughOther = await system.request('GET', `/applications/${other.id}/files/${foreignFileId}`, { caller: 'staff' });

    expect(throughOwn.status).toBe(404);
    expect(throughOther.status).toBe(404);
    expect(staffThroughOwn.status).toBe(404);
    expect(staffThroughOther.status).toBe(200);
  });

  it('stores no file for a caller who cannot see the application', async () => {
    const template = templates.get('draft') as Template;
    await system.reset(template);

    for (const caller of ['stranger', 'anonymous'] as const) {
      const form = new FormData();
      form.append('file', new Blob([pdfBytes], { type: 'application/pdf' }), 'Скан.pdf');
      const response = await system.request('POST', `/applications/${template.stored.id}/files`, { caller, form });
      expect(response.status, caller).toBe(caller === 'stranger' ? 404 : 401);
    }
    expect(system.files.puts()).toBe(0);
  });
});
