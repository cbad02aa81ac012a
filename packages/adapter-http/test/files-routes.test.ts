import type { FileStore } from '@fioco-flow/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHarness,
  createSubmittableDraft,
  createSubmittedApplication,
  etagOf,
  otherRepresentative,
  representative,
  sendCommand,
  staff,
  upload,
  type Harness,
} from './support/harness.js';
import { exeBytes, jpegBytes, pdfBytes, pngBytes, textBytes } from './support/files.js';

interface DocumentBody {
  id: string;
  kind: string;
  status: string;
  versions: { file: { id: string; name: string; mediaType: string; size: number; sha256: string } }[];
}

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setUp(options: Parameters<typeof createHarness>[0] = {}) {
  harness = await createHarness(options);
  return harness;
}

function attach(h: Harness, draft: { id: string; etag: string; rowId: string }, file: { bytes: Uint8Array; name: string; type?: string }) {
  return upload(h, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'passport', rowIds: draft.rowId }, [
    { field: 'file', ...file },
  ], { 'if-match': draft.etag });
}

async function lastDocument(response: Response): Promise<DocumentBody> {
  const body = (await response.json()) as { data: { documents: DocumentBody[] } };
  const document = body.data.documents.at(-1);
  if (document === undefined) throw new Error('No document');
  return document;
}

describe('document uploads', () => {
  it('takes a PNG named .pdf as a PNG', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: pngBytes, name: 'паспорт.pdf', type: 'application/pdf' });
    const document = await lastDocument(response);

    expect(response.status).toBe(200);
    expect(document.versions[0]?.file).toMatchObject({ name: 'паспорт.png', mediaType: 'image/png', size: pngBytes.byteLength });
  });

  it('takes a JPEG whatever its declared type', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: jpegBytes, name: 'скан', type: 'text/plain' });

    expect(response.status).toBe(200);
    expect((await lastDocument(response)).versions[0]?.file).toMatchObject({ name: 'скан.jpg', mediaType: 'image/jpeg' });
  });

  it('strips the path from a traversal name', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: pdfBytes, name: '../../../etc/passwd.pdf' });

    expect(response.status).toBe(200);
    expect((await lastDocument(response)).versions[0]?.file.name).toBe('passwd.pdf');
  });

  it('records the SHA-256 of the bytes', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: pdfBytes, name: 'паспорт.pdf' });
    const file = (await lastDocument(response)).versions[0]?.file;
    const stored = await h.files.get(file?.id ?? '');

    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(stored?.ref.sha256).toBe(file?.sha256);
  });

  it('rejects an empty file', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: new Uint8Array(), name: 'пусто.pdf' });
    const problem = (await response.json()) as { code: string; errors: { pointer: string; code: string }[] };

    expect(response.status).toBe(422);
    expect(problem.code).toBe('file_empty');
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/file', code: 'file_empty' })]);
  });

  it('rejects an empty file input', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: new Uint8Array(), name: '' });
    const problem = (await response.json()) as { code: string; errors: { pointer: string; code: string }[] };

    expect(response.status).toBe(422);
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/file', code: 'file_empty' })]);
  });

  it('rejects a file above the size limit', async () => {
    const h = await setUp({ limits: { maxFileBytes: 200 } });
    const { id, etag } = await h.createDraft();

    const response = await upload(h, representative, 'POST', `/applications/${id}/documents`, { kind: 'passport', rowIds: 'r' }, [
      { field: 'file', bytes: pdfBytes, name: 'большой.pdf' },
    ], { 'if-match': etag });
    const problem = (await response.json()) as { code: string; detail: string; errors: { pointer: string }[] };

    expect(pdfBytes.byteLength).toBeGreaterThan(200);
    expect(response.status).toBe(413);
    expect(problem.code).toBe('file_too_large');
    expect(problem.detail).toBe(`Файл «большой.pdf» занимает ${pdfBytes.byteLength} байт, а допускается не больше 200 байт. Уменьшите файл и загрузите снова.`);
    expect(problem.errors[0]?.pointer).toBe('/file');
  });

  it('rejects a program disguised as a PDF', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: exeBytes, name: 'диплом.pdf', type: 'application/pdf' });
    const problem = (await response.json()) as { code: string; detail: string };

    expect(response.status).toBe(415);
    expect(problem.code).toBe('unsupported_file_type');
    expect(problem.detail).toBe(
      'Файл «диплом.pdf» по содержимому — application/x-msdownload. Принимаются только PDF, JPEG, PNG; имя и заявленный тип файла не учитываются.',
    );
  });

  it('rejects content of no known format', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await attach(h, draft, { bytes: textBytes, name: 'снилс.pdf' });
    const problem = (await response.json()) as { detail: string };

    expect(response.status).toBe(415);
    expect(problem.detail).toContain('файл неизвестного формата');
  });

  it('requires the file field', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await upload(h, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'passport', rowIds: draft.rowId }, [], {
      'if-match': draft.etag,
    });
    const problem = (await response.json()) as { errors: { pointer: string; code: string }[] };

    expect(response.status).toBe(422);
    expect(problem.errors).toEqual([expect.objectContaining({ pointer: '/file', code: 'required' })]);
  });

  it('reports form fields at their own pointers', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await upload(h, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'tattoo', rowIds: draft.rowId }, [
      { field: 'file', bytes: pdfBytes, name: 'x.pdf' },
    ], { 'if-match': draft.etag });
    const problem = (await response.json()) as { errors: { pointer: string }[] };

    expect(response.status).toBe(422);
    expect(problem.errors.map((error) => error.pointer)).toEqual(['/kind']);
  });

  it('refuses JSON on an upload route', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await h.request('POST', `/applications/${draft.id}/documents`, {
      actor: representative,
      json: { kind: 'passport' },
      headers: { 'if-match': draft.etag },
    });

    expect(response.status).toBe(415);
  });

  it('stores nothing for a refused request', async () => {
    let puts = 0;
    const counting: FileStore = {
      put: (bytes, meta) => {
        puts += 1;
        return h.files.put(bytes, meta);
      },
      get: (id) => h.files.get(id),
    };
    const h = await setUp({ files: counting });
    const draft = await createSubmittableDraft(h);
    const before = puts;

    const stale = await upload(h, representative, 'POST', `/applications/${draft.id}/documents`, { kind: 'passport', rowIds: draft.rowId }, [
      { field: 'file', bytes: pdfBytes, name: 'x.pdf' },
    ], { 'if-match': '"1"' });

    expect(before).toBe(2);
    expect(stale.status).toBe(412);
    expect(puts).toBe(before);
  });

  it('replaces a rejected document with a new version', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);
    const documentId = submitted.documentIds[0] ?? '';
    const rejected = await sendCommand(h, staff, submitted.id, submitted.etag, {
      type: 'document.reject',
      payload: { documentId, reason: 'Скан нечитаем' },
    });

    const replaced = await upload(h, representative, 'PUT', `/applications/${submitted.id}/documents/${documentId}`, {}, [
      { field: 'file', bytes: pngBytes, name: 'диплом-чёткий.png' },
    ], { 'if-match': etagOf(rejected) });
    const document = (await (await h.request('GET', `/applications/${submitted.id}/documents/${documentId}`, { actor: staff })).json()) as DocumentBody;

    expect(rejected.status).toBe(200);
    expect(replaced.status).toBe(200);
    expect(document.status).toBe('pending');
    expect(document.versions.map((version) => version.file.mediaType)).toEqual(['application/pdf', 'image/png']);
  });
});

describe('downloads', () => {
  it('serves the latest version and an earlier one', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);
    const documentId = submitted.documentIds[0] ?? '';
    const rejected = await sendCommand(h, staff, submitted.id, submitted.etag, { type: 'document.reject', payload: { documentId, reason: 'Нечитаемо' } });
    await upload(h, representative, 'PUT', `/applications/${submitted.id}/documents/${documentId}`, {}, [
      { field: 'file', bytes: pngBytes, name: 'Диплом Морозова.png' },
    ], { 'if-match': etagOf(rejected) });

    const latest = await h.request('GET', `/applications/${submitted.id}/documents/${documentId}/content`, { actor: staff });
    const first = await h.request('GET', `/applications/${submitted.id}/documents/${documentId}/content?version=1`, { actor: representative });
    const missing = await h.request('GET', `/applications/${submitted.id}/documents/${documentId}/content?version=3`, { actor: staff });

    expect(latest.status).toBe(200);
    expect(latest.headers.get('content-type')).toBe('image/png');
    expect(latest.headers.get('x-content-type-options')).toBe('nosniff');
    expect(latest.headers.get('content-language')).toBeNull();
    expect(latest.headers.get('content-disposition')).toBe(
      `attachment; filename="______ ________.png"; filename*=UTF-8''${encodeURIComponent('Диплом Морозова.png')}`,
    );
    expect(new Uint8Array(await latest.arrayBuffer())).toEqual(pngBytes);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(pdfBytes);
    expect(missing.status).toBe(400);
  });

  it('hides documents from another organization', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);

    const response = await h.request('GET', `/applications/${draft.id}/documents/${draft.documentIds[0]}/content`, { actor: otherRepresentative });

    expect(response.status).toBe(404);
  });

  it('serves only files the application refers to', async () => {
    const h = await setUp();
    const draft = await createSubmittableDraft(h);
    const stray = await h.files.put(pdfBytes, { name: 'чужой.pdf', mediaType: 'application/pdf' });

    const response = await h.request('GET', `/applications/${draft.id}/files/${stray.id}`, { actor: staff });
    const problem = (await response.json()) as { code: string };

    expect(response.status).toBe(404);
    expect(problem.code).toBe('file_not_found');
  });
});

describe('files for commands', () => {
  it('uploads files and accepts them in a command', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);
    const taken = await sendCommand(h, staff, submitted.id, submitted.etag, { type: 'application.take_into_work' });

    const uploaded = await upload(h, representative, 'POST', `/applications/${submitted.id}/files`, {}, [
      { field: 'file', bytes: pdfBytes, name: 'Договор.pdf' },
      { field: 'file', bytes: jpegBytes, name: 'Согласие.jpeg' },
    ]);
    const { files } = (await uploaded.json()) as { files: { id: string; name: string; mediaType: string }[] };
    const signed = await sendCommand(h, representative, submitted.id, etagOf(taken), {
      type: 'contract.upload_signed',
      payload: { contract: files[0], consent: files[1] },
    });
    const download = await h.request('GET', `/applications/${submitted.id}/files/${files[1]?.id}`, { actor: staff });

    expect(uploaded.status).toBe(201);
    expect(files.map((file) => [file.name, file.mediaType])).toEqual([
      ['Договор.pdf', 'application/pdf'],
      ['Согласие.jpeg', 'image/jpeg'],
    ]);
    expect(signed.status).toBe(200);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(jpegBytes);
  });

  it('refuses a FileRef that was never uploaded', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);
    const taken = await sendCommand(h, staff, submitted.id, submitted.etag, { type: 'application.take_into_work' });
    const uploaded = await upload(h, representative, 'POST', `/applications/${submitted.id}/files`, {}, [
      { field: 'file', bytes: pdfBytes, name: 'Договор.pdf' },
    ]);
    const [contract] = ((await uploaded.json()) as { files: { sha256: string }[] }).files;
    const forged = { id: 'f-forged', name: 'Согласие.pdf', mediaType: 'application/pdf', size: 10, sha256: 'f'.repeat(64) };

    const response = await sendCommand(h, representative, submitted.id, etagOf(taken), {
      type: 'contract.upload_signed',
      payload: { contract: { ...contract, sha256: '0'.repeat(64) }, consent: forged },
    });
    const problem = (await response.json()) as { code: string; errors: { pointer: string; code: string }[] };

    expect(response.status).toBe(422);
    expect(problem.errors.map((error) => [error.pointer, error.code])).toEqual([
      ['/payload/contract', 'file_not_uploaded'],
      ['/payload/consent', 'file_not_uploaded'],
    ]);
  });

  it('limits the number of files', async () => {
    const h = await setUp({ limits: { maxFiles: 2 } });
    const { id } = await h.createDraft();

    const response = await upload(h, representative, 'POST', `/applications/${id}/files`, {}, [
      { field: 'file', bytes: pdfBytes, name: '1.pdf' },
      { field: 'file', bytes: pdfBytes, name: '2.pdf' },
      { field: 'file', bytes: pdfBytes, name: '3.pdf' },
    ]);
    const problem = (await response.json()) as { code: string };

    expect(response.status).toBe(413);
    expect(problem.code).toBe('too_many_files');
  });

  it('stops reading a body above the multipart limit', async () => {
    const h = await setUp({ limits: { maxFileBytes: 1024, maxFiles: 1 } });
    const { id } = await h.createDraft();
    const big = new Uint8Array(400 * 1024);
    big.set(pdfBytes);

    const response = await upload(h, representative, 'POST', `/applications/${id}/files`, {}, [{ field: 'file', bytes: big, name: 'big.pdf' }]);

    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('request_too_large');
  });
});

describe('message thread', () => {
  it('posts a message with attachments and lists it', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);

    const posted = await upload(h, staff, 'POST', `/applications/${submitted.id}/messages`, { text: 'Направляем проект договора.' }, [
      { field: 'attachments', bytes: pdfBytes, name: 'Проект договора.pdf' },
      { field: 'attachments', bytes: pngBytes, name: 'Реквизиты.png' },
    ], { 'if-match': submitted.etag });
    const thread = await h.request('GET', `/applications/${submitted.id}/messages`, { actor: representative });
    const { messages } = (await thread.json()) as { messages: { text: string; author: { id: string }; attachments: { id: string; name: string }[] }[] };
    const attachment = await h.request('GET', `/applications/${submitted.id}/files/${messages[0]?.attachments[1]?.id}`, { actor: representative });

    expect(posted.status).toBe(200);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: 'Направляем проект договора.', author: { id: 'staff-lebedev' } });
    expect(messages[0]?.attachments.map((file) => file.name)).toEqual(['Проект договора.pdf', 'Реквизиты.png']);
    expect(attachment.headers.get('content-type')).toBe('image/png');
  });

  it('posts a text message as JSON', async () => {
    const h = await setUp();
    const submitted = await createSubmittedApplication(h);

    const posted = await h.request('POST', `/applications/${submitted.id}/messages`, {
      actor: representative,
      json: { text: 'Когда будет договор?' },
      headers: { 'if-match': submitted.etag },
    });

    expect(posted.status).toBe(200);
    expect(etagOf(posted)).toBe('"7-ru"');
  });

  it('refuses a message in a draft', async () => {
    const h = await setUp();
    const { id, etag } = await h.createDraft();

    const posted = await h.request('POST', `/applications/${id}/messages`, {
      actor: representative,
      json: { text: 'Вопрос' },
      headers: { 'if-match': etag },
    });

    expect(posted.status).toBe(409);
    expect(((await posted.json()) as { code: string }).code).toBe('command_not_allowed');
  });
});
