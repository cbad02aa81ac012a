/**
 * Idempotency keys of commands that carry files. A host stores uploaded bytes before it dispatches, so a retry after
 * a failure stores the same bytes again under a new file id. The retry is the same request and must get the first
 * result, while other bytes under the same key are another request.
 */
import { describe, expect, it } from 'vitest';
import { testFile } from '@fioco-flow/core/testing';
import { actors, participantRow } from './commands.js';
import { freshRun, primaryOf } from './harness.js';
import type { ModelApplication } from './procedure-model.js';

async function draftWithRow() {
  const { world, real } = await freshRun();
  const id = (primaryOf(world) as ModelApplication).id;
  const added = await real.service.dispatch(id, actors.owner, { type: 'row.add', payload: { row: participantRow(1) } });
  if (!added.ok) throw new Error(added.error.message);
  return { real, id, rowId: added.event.generated.id as string };
}

describe('idempotency of file commands', () => {
  it('replays an upload stored again under a new id', async () => {
    const { real, id, rowId } = await draftWithRow();
    const first = testFile('upload-first');
    const again = { ...first, id: 'upload-again' };
    const attach = (file: typeof first) =>
      real.service.dispatch(id, actors.owner, { type: 'document.attach', payload: { rowIds: [rowId], kind: 'diploma', file } }, { idempotencyKey: 'k-upload' });

    const sent = await attach(first);
    const retried = await attach(again);

    expect(sent.ok).toBe(true);
    expect(retried.ok ? retried.replayed : retried.error.code).toBe(true);
    expect(retried.ok ? retried.application.data.documents.map((document) => document.versions[0]?.file.id) : []).toEqual(['upload-first']);
    expect((await real.store.get(id))?.snapshot.data.documents).toHaveLength(1);
  });

  it('refuses other bytes under the same key', async () => {
    const { real, id, rowId } = await draftWithRow();
    const attach = (fileId: string) =>
      real.service.dispatch(
        id,
        actors.owner,
        { type: 'document.attach', payload: { rowIds: [rowId], kind: 'diploma', file: testFile(fileId) } },
        { idempotencyKey: 'k-other' },
      );

    await attach('upload-one');
    const other = await attach('upload-two');

    expect(other.ok ? 'ok' : other.error.code).toBe('idempotency_mismatch');
    expect((await real.store.get(id))?.snapshot.data.documents).toHaveLength(1);
  });
});
