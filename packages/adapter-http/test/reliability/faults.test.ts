/**
 * Failures behind the HTTP API: a store that fails at every call of a request (before the call reaches the store, or
 * after the store did its work), and a file store that fails before or after it stored a file. Whatever fails, the
 * application is left before or after the command, never in between. It refers to no file the file store lacks, and
 * no half-written file stays behind. A retry with the same `Idempotency-Key` and `If-Match` applies the command
 * exactly once.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { ApplicationState, ApplicationStore, FileRef, FileStore } from '@fioco-flow/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryFileStore } from '../../src/index.js';
import { pdfBytes, pngBytes } from '../support/files.js';
import { buildTemplates, createSystem, etagOf, fileRefs, type MemoryFileStore, type System, type Template } from './system.js';

const storeMethods = [
  'get',
  'list',
  'insert',
  'update',
  'events',
  'findActive',
  'isCodeWordTaken',
  'getIdempotency',
  'claimIdempotency',
  'saveIdempotency',
  'releaseIdempotency',
] as const satisfies readonly (keyof ApplicationStore)[];

class InjectedFault extends Error {}

/** Wraps a store so that the armed call fails, and records the calls made while armed. */
function createStoreFaults() {
  const calls: string[] = [];
  let armed: { index: number; when: 'before' | 'after' } | null = null;
  let recording = false;

  const wrap = (inner: ApplicationStore): ApplicationStore => {
    const wrapped: Record<string, unknown> = {};
    for (const method of storeMethods) {
      wrapped[method] = async (...args: unknown[]) => {
        const index = calls.length;
        if (recording) calls.push(method);
        const fault = recording && armed?.index === index ? armed : null;
        if (fault?.when === 'before') {
          armed = null;
          throw new InjectedFault(`before ${method}`);
        }
        const result = await (inner[method] as (...values: unknown[]) => Promise<unknown>)(...args);
        if (fault?.when === 'after') {
          armed = null;
          throw new InjectedFault(`after ${method}`);
        }
        return result;
      };
    }
    return wrapped as unknown as ApplicationStore;
  };

  return {
    wrap,
    calls,
    arm(point: { index: number; when: 'before' | 'after' } | null) {
      calls.length = 0;
      armed = point;
      recording = true;
    },
    disarm() {
      armed = null;
      recording = false;
    },
  };
}

/** Collects every FileRef inside a value. */
function fileRefsIn(value: unknown): FileRef[] {
  if (Array.isArray(value)) return value.flatMap(fileRefsIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record['id'] === 'string' && typeof record['sha256'] === 'string' && typeof record['mediaType'] === 'string') return [record as unknown as FileRef];
  return Object.values(record).flatMap(fileRefsIn);
}

/** Checks that every file the application refers to is in the file store, with the bytes its FileRef names. */
async function expectNoDanglingReference(system: System, id: string, files: FileStore, where: string): Promise<void> {
  const stored = await system.store.get(id);
  for (const ref of fileRefsIn(stored?.snapshot.data)) {
    // Program templates are the host's files, not uploads; the test program's are not in the file store.
    if (ref.id.startsWith('tpl-')) continue;
    const file = await files.get(ref.id);
    expect(file, `${where}: the application refers to ${ref.id}, which the file store lacks`).toBeDefined();
    expect(createHash('sha256').update(file?.bytes ?? new Uint8Array()).digest('hex'), `${where}: the bytes of ${ref.id}`).toBe(ref.sha256);
  }
}

async function snapshotOf(system: System, id: string) {
  return { stored: await system.store.get(id), events: (await system.store.events(id)).length };
}

function pdfForm(fields: Record<string, string>, files: readonly { field: string; name: string; bytes?: Uint8Array }[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(file.field, new Blob([(file.bytes ?? pdfBytes) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), file.name);
  return form;
}

/** A request that changes the application, sent the same way each time. */
interface WriteRequest {
  readonly name: string;
  readonly state: ApplicationState;
  readonly caller: 'owner' | 'staff';
  readonly send: (system: System, template: Template, headers: Record<string, string>) => Promise<Response>;
  /** Files the request uploads. */
  readonly uploads: number;
}

const writeRequests: readonly WriteRequest[] = [
  {
    name: 'a JSON command',
    state: 'enrolled',
    caller: 'staff',
    uploads: 0,
    send: (system, template, headers) =>
      system.request('POST', `/applications/${template.stored.id}/commands`, {
        caller: 'staff',
        json: { type: 'payment.record', payload: { amount: 100_000, paidOn: '2026-03-27', reference: 'п/п № 418' } },
        headers,
      }),
  },
  {
    name: 'a document upload',
    state: 'draft',
    caller: 'owner',
    uploads: 1,
    send: (system, template, headers) =>
      system.request('POST', `/applications/${template.stored.id}/documents`, {
        caller: 'owner',
        form: pdfForm({ kind: 'passport', rowIds: template.rowId }, [{ field: 'file', name: 'Паспорт.pdf' }]),
        headers,
      }),
  },
  {
    name: 'a message with two attachments',
    state: 'submitted',
    caller: 'owner',
    uploads: 2,
    send: (system, template, headers) =>
      system.request('POST', `/applications/${template.stored.id}/messages`, {
        caller: 'owner',
        form: pdfForm({ text: 'Исправленные сканы' }, [
          { field: 'attachments', name: 'Диплом.pdf' },
          { field: 'attachments', name: 'СНИЛС.png', bytes: pngBytes },
        ]),
        headers,
      }),
  },
];

describe('store failures through HTTP', () => {
  let templates: Map<ApplicationState, Template>;

  beforeAll(async () => {
    templates = await buildTemplates();
  });

  it.each(writeRequests)('$name leaves no partial state and a retry works', async (request) => {
    const template = templates.get(request.state) as Template;
    const headers = { 'if-match': etagOf(template.stored.version), 'idempotency-key': 'retry-1' };

    // The calls a request makes when nothing fails.
    const faults = createStoreFaults();
    const system = createSystem({ wrapStore: faults.wrap });
    await system.reset(template);
    faults.arm(null);
    const first = await request.send(system, template, headers);
    faults.disarm();
    expect(first.status).toBe(200);
    const trace = [...faults.calls];
    const after = await snapshotOf(system, template.stored.id);

    for (let index = 0; index < trace.length; index += 1) {
      for (const when of ['before', 'after'] as const) {
        const point = `${when} ${trace[index]} (call ${index} of ${trace.join(', ')})`;
        await system.reset(template);
        faults.arm({ index, when });
        const failed = await request.send(system, template, headers);
        faults.disarm();

        const broken = await snapshotOf(system, template.stored.id);
        const unchanged = broken.stored?.version === template.stored.version && broken.events === template.events.length;
        const applied = broken.stored?.version === after.stored?.version && broken.events === after.events;
        expect(unchanged || applied, `the application after a failure ${point}`).toBe(true);
        if (unchanged) expect(broken.stored, `the application after a failure ${point}`).toEqual(template.stored);
        await expectNoDanglingReference(system, template.stored.id, system.files, point);
        if (failed.status === 200) continue;
        expect(failed.status, `the response to a failure ${point}`).toBe(500);

        // The same request again: the first outcome, the command in the log once, and no file stored again for a
        // command the store already holds.
        const putsBefore = system.files.puts();
        let retried = await request.send(system, template, headers);
        if (retried.status === 409 && retried.headers.get('retry-after') !== null) {
          // The key was claimed before the failure: it is blocked until the pending record expires (60 s).
          system.clock.advance(60_000);
          retried = await request.send(system, template, headers);
        }
        const final = await snapshotOf(system, template.stored.id);
        expect(retried.status, `the retry after a failure ${point}: ${await retried.clone().text()}`).toBe(200);
        expect(final.stored?.version, `the version after a retry, failure ${point}`).toBe(after.stored?.version);
        expect(final.events, `the events after a retry, failure ${point}`).toBe(after.events);
        expect(system.files.puts() - putsBefore, `files stored by the retry, failure ${point}`).toBe(applied ? 0 : request.uploads);
        await expectNoDanglingReference(system, template.stored.id, system.files, point);
      }
    }
  });
});

describe('store failures of a creation through HTTP', () => {
  it('leave one application at most', async () => {
    const template = (await buildTemplates()).get('draft') as Template;
    const headers = { 'idempotency-key': 'create-1' };
    const faults = createStoreFaults();
    const system = createSystem({ wrapStore: faults.wrap });
    const create = () => system.request('POST', '/applications', { caller: 'stranger', json: { programId: template.stored.programId }, headers });
    const applicationsOfStranger = async () => (await system.store.list({ organizationId: 'org-7701000000' })).map((application) => application.id);

    await system.reset(template);
    faults.arm(null);
    const first = await create();
    faults.disarm();
    expect(first.status).toBe(201);
    const trace = [...faults.calls];

    for (let index = 0; index < trace.length; index += 1) {
      for (const when of ['before', 'after'] as const) {
        const point = `${when} ${trace[index]} (call ${index} of ${trace.join(', ')})`;
        await system.reset(template);
        faults.arm({ index, when });
        const failed = await create();
        faults.disarm();
        expect(failed.status, `the response to a failure ${point}`).toBe(500);
        expect((await applicationsOfStranger()).length, `applications after a failure ${point}`).toBeLessThanOrEqual(1);

        let retried = await create();
        if (retried.status === 409 && retried.headers.get('retry-after') !== null) {
          system.clock.advance(60_000);
          retried = await create();
        }
        const created = await applicationsOfStranger();
        expect(retried.status, `the retry after a failure ${point}: ${await retried.clone().text()}`).toBe(201);
        expect(created, `applications after a retry, failure ${point}`).toHaveLength(1);
        expect(retried.headers.get('location'), `the location after a retry, failure ${point}`).toBe(`/applications/${created[0]}`);
      }
    }
  });
});

/** Wraps a memory file store so that one `put` call fails, before or after storing. */
function failingPuts(inner: MemoryFileStore, failing: { readonly call: number; readonly when: 'before' | 'after' }): FileStore {
  let calls = 0;
  return {
    async put(bytes, meta) {
      calls += 1;
      if (calls === failing.call && failing.when === 'before') throw new Error('The file store is unavailable');
      const ref = await inner.put(bytes, meta);
      if (calls === failing.call && failing.when === 'after') throw new Error('The file store lost the connection after writing');
      return ref;
    },
    get: (id) => inner.get(id),
  };
}

describe('file store failures through HTTP', () => {
  let templates: Map<ApplicationState, Template>;

  beforeAll(async () => {
    templates = await buildTemplates();
  });

  for (const request of writeRequests.filter((candidate) => candidate.uploads > 0)) {
    for (let call = 1; call <= request.uploads; call += 1) {
      for (const when of ['before', 'after'] as const) {
        it(`${request.name}: put ${call} failing ${when} storing`, async () => {
          const template = templates.get(request.state) as Template;
          const headers = { 'if-match': etagOf(template.stored.version), 'idempotency-key': 'retry-files' };
          let failing = true;
          let faulty: FileStore | undefined;
          const system = createSystem({
            wrapFiles: (files) => {
              faulty = failingPuts(files, { call, when });
              return { put: (bytes, meta) => (failing ? (faulty as FileStore).put(bytes, meta) : files.put(bytes, meta)), get: (id) => files.get(id) };
            },
          });
          await system.reset(template);

          const response = await request.send(system, template, headers);
          const broken = await snapshotOf(system, template.stored.id);

          expect(response.status).toBe(500);
          expect(system.errors).toHaveLength(1);
          expect(broken.stored).toEqual(template.stored);
          expect(broken.events).toBe(template.events.length);
          await expectNoDanglingReference(system, template.stored.id, system.files, `put ${call} failing ${when}`);

          failing = false;
          const retried = await request.send(system, template, headers);
          const final = await snapshotOf(system, template.stored.id);
          expect(retried.status, await retried.clone().text()).toBe(200);
          expect(final.stored?.version).toBe(template.stored.version + 1);
          await expectNoDanglingReference(system, template.stored.id, system.files, 'the retry');
        });
      }
    }
  }

  it('failing file read changes nothing', async () => {
    const template = templates.get('in_work.awaiting_signed_scans') as Template;
    const system = createSystem({ wrapFiles: (files) => ({ put: (bytes, meta) => files.put(bytes, meta), get: () => Promise.reject(new Error('The file store is unavailable')) }) });
    await system.reset(template);

    const response = await system.request('POST', `/applications/${template.stored.id}/commands`, {
      caller: 'owner',
      json: { type: 'contract.upload_signed', payload: { contract: fileRefs.contractSigned, consent: fileRefs.consentSigned } },
      headers: { 'if-match': etagOf(template.stored.version) },
    });

    expect(response.status).toBe(500);
    expect(await snapshotOf(system, template.stored.id)).toEqual({ stored: template.stored, events: template.events.length });
  });
});

describe('directory file store failures', () => {
  const directories: string[] = [];

  afterEach(async () => {
    for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
  });

  async function newDirectory(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), 'fioco-flow-faults-'));
    directories.push(directory);
    return directory;
  }

  const sha256 = createHash('sha256').update(pdfBytes).digest('hex');

  it('stores nothing when the object cannot be written', async () => {
    const directory = await newDirectory();
    const files = createDirectoryFileStore(directory);
    // A plain file where the object's directory must go.
    await mkdir(join(directory, 'objects'), { recursive: true });
    await writeFile(join(directory, 'objects', sha256.slice(0, 2)), 'not a directory');

    await expect(files.put(pdfBytes, { name: 'Диплом.pdf', mediaType: 'application/pdf' })).rejects.toThrow();

    expect(await readdir(join(directory, 'tmp')).catch(() => [])).toEqual([]);
    expect(await readdir(join(directory, 'refs')).catch(() => [])).toEqual([]);
  });

  it('leaves no reference without its object', async () => {
    const directory = await newDirectory();
    const files = createDirectoryFileStore(directory);
    // The object is written, then the reference cannot be.
    await writeFile(join(directory, 'refs'), 'not a directory');

    await expect(files.put(pdfBytes, { name: 'Диплом.pdf', mediaType: 'application/pdf' })).rejects.toThrow();
    expect(await readdir(join(directory, 'tmp'))).toEqual([]);
    // The object stays whole: content addressing keeps it once and a later upload of the same bytes reuses it.
    const object = await readFile(join(directory, 'objects', sha256.slice(0, 2), sha256));
    expect(createHash('sha256').update(object).digest('hex')).toBe(sha256);

    await rm(join(directory, 'refs'));
    const ref = await files.put(pdfBytes, { name: 'Диплом.pdf', mediaType: 'application/pdf' });
    expect((await files.get(ref.id))?.bytes).toEqual(pdfBytes);
  });

  it('upload to a broken directory changes nothing', async () => {
    const template = (await buildTemplates()).get('draft') as Template;
    const directory = await newDirectory();
    const system = createSystem({ wrapFiles: () => createDirectoryFileStore(directory) });
    await system.reset(template);
    await writeFile(join(directory, 'refs'), 'not a directory');
    const headers = { 'if-match': etagOf(template.stored.version), 'idempotency-key': 'retry-directory' };
    const upload = writeRequests.find((request) => request.name === 'a document upload') as WriteRequest;

    const failed = await upload.send(system, template, headers);
    expect(failed.status).toBe(500);
    expect(await snapshotOf(system, template.stored.id)).toEqual({ stored: template.stored, events: template.events.length });
    expect(await readdir(join(directory, 'tmp'))).toEqual([]);

    await rm(join(directory, 'refs'));
    const retried = await upload.send(system, template, headers);
    expect(retried.status, await retried.clone().text()).toBe(200);
    const stored = await system.store.get(template.stored.id);
    const attached = stored?.snapshot.data.documents.find((document) => document.kind === 'passport');
    const content = await system.request('GET', `/applications/${template.stored.id}/documents/${attached?.id}/content`, { caller: 'owner' });
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(pdfBytes);
  });
});
