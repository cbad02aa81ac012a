import { fileRefSchema, type ApplicationView, type CommandType, type FileRef, type FileStore } from '@fioco-flow/core';
import type { Context, Hono } from 'hono';
import { readJsonBody, readMultipartBody, mediaTypeOf, type MultipartBody } from '../http/body.js';
import type { AdapterEnv } from '../http/env.js';
import { requireInteger } from '../http/params.js';
import { problem } from '../problems/problem.js';
import { checkUploads, provisionalFileRef, sha256Hex, storeUploads, type CheckedUpload } from '../uploads/check-uploads.js';
import { extensionByMediaType, type AcceptedMediaType } from '../uploads/content-type.js';
import { contentDisposition } from '../uploads/file-name.js';
import { loadApplication, type RouteDependencies } from './context.js';
import { executeCommand, idempotentWrite, invalidPayload, parsePayload, type PendingFieldError } from './write.js';

/**
 * Registers the routes that carry files: documents (upload, replace, read, download), the message
 * thread with attachments, plain uploads for commands that take files (`contract.upload_signed`,
 * `closing.issue`, …), and the download of any file of an application.
 */
export function registerFileRoutes(app: Hono<AdapterEnv>, dependencies: RouteDependencies): void {
  const { service } = dependencies;

  app.get('/applications/:id/documents', async (c) => {
    const application = await loadApplication(c, service);
    return c.json({ documents: application.data.documents });
  });

  app.get('/applications/:id/documents/:documentId', async (c) => {
    const application = await loadApplication(c, service);
    return c.json(findDocument(application, c.req.param('documentId')));
  });

  app.get('/applications/:id/documents/:documentId/content', async (c) => {
    const application = await loadApplication(c, service);
    const document = findDocument(application, c.req.param('documentId'));
    const versionParameter = c.req.query('version');
    const number = versionParameter === undefined ? document.versions.length : requireInteger('version', versionParameter);
    const version = document.versions[number - 1];
    if (version === undefined) {
      throw problem('invalid_parameter', {
        name: 'version',
        value: versionParameter ?? '',
        expected: { ru: `номер версии от 1 до ${document.versions.length}`, en: `a version number from 1 to ${document.versions.length}` },
      });
    }
    return download(c, dependencies, application, version.file.id);
  });

  app.post('/applications/:id/documents', async (c) => {
    const application = await loadApplication(c, service);
    const form = await readMultipartBody(c.req.raw, dependencies.limits, ['file']);

    return idempotentWrite(c, dependencies, { applicationId: application.id, body: await multipartFingerprint(form) }, () =>
      executeCommand(c, dependencies, application, {
        pointerPrefix: '',
        type: () => 'document.attach',
        validate: async (type) => {
          const [upload] = await checkFormFiles(form, dependencies, { field: 'file', min: 1, max: 1 });
          const documentId = single(form, 'documentId');
          const payload = {
            kind: single(form, 'kind'),
            rowIds: listField(form, 'rowIds'),
            ...(documentId === undefined ? {} : { documentId }),
          };
          return withUploads(type, dependencies, [upload], (refs) => ({ ...payload, file: refs[0] }));
        },
      }),
    );
  });

  app.put('/applications/:id/documents/:documentId', async (c) => {
    const application = await loadApplication(c, service);
    const documentId = c.req.param('documentId');
    findDocument(application, documentId);
    const form = await readMultipartBody(c.req.raw, dependencies.limits, ['file']);

    return idempotentWrite(c, dependencies, { applicationId: application.id, body: await multipartFingerprint(form) }, () =>
      executeCommand(c, dependencies, application, {
        pointerPrefix: '',
        type: () => 'document.replace',
        validate: async (type) => {
          const [upload] = await checkFormFiles(form, dependencies, { field: 'file', min: 1, max: 1 });
          return withUploads(type, dependencies, [upload], (refs) => ({ documentId, file: refs[0] }));
        },
      }),
    );
  });

  app.get('/applications/:id/messages', async (c) => {
    const application = await loadApplication(c, service);
    return c.json({ messages: application.data.messages });
  });

  app.post('/applications/:id/messages', async (c) => {
    const application = await loadApplication(c, service);

    if (mediaTypeOf(c.req.raw) !== 'multipart/form-data') {
      const body = await readJsonBody(c.req.raw, dependencies.limits);
      return idempotentWrite(c, dependencies, { applicationId: application.id, body }, () =>
        executeCommand(c, dependencies, application, {
          pointerPrefix: '',
          type: () => 'message.post',
          validate: async (type) => {
            const payload = parsePayload(type, body, '');
            await checkReferencedFiles(dependencies.files, payload, '');
            return { type, finalize: async () => payload };
          },
        }),
      );
    }

    const form = await readMultipartBody(c.req.raw, dependencies.limits, ['attachments']);
    return idempotentWrite(c, dependencies, { applicationId: application.id, body: await multipartFingerprint(form) }, () =>
      executeCommand(c, dependencies, application, {
        pointerPrefix: '',
        type: () => 'message.post',
        validate: async (type) => {
          const uploads = await checkFormFiles(form, dependencies, { field: 'attachments', min: 0, max: dependencies.limits.maxFiles });
          const text = single(form, 'text') ?? '';
          return withUploads(type, dependencies, uploads, (refs) => ({ text, attachments: refs }));
        },
      }),
    );
  });

  app.post('/applications/:id/files', async (c) => {
    const application = await loadApplication(c, service);
    const form = await readMultipartBody(c.req.raw, dependencies.limits, ['file']);

    const uploads = await checkFormFiles(form, dependencies, { field: 'file', min: 1, max: dependencies.limits.maxFiles });
    const refs = await storeUploads(dependencies.files, uploads);
    return c.json({ applicationId: application.id, files: refs }, 201);
  });

  app.get('/applications/:id/files/:fileId', async (c) => {
    const application = await loadApplication(c, service);
    return download(c, dependencies, application, c.req.param('fileId'));
  });
}

/**
 * Collects every FileRef inside a value with the JSON pointer of each, to check the files a command
 * names and to find the files an application refers to.
 */
export function findFileRefs(value: unknown, path = ''): { readonly ref: FileRef; readonly path: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findFileRefs(item, `${path}/${index}`));
  if (typeof value !== 'object' || value === null) return [];

  const asRef = fileRefSchema.safeParse(value);
  if (asRef.success) return [{ ref: asRef.data, path }];
  return Object.entries(value).flatMap(([key, item]) =>
    findFileRefs(item, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

/**
 * Checks that every file a JSON command names was uploaded: its id is in the file store with the
 * same content hash, size, type and name. A client cannot pass off a FileRef it made up.
 *
 * @throws {ProblemError} `invalid_payload` (422) pointing at each unknown file.
 */
export async function checkReferencedFiles(files: FileStore, payload: unknown, pointerPrefix: string): Promise<void> {
  const unknown: string[] = [];
  for (const { ref, path } of findFileRefs(payload)) {
    const stored = await files.get(ref.id);
    const same =
      stored !== undefined &&
      stored.ref.sha256 === ref.sha256 &&
      stored.ref.size === ref.size &&
      stored.ref.mediaType === ref.mediaType &&
      stored.ref.name === ref.name;
    if (!same) unknown.push(`${pointerPrefix}${path}`);
  }
  if (unknown.length === 0) return;

  invalidPayload(
    unknown.map((pointer) => ({
      pointer,
      code: 'file_not_uploaded',
      detail: (locale) =>
        locale === 'ru'
          ? 'Файл не найден в хранилище. Загрузите его через POST /applications/{id}/files и передайте полученный объект без изменений.'
          : 'The file is not in the file store. Upload it with POST /applications/{id}/files and pass the returned object unchanged.',
    })),
  );
}

function findDocument(application: ApplicationView, documentId: string) {
  const document = application.data.documents.find((candidate) => candidate.id === documentId);
  if (document === undefined) throw problem('document_not_found', { documentId });
  return document;
}

/**
 * Sends a file of the application. Only files the application refers to are served, and only to
 * actors who see the application in full: a restricted view has no file names and no personal data.
 */
async function download(c: Context<AdapterEnv>, dependencies: RouteDependencies, application: ApplicationView, fileId: string): Promise<Response> {
  if (application.visibility !== 'full') {
    throw problem('action_forbidden', {
      action: { ru: 'Скачать файл заявки', en: 'Download a file of the application' },
      role: { ru: 'участник с ограниченным доступом', en: 'an actor with restricted access' },
    });
  }
  const known = findFileRefs(application.data).find(({ ref }) => ref.id === fileId);
  if (known === undefined) throw problem('file_not_found', { fileId });
  const stored = await dependencies.files.get(fileId);
  if (stored === undefined) throw problem('file_not_found', { fileId });

  const { ref, bytes } = stored;
  const name = ref.name || `${ref.id}.${extensionByMediaType[ref.mediaType as AcceptedMediaType] ?? 'bin'}`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': ref.mediaType,
    'content-length': String(bytes.byteLength),
    'content-disposition': contentDisposition(name),
    'x-content-type-options': 'nosniff',
    etag: `"${ref.sha256}"`,
  });
}

/** Checks the files of one form field and reports missing or surplus ones at that field. */
async function checkFormFiles(
  form: MultipartBody,
  dependencies: RouteDependencies,
  expected: { readonly field: string; readonly min: number; readonly max: number },
): Promise<CheckedUpload[]> {
  const files = form.files.filter((entry) => entry.field === expected.field);
  const errors: PendingFieldError[] = [];
  if (files.length < expected.min) {
    // Browsers send an empty file input as a part with no file name and no content.
    const chosenNothing = form.emptyFileFields.includes(expected.field);
    errors.push({
      pointer: `/${expected.field}`,
      code: chosenNothing ? 'file_empty' : 'required',
      detail: (locale) =>
        locale === 'ru'
          ? `Приложите непустой файл в поле «${expected.field}».`
          : `Attach a non-empty file in the field "${expected.field}".`,
    });
  }
  if (files.length > expected.max && expected.max < dependencies.limits.maxFiles) {
    errors.push({
      pointer: `/${expected.field}`,
      code: 'too_many_files',
      detail: (locale) =>
        locale === 'ru'
          ? `В поле «${expected.field}» можно приложить не больше ${expected.max} файлов.`
          : `At most ${expected.max} file(s) may be attached in the field "${expected.field}".`,
    });
  }
  const strays = form.files.filter((entry) => entry.field !== expected.field);
  for (const stray of strays) {
    errors.push({
      pointer: `/${stray.field}`,
      code: 'unexpected_file',
      detail: (locale) =>
        locale === 'ru'
          ? `Поле «${stray.field}» не принимает файлов; файлы передаются в поле «${expected.field}».`
          : `The field "${stray.field}" takes no files; send files in the field "${expected.field}".`,
    });
  }
  if (errors.length > 0) invalidPayload(errors);

  const pointerOf = (index: number) => (expected.max === 1 ? `/${expected.field}` : `/${expected.field}/${index}`);
  const checked = await checkUploads(
    files.map((entry, index) => ({ pointer: pointerOf(index), file: entry.file })),
    dependencies.limits,
  );
  return checked;
}

/**
 * Validates a payload built with placeholder FileRefs, and stores the files only when the command
 * is about to be dispatched. `executeCommand` has the service check the placeholder payload without
 * writing first, so a command the service rejects stores no file.
 *
 * NOTE: A write that lands between that check and the dispatch can still make the service reject the
 * command (a 409, or a 412), and then its files stay in the store unreferenced. Content addressing
 * keeps each such content once.
 */
function withUploads(
  type: CommandType,
  dependencies: RouteDependencies,
  uploads: readonly (CheckedUpload | undefined)[],
  build: (refs: readonly FileRef[]) => unknown,
) {
  const present = uploads.filter((upload): upload is CheckedUpload => upload !== undefined);
  const provisional = parsePayload(type, build(present.map(provisionalFileRef)), '');
  return {
    type,
    ...(present.length === 0 ? {} : { provisional }),
    finalize: async () => build(await storeUploads(dependencies.files, present)),
  };
}

function single(form: MultipartBody, field: string): string | undefined {
  return form.fields.get(field)?.[0];
}

/** Reads a list field sent either repeated (`rowIds=a&rowIds=b`) or comma-separated (`rowIds=a,b`). */
function listField(form: MultipartBody, field: string): string[] | undefined {
  const values = form.fields.get(field);
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/**
 * Describes a multipart request for its idempotency fingerprint: the text fields, and each file's
 * field, name, size and SHA-256. The boundary, which every client picks anew, is left out.
 */
async function multipartFingerprint(form: MultipartBody): Promise<unknown> {
  const files = [];
  for (const { field, file } of form.files) {
    const sha256 = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
    files.push({ field, name: file.name, size: file.size, sha256 });
  }
  // The canonical JSON of the fingerprint sorts object keys, so the field order does not matter.
  const fields = Object.fromEntries(form.fields);
  return { fields, files };
}
