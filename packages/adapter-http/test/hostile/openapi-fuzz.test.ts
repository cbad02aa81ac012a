import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes, pngBytes, textBytes } from '../support/files.js';
import {
  createHarness,
  createSubmittedApplication,
  etagOf,
  otherRepresentative,
  representative,
  staff,
  tokenOf,
  type Harness,
} from '../support/harness.js';

// Requests generated from the OpenAPI document that GET /openapi.json serves: for each operation, path parameters,
// query parameters, headers and bodies drawn from its schemas, both as the schemas describe them and mutated. No
// request may get a 5xx, and every 4xx must be application/problem+json. FIOCO_FUZZ_RUNS sets the runs per operation.

const runsPerOperation = Number(process.env.FIOCO_FUZZ_RUNS ?? (process.env.FIOCO_LONG === '1' ? 1000 : 40));

type Schema = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema?: Schema;
}
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: { readonly mediaType: string; readonly schema: Schema };
}

interface Fixtures {
  readonly applicationIds: string[];
  readonly documentIds: string[];
  readonly rowIds: string[];
  readonly fileIds: string[];
}

/** A generated request before it is sent. */
interface Draft {
  readonly actor: 'rep' | 'other' | 'staff' | 'none';
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly headers: readonly [string, string][];
  readonly body?: { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'raw'; readonly text: string } | { readonly kind: 'form'; readonly parts: readonly FormPart[] };
}
type FormPart = { readonly field: string; readonly value: string } | { readonly field: string; readonly bytes: Uint8Array; readonly name: string };

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '../..', '%00', '\u0000', 'null', '-1', '1e309', 'ß'.repeat(300), '2026-02-30', '9999-99-99'),
);

/** Resolves `$ref`s of the document. */
function resolver(document: Record<string, unknown>) {
  return function resolve<T>(node: unknown): T {
    let current = node as Record<string, unknown>;
    while (current !== null && typeof current === 'object' && typeof current['$ref'] === 'string') {
      const path = (current['$ref'] as string).replace(/^#\//u, '').split('/');
      current = path.reduce<Record<string, unknown>>((value, key) => value[key] as Record<string, unknown>, document);
    }
    return current as T;
  };
}

/** Builds an arbitrary of values that match a JSON Schema (the subset zod emits), with the fixtures' ids where ids fit. */
function fromSchema(schema: Schema, resolve: <T>(node: unknown) => T, fixtures: Fixtures, depth = 0): fc.Arbitrary<unknown> {
  const node = resolve<Schema>(schema);
  if (depth > 6) return fc.constant(null);
  if ('const' in node) return fc.constant(node['const']);
  if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[key])) return fc.oneof(...(node[key] as Schema[]).map((option) => fromSchema(option, resolve, fixtures, depth + 1)));
  }

  const type = Array.isArray(node['type']) ? (node['type'] as string[])[0] : (node['type'] as string | undefined);
  switch (type) {
    case 'string': {
      if (node['format'] === 'date') return fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
      if (node['format'] === 'date-time') return fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
      if (typeof node['pattern'] === 'string') return fc.stringMatching(new RegExp(node['pattern'] as string, 'u'));
      const minLength = (node['minLength'] as number | undefined) ?? 0;
      const maxLength = Math.min((node['maxLength'] as number | undefined) ?? 60, 60);
      return fc.oneof(
        fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }),
        fc.constantFrom(...fixtures.rowIds, ...fixtures.documentIds, ...fixtures.fileIds),
      );
    }
    case 'integer':
      return fc.integer({ min: Math.max(-1000, Number(node['minimum'] ?? -1000)), max: Math.min(10_000_000, Number(node['maximum'] ?? 10_000_000)) });
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema((node['items'] as Schema | undefined) ?? {}, resolve, fixtures, depth + 1), {
        maxLength: Math.min((node['maxItems'] as number | undefined) ?? 4, 4),
      });
    case 'object': {
      const properties = (node['properties'] as Record<string, Schema> | undefined) ?? {};
      const required = (node['required'] as string[] | undefined) ?? [];
      const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value, resolve, fixtures, depth + 1)]));
      return fc.record(model, { requiredKeys: required.filter((key) => key in model) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mutates a value: replaces it, or one of its members, with anything; adds an unknown member; drops one. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((value) => {
    const options: fc.Arbitrary<unknown>[] = [fc.jsonValue({ maxDepth: 3 })];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      options.push(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([key, extra]) => ({ ...value, [key]: extra })));
      if (keys.length > 0) {
        options.push(
          fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 2 })).map(([key, replacement]) => ({ ...value, [key]: replacement })),
          fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))),
        );
        const payload = (value as Record<string, unknown>)['payload'];
        if (payload !== null && typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length > 0) {
          options.push(
            fc.tuple(fc.constantFrom(...Object.keys(payload)), fc.jsonValue({ maxDepth: 2 })).map(([key, replacement]) => ({ ...value, payload: { ...payload, [key]: replacement } })),
          );
        }
      }
    }
    return fc.oneof(...options);
  });
}

function operationsOf(document: Record<string, unknown>): Operation[] {
  const resolve = resolver(document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document['paths'] as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as { parameters?: unknown[]; requestBody?: { content: Record<string, { schema: Schema }> } };
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) => resolve<Parameter>(parameter)),
        ...(mediaType === undefined ? {} : { body: { mediaType, schema: content[mediaType]!.schema } }),
      });
    }
  }
  return operations;
}

function requestsOf(operation: Operation, document: Record<string, unknown>, fixtures: Fixtures): fc.Arbitrary<Draft> {
  const resolve = resolver(document);
  const knownValues: Record<string, readonly string[]> = {
    id: fixtures.applicationIds,
    documentId: fixtures.documentIds,
    rowId: fixtures.rowIds,
    fileId: fixtures.fileIds,
    programId: ['vpr-2026-03'],
    date: ['2026-03-09', '2026-03-16'],
  };
  const idFor = (name: string): fc.Arbitrary<string> => {
    const valid = knownValues[name] ?? [];
    return valid.length === 0 ? anyText : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: anyText });
  };

  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const path = fc.record(Object.fromEntries(pathParameters.map((parameter) => [parameter.name, idFor(parameter.name)]))).map((values) =>
    operation.path.replace(/\{([^}]+)\}/gu, (_, name: string) => encodeURIComponent(String((values as Record<string, string>)[name] ?? ''))),
  );

  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const query = fc.tuple(
    ...queryParameters.map((parameter) => {
      const valid = fromSchema(parameter.schema ?? { type: 'string' }, resolve, fixtures).map(String);
      const value = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyText });
      return parameter.required === true ? value.map((text) => [[parameter.name, text]] as [string, string][]) : fc.option(value, { nil: undefined }).map((text) => (text === undefined ? [] : [[parameter.name, text] as [string, string]]));
    }),
  ).map((entries) => entries.flat());

  const headers = fc.tuple(
    // Mostly `*`, so that commands get past If-Match to the service.
    fc.option(
      fc.oneof({ weight: 4, arbitrary: fc.constant('*') }, fc.constantFrom('"1"', '"2-ru"', '"3-en"', 'W/"1"', ''), fc.stringMatching(/^"\d{1,3}(-(ru|en))?"$/u)),
      { nil: undefined, freq: 6 },
    ),
    fc.option(fc.oneof(fc.uuid(), fc.stringMatching(/^[\x21-\x7e]{1,40}$/u), fc.constantFrom(' ', 'a b', 'x'.repeat(300))), { nil: undefined }),
    fc.option(fc.constantFrom('ru', 'en', 'en-GB,en;q=0.9', 'de', '*', ''), { nil: undefined }),
  ).map(([ifMatch, key, language]) => {
    const list: [string, string][] = [];
    if (ifMatch !== undefined) list.push(['if-match', ifMatch]);
    if (key !== undefined) list.push(['idempotency-key', key]);
    if (language !== undefined) list.push(['accept-language', language]);
    return list;
  });

  let body: fc.Arbitrary<Draft['body']> = fc.constant(undefined);
  if (operation.body?.mediaType === 'application/json') {
    const valid = fromSchema(operation.body.schema, resolve, fixtures);
    body = fc.oneof(
      { weight: 2, arbitrary: valid.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 2, arbitrary: mutated(valid).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ kind: 'raw' as const, text })) },
    );
  } else if (operation.body?.mediaType === 'multipart/form-data') {
    const properties = (resolve<Schema>(operation.body.schema)['properties'] as Record<string, Schema> | undefined) ?? {};
    const part = (field: string, schema: Schema): fc.Arbitrary<FormPart[]> => {
      const node = resolve<Schema>(schema);
      const isFile = node['contentMediaType'] !== undefined || resolve<Schema>(node['items'] ?? {})['contentMediaType'] !== undefined;
      if (isFile) {
        const file = fc.record({
          bytes: fc.oneof(fc.constantFrom(pdfBytes, pngBytes, textBytes, new Uint8Array()), fc.uint8Array({ maxLength: 64 })),
          name: fc.oneof(fc.constantFrom('scan.pdf', '../x.pdf', 'a\u0000.png'), fc.string({ maxLength: 20 })),
        });
        return fc.array(file, { maxLength: 3 }).map((files) => files.map((entry) => ({ field, ...entry })));
      }
      const value = fc.oneof(fromSchema(node, resolve, fixtures).map(String), anyText);
      return fc.array(value, { maxLength: 2 }).map((values) => values.map((text) => ({ field, value: text })));
    };
    body = fc
      .tuple(...Object.entries(properties).map(([field, schema]) => part(field, schema)), fc.array(fc.record({ field: fc.string({ maxLength: 8 }), value: fc.string({ maxLength: 8 }) }), { maxLength: 1 }))
      .map((groups) => ({ kind: 'form' as const, parts: groups.flat() }));
  }

  return fc.record({
    actor: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('rep', 'other', 'staff') },
      { weight: 1, arbitrary: fc.constant('none') },
    ) as fc.Arbitrary<Draft['actor']>,
    path,
    query,
    headers,
    body,
  }) as fc.Arbitrary<Draft>;
}

describe('OpenAPI-driven fuzzing', () => {
  let harness: Harness;
  let document: Record<string, unknown>;
  let fixtures: Fixtures;
  let sent = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    harness = await createHarness();
    document = (await (await harness.request('GET', '/openapi.json')).json()) as Record<string, unknown>;

    const submitted = await createSubmittedApplication(harness);
    const created = await harness.request('POST', '/applications', { actor: otherRepresentative, json: { programId: 'vpr-2026-03' } });
    const draftId = ((await created.json()) as { id: string }).id;
    const added = await harness.request('POST', `/applications/${draftId}/commands`, {
      actor: otherRepresentative,
      json: { type: 'row.add', payload: { row: { lastName: 'Иванова' } } },
      headers: { 'if-match': etagOf(created) },
    });
    const draftRow = ((await added.json()) as { data: { rows: { id: string }[] } }).data.rows[0]!.id;
    const documents = (await (await harness.request('GET', `/applications/${submitted.id}/documents`, { actor: staff })).json()) as {
      documents: { versions: { file: { id: string } }[] }[];
    };
    fixtures = {
      applicationIds: [submitted.id, draftId],
      documentIds: submitted.documentIds,
      rowIds: [submitted.rowId, draftRow],
      fileIds: documents.documents.flatMap((entry) => entry.versions.map((version) => version.file.id)),
    };
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    console.info(
      `openapi-fuzz: ${sent} requests, ${runsPerOperation} per operation; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
  });

  it('covers every operation of the document', () => {
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(25);
  });

  it('answers every generated request without a 5xx, and every 4xx as a problem', async () => {
    const tokens = { rep: representative, other: otherRepresentative, staff } as const;
    for (const operation of operationsOf(document)) {
      await fc.assert(
        fc.asyncProperty(requestsOf(operation, document, fixtures), async (draft) => {
          const url = new URL(`http://localhost${draft.path}`);
          for (const [name, value] of draft.query) url.searchParams.append(name, value);
          const headers = new Headers([...draft.headers]);
          if (draft.actor !== 'none') headers.set('authorization', `Bearer ${tokenOf(tokens[draft.actor])}`);

          let body: BodyInit | undefined;
          if (draft.body?.kind === 'json') {
            headers.set('content-type', 'application/json');
            body = JSON.stringify(draft.body.value) ?? 'null';
          } else if (draft.body?.kind === 'raw') {
            headers.set('content-type', 'application/json');
            body = draft.body.text;
          } else if (draft.body?.kind === 'form') {
            const form = new FormData();
            for (const part of draft.body.parts) {
              if ('value' in part) form.append(part.field, part.value);
              else form.append(part.field, new Blob([part.bytes as Uint8Array<ArrayBuffer>]), part.name);
            }
            body = form;
          }
          const method = operation.method;
          const response = await harness.handler(new Request(url, { method, headers, ...(body === undefined || method === 'GET' ? {} : { body }) }));
          const text = await response.text();
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

          expect(response.status, `${method} ${url.pathname}${url.search}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
            expect((JSON.parse(text) as { status: number }).status).toBe(response.status);
          }
        }),
        { numRuns: runsPerOperation },
      );
    }
    expect(harness.errors).toEqual([]);
  }, 600_000);
});
