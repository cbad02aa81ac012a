import { compileErrors, validate } from '@readme/openapi-parser';
import { commandTypes } from '@fioco-flow/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemStatus } from '../src/index.js';
import { commandComponentName } from '../src/openapi/document.js';
import { createHarness, createSubmittedApplication, representative, sendCommand, staff, type Harness } from './support/harness.js';

type Document = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

let harness: Harness;
let document: Document;
let ajv: Ajv2020;

beforeAll(async () => {
  harness = await createHarness();
  const response = await harness.request('GET', '/openapi.json');
  document = (await response.json()) as Document;
  // The generated component schemas validate real responses, so the document describes what the routes send.
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...document, $id: 'openapi.json' });
});

afterAll(async () => {
  await harness.close();
});

function expectMatches(component: string, body: unknown) {
  const check = ajv.getSchema(`openapi.json#/components/schemas/${component}`);
  if (check === undefined) throw new Error(`No component ${component}`);
  const valid = check(body);
  expect(check.errors ?? [], `${component}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
  expect(valid).toBe(true);
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(document) as never);

    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route of the handler', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/health',
        '/openapi.json',
        '/machine',
        '/deadlines',
        '/calendar/working-days',
        '/calendar/add',
        '/calendar/days/{date}',
        '/programs',
        '/programs/{programId}',
        '/applications',
        '/applications/{id}',
        '/applications/{id}/commands',
        '/applications/{id}/events',
        '/applications/{id}/deadlines',
        '/applications/{id}/deadlines.ics',
        '/applications/{id}/participants',
        '/applications/{id}/participants/{rowId}',
        '/applications/{id}/documents',
        '/applications/{id}/documents/{documentId}',
        '/applications/{id}/documents/{documentId}/content',
        '/applications/{id}/messages',
        '/applications/{id}/files',
        '/applications/{id}/files/{fileId}',
      ].sort(),
    );
  });

  it('maps every command type to its payload schema', () => {
    const command = document.components.schemas['Command'] as { oneOf: unknown[]; discriminator: { mapping: Record<string, string> } };

    expect(command.oneOf).toHaveLength(commandTypes.length);
    expect(Object.keys(command.discriminator.mapping)).toEqual([...commandTypes]);
    for (const type of commandTypes) {
      expect(document.components.schemas[commandComponentName(type)], type).toBeDefined();
    }
  });

  it('takes request payloads as input, with defaults optional', () => {
    const message = document.components.schemas['MessagePostRequest'] as { required: string[] };

    expect(message.required).toEqual(['text']);
  });

  it('declares only statuses of the status table', () => {
    const statuses = new Set<number>(Object.values(problemStatus));
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const status of Object.keys(operation.responses)) {
          const code = Number(status);
          if (code >= 400) expect(statuses.has(code), status).toBe(true);
        }
      }
    }
  });

  it('prefixes the server URL with the base path', async () => {
    const mounted = await createHarness({ basePath: '/api/' });
    const response = await mounted.request('GET', '/api/openapi.json');
    const body = (await response.json()) as Document;
    await mounted.close();

    expect(body.servers).toEqual([{ url: '/api' }]);
  });
});

describe('responses match their schemas', () => {
  it('application, commands, events, deadlines and documents', async () => {
    const submitted = await createSubmittedApplication(harness);
    const read = async (path: string) => (await harness.request('GET', `/applications/${submitted.id}${path}`, { actor: staff })).json();

    expectMatches('Application', await read(''));
    expectMatches('AvailableCommands', await read('/commands'));
    expectMatches('EventList', await read('/events'));
    expectMatches('DeadlineList', await read('/deadlines'));
    expectMatches('DocumentList', await read('/documents'));
    expectMatches('ParticipantList', await read('/participants'));
    expectMatches('MessageList', await read('/messages'));
    expectMatches('ApplicationList', await (await harness.request('GET', '/applications', { actor: staff })).json());
    expectMatches('ProgramList', await (await harness.request('GET', '/programs', { actor: representative })).json());
  });

  it('problems of every kind', async () => {
    const { id, etag } = await harness.request('GET', '/applications', { actor: representative }).then(async (response) => {
      const [first] = ((await response.json()) as { items: { id: string; version: number }[] }).items;
      return { id: first?.id ?? '', etag: `"${first?.version}"` };
    });

    expectMatches('Problem', await (await harness.request('GET', '/applications')).json());
    expectMatches('Problem', await (await sendCommand(harness, representative, id, etag, { type: 'row.add', payload: { row: { sex: 'x' } } })).json());
    expectMatches('Problem', await (await sendCommand(harness, staff, id, etag, { type: 'contract.confirm' })).json());
  });

  it('calendar, deadlines, machine and health', async () => {
    const read = async (path: string) => (await harness.request('GET', path)).json();

    expectMatches('CalendarDay', await read('/calendar/days/2026-03-09'));
    expectMatches('WorkingDaysResult', await read('/calendar/working-days?from=2026-03-04&to=2026-03-16'));
    expectMatches('AddWorkingDaysResult', await read('/calendar/add?date=2026-03-16&days=-7'));
    expectMatches('DeadlinesQueryResult', await read('/deadlines?courseStart=2026-03-16&submittedAt=2026-03-02T09:00:00Z'));
    expectMatches('MachineChart', await read('/machine'));
    expectMatches('Health', await read('/health'));
  });
});
