import type { FileStore } from '@fioco-flow/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHarness,
  createSubmittableDraft,
  etagOf,
  representative,
  sendCommand,
  staff,
  upload,
  type Harness,
} from './support/harness.js';
import { pdfBytes } from './support/files.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const key = (value: string) => ({ 'idempotency-key': value });

/** A file store whose writes can be held back, to keep a request running, or made to fail. */
function controllableFiles(inner: () => FileStore) {
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  let failures = 0;
  const store: FileStore = {
    async put(bytes, meta) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('disk full');
      }
      if (gate) await gate;
      return inner().put(bytes, meta);
    },
    get: (id) => inner().get(id),
  };
  return {
    store,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      gate = undefined;
    },
    failNext() {
      failures += 1;
    },
  };
}

describe('Idempotency-Key', () => {
  it('replays the first response without running the command again', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const command = { type: 'draft.update', payload: { comment: 'Просим включить в группу' } };

    const first = await sendCommand(harness, representative, id, etag, command, key('k-1'));
    const retry = await sendCommand(harness, representative, id, etag, command, key('k-1'));
    const current = await harness.request('GET', `/applications/${id}`, { actor: representative });

    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe('"2-ru"');
    expect(await retry.text()).toBe(await first.text());
    expect(etagOf(current)).toBe('"2-ru"');
  });

  it('accepts a key quoted as a structured field string', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const command = { type: 'draft.update', payload: { comment: 'x' } };

    await sendCommand(harness, representative, id, etag, command, key('"k-quoted"'));
    const retry = await sendCommand(harness, representative, id, etag, command, key('k-quoted'));

    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('replays a problem below 500 as well', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const command = { type: 'row.remove', payload: {} };

    const first = await sendCommand(harness, representative, id, etag, command, key('k-422'));
    const retry = await sendCommand(harness, representative, id, etag, command, key('k-422'));

    expect(first.status).toBe(422);
    expect(retry.status).toBe(422);
    expect(retry.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.text()).toBe(await first.text());
  });

  it('replays before checking the role', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const command = { type: 'document.accept', payload: { documentId: 'd-1' } };

    const first = await sendCommand(harness, representative, id, etag, command, key('k-403'));
    const retry = await sendCommand(harness, representative, id, etag, command, key('k-403'));

    expect(first.status).toBe(403);
    expect(retry.status).toBe(403);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the key with another payload', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();

    await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'первый' } }, key('k-2'));
    const other = await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'второй' } }, key('k-2'));
    const problem = (await other.json()) as { code: string; detail: string };

    expect(other.status).toBe(422);
    expect(problem.code).toBe('idempotency_key_reused');
    expect(problem.detail).toMatch(/^С этим ключом Idempotency-Key уже был отправлен другой запрос/u);
  });

  it('refuses the key on another application', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'x' } }, key('k-3'));

    const elsewhere = await harness.request('POST', '/applications', {
      actor: representative,
      json: { programId: harness.program.id },
      headers: key('k-3'),
    });

    expect(elsewhere.status).toBe(422);
  });

  it('keeps keys of different actors apart', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const updated = await sendCommand(harness, representative, id, etag, { type: 'draft.update', payload: { comment: 'x' } }, key('shared'));

    const fromStaff = await sendCommand(harness, staff, id, etagOf(updated), { type: 'application.take_into_work' }, key('shared'));

    expect(updated.status).toBe(200);
    expect(fromStaff.status).toBe(409);
    expect(((await fromStaff.json()) as { code: string }).code).toBe('command_not_allowed');
  });

  it('answers 409 while the first request still runs', async () => {
    const files = controllableFiles(() => inner);
    harness = await createHarness({ files: files.store });
    const inner = harness.files;
    const draft = await createSubmittableDraft(harness);
    const send = () =>
      upload(harness as Harness, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'passport', rowIds: draft.rowId }, [
        { field: 'file', bytes: pdfBytes, name: 'Паспорт.pdf' },
      ], { 'if-match': draft.etag, ...key('k-slow') });

    files.hold();
    const first = send();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const concurrent = await send();
    files.release();
    const completed = await first;
    const afterwards = await send();

    expect(concurrent.status).toBe(409);
    expect(concurrent.headers.get('retry-after')).toBe('1');
    expect(((await concurrent.json()) as { code: string }).code).toBe('idempotency_request_in_progress');
    expect(completed.status).toBe(200);
    expect(afterwards.status).toBe(200);
    expect(afterwards.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets a retry run again after a 500', async () => {
    const files = controllableFiles(() => inner);
    harness = await createHarness({ files: files.store });
    const inner = harness.files;
    const draft = await createSubmittableDraft(harness);
    const send = () =>
      upload(harness as Harness, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'passport', rowIds: draft.rowId }, [
        { field: 'file', bytes: pdfBytes, name: 'Паспорт.pdf' },
      ], { 'if-match': draft.etag, ...key('k-500') });

    files.failNext();
    const failed = await send();
    const retried = await send();

    expect(failed.status).toBe(500);
    expect(harness.errors).toHaveLength(1);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after 24 hours', async () => {
    harness = await createHarness();
    const { id, etag } = await harness.createDraft();
    const command = { type: 'draft.update', payload: { comment: 'x' } };
    await sendCommand(harness, representative, id, etag, command, key('k-day'));

    harness.clock.advance(24 * 60 * 60 * 1000 - 1);
    const withinDay = await sendCommand(harness, representative, id, etag, command, key('k-day'));
    harness.clock.advance(1);
    const nextDay = await sendCommand(harness, representative, id, etag, command, key('k-day'));

    expect(withinDay.headers.get('idempotent-replayed')).toBe('true');
    expect(nextDay.status).toBe(412);
  });

  it('keeps a key as long as idempotencyTtlMs says', async () => {
    harness = await createHarness({ idempotencyTtlMs: 60 * 60 * 1000 });
    const { id, etag } = await harness.createDraft();
    const command = { type: 'draft.update', payload: { comment: 'x' } };
    await sendCommand(harness, representative, id, etag, command, key('k-hour'));

    harness.clock.advance(60 * 60 * 1000);
    const later = await sendCommand(harness, representative, id, etag, command, key('k-hour'));

    expect(later.status).toBe(412);
  });

  it('creates one application for a retried creation', async () => {
    harness = await createHarness();
    const create = () =>
      (harness as Harness).request('POST', '/applications', { actor: representative, json: { programId: 'vpr-2026-03' }, headers: key('k-create') });

    const first = await create();
    const retry = await create();
    const list = await harness.request('GET', '/applications', { actor: representative });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
