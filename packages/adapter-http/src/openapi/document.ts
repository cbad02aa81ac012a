// The OpenAPI 3.1 document is generated with zod 4's own `z.toJSONSchema` rather than through
// `@hono/zod-openapi` 1.x, for three reasons:
// - The procedure fixes the order of checks (401 → 404 → idempotency replay → 403 → 422 → 428/412
//   → 409). A route-level validator such as `@hono/zod-openapi`'s runs before the handler, so it would
//   return 422 before 401, 404 and the replay. The routes validate in that order themselves.
// - The request schemas are the core's command catalog as it is. `z.toJSONSchema(registry, { io:
//   'input' })` converts them, refinements and defaults included, into JSON Schema draft 2020-12,
//   which is the schema dialect of OpenAPI 3.1, with no second translation layer to keep in step
//   with zod (`@hono/zod-openapi` goes through `@asteasolutions/zod-to-openapi`).
// - One route carries every command, `POST /applications/:id/commands`, with a discriminated union
//   of 30 payloads. A registry of zod schemas turns it into `oneOf` with `$ref`s and a
//   discriminator, so no command has to be declared as a route of its own.
import {
  applicationDataSchema,
  applicationStates,
  commandPayloadSchemas,
  commandTypes,
  fileRefSchema,
  programSchema,
  type CommandType,
} from '@fioco-flow/core';
import { z } from 'zod';
import { maxIdempotencyKeyLength } from '../http/idempotency.js';
import { problemStatus } from '../problems/status.js';
import {
  addWorkingDaysResultSchema,
  calendarDaySchema,
  deadlineViewSchema,
  deadlinesQueryResultSchema,
  healthSchema,
  problemSchema,
  workingDaysResultSchema,
} from './schemas.js';

type JsonObject = Record<string, unknown>;

/** Component names of the command variants: `document.reject` → `DocumentRejectCommand`. */
export function commandComponentName(type: CommandType): string {
  const words = type.split(/[._]/u).map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`);
  return `${words.join('')}Command`;
}

const instant = z.iso.datetime({ offset: true });

const applicationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  programId: z.string(),
  version: z.number().int().positive().describe('Raised by every accepted command; the ETag is this number and the language, e.g. "7-ru"'),
  state: z.enum(applicationStates),
  stateLabel: z.string(),
  final: z.boolean(),
  nextDeadlineAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  visibility: z.enum(['full', 'restricted']),
  data: applicationDataSchema,
});

const participantsSchema = z.object({
  participants: z.array(
    applicationDataSchema.shape.rows.element.extend({
      documents: z.array(z.object({ kind: z.string(), documentId: z.string() })),
    }),
  ),
});

const machineChartSchema = z.object({
  states: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      final: z.boolean(),
      parent: z.string().nullable(),
      initial: z.boolean(),
    }),
  ),
  transitions: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      to: z.string().nullable().describe('null for a command that changes the data and stays in its state'),
      command: z.enum(commandTypes),
      label: z.string(),
      guard: z.string().nullable(),
      conditions: z.array(z.string()),
    }),
  ),
});

const reasonSchema = z.object({ code: z.string(), detail: z.string(), params: z.record(z.string(), z.unknown()) });

const availableCommandsSchema = z.object({
  state: z.enum(applicationStates),
  stateLabel: z.string(),
  version: z.number().int(),
  commands: z.array(
    z.object({
      type: z.enum(commandTypes),
      label: z.string(),
      available: z.boolean(),
      message: z.string().nullable().describe('Why the command is blocked, as one sentence'),
      reasons: z.array(reasonSchema),
    }),
  ),
});

const eventSchema = z.object({
  applicationId: z.string(),
  version: z.number().int(),
  type: z.string(),
  label: z.string(),
  at: instant,
  actor: z.object({ id: z.string(), role: z.string(), organizationId: z.string().optional() }),
  payload: z.unknown(),
  generated: z.record(z.string(), z.unknown()),
  state: z.enum(applicationStates),
  stateLabel: z.string(),
  machineVersion: z.number().int(),
});

function requestRegistry() {
  const registry = z.registry<{ id: string }>();
  registry.add(fileRefSchema, { id: 'FileRef' });

  const variants = commandTypes.map((type) => {
    const variant = z.object({ type: z.literal(type), payload: commandPayloadSchemas[type] });
    registry.add(variant, { id: commandComponentName(type) });
    return variant;
  });
  registry.add(z.discriminatedUnion('type', variants as unknown as [typeof variants[number], ...typeof variants]), { id: 'Command' });
  registry.add(z.object({ programId: z.string().min(1) }), { id: 'CreateApplicationRequest' });
  registry.add(commandPayloadSchemas['message.post'], { id: 'MessagePostRequest' });
  return registry;
}

function responseRegistry() {
  const registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => registry.add(schema, { id });
  add(fileRefSchema, 'FileRef');
  add(programSchema, 'Program');
  add(z.object({ programs: z.array(programSchema) }), 'ProgramList');
  add(applicationSchema, 'Application');
  add(z.object({ items: z.array(applicationSchema), limit: z.number().int(), offset: z.number().int() }), 'ApplicationList');
  add(availableCommandsSchema, 'AvailableCommands');
  add(z.object({ events: z.array(eventSchema) }), 'EventList');
  add(z.object({ deadlines: z.array(deadlineViewSchema) }), 'DeadlineList');
  add(participantsSchema, 'ParticipantList');
  add(applicationDataSchema.shape.documents.element, 'Document');
  add(z.object({ documents: applicationDataSchema.shape.documents }), 'DocumentList');
  add(z.object({ messages: applicationDataSchema.shape.messages }), 'MessageList');
  add(z.object({ applicationId: z.string(), files: z.array(fileRefSchema) }), 'UploadedFiles');
  add(problemSchema, 'Problem');
  add(healthSchema, 'Health');
  add(machineChartSchema, 'MachineChart');
  add(calendarDaySchema, 'CalendarDay');
  add(workingDaysResultSchema, 'WorkingDaysResult');
  add(addWorkingDaysResultSchema, 'AddWorkingDaysResult');
  add(deadlinesQueryResultSchema, 'DeadlinesQueryResult');
  return registry;
}

function componentSchemas(registry: ReturnType<typeof requestRegistry>, io: 'input' | 'output'): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ 'application/json': { schema } });
const ok = (name: string, description: string, headers?: JsonObject) => ({
  description,
  content: json(ref(name)),
  ...(headers ? { headers } : {}),
});
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Problem${status}` }]));
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const query = (name: string, description: string, schema: JsonObject, required = false) => ({ name, in: 'query', required, description, schema });

const problemDescriptions: Record<number, string> = {
  400: 'Malformed request: unreadable body, invalid query parameter or Idempotency-Key',
  401: 'No authenticated actor',
  403: 'The actor’s role may never send this command',
  404: 'Not found, including another organization’s application',
  409: 'Not allowed in the current state, blocked by a rule (with reasons), or the first request with this Idempotency-Key still runs',
  412: 'If-Match does not name the current version; the response carries the current ETag',
  413: 'A file or the request body is larger than the limits',
  415: 'The body’s content type, or an uploaded file’s content, is not accepted',
  422: 'Invalid payload or failed submission rules, one JSON pointer per field; or an Idempotency-Key reused with another request',
  428: 'A command without If-Match',
  500: 'Unexpected error, reported to the host; no details',
};

const commandWriteResponses = {
  '200': ok('Application', 'The command was accepted; the application after it, with its new ETag', {
    ETag: { schema: { type: 'string' } },
    'Idempotent-Replayed': { description: 'true when this is the recorded first response for the Idempotency-Key', schema: { type: 'string' } },
  }),
  ...problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 500),
};

const multipartFile = { type: 'string', contentMediaType: 'application/octet-stream' };

function paths(): JsonObject {
  const id = parameter('ApplicationId');
  const language = parameter('AcceptLanguage');
  const writeHeaders = [parameter('IfMatch'), parameter('IdempotencyKey')];

  return {
    '/health': { get: { operationId: 'getHealth', summary: 'Liveness check', responses: { '200': ok('Health', 'The handler is up') } } },
    '/openapi.json': {
      get: { operationId: 'getOpenApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document', content: json({ type: 'object' }) } } },
    },
    '/machine': {
      get: {
        operationId: 'getMachine',
        summary: 'The state chart of an application: states and transitions with labels, for clients to draw',
        parameters: [language],
        responses: { '200': ok('MachineChart', 'Every state and transition'), ...problems(500) },
      },
    },
    '/deadlines': {
      get: {
        operationId: 'computeDeadlines',
        summary: 'Deadlines of a course start date on the federal production calendar',
        parameters: [
          query('courseStart', 'First day of the course', { type: 'string', format: 'date' }, true),
          query('delivery', 'Results delivery; the originals deadline exists for paper only', { type: 'string', enum: ['paper', 'electronic'], default: 'paper' }),
          query('submittedAt', 'Submission instant: adds the review deadline', { type: 'string', format: 'date-time' }),
          query('actPostedAt', 'When the act reached the thread: adds the originals deadline', { type: 'string', format: 'date-time' }),
          query('organizationTimeZone', 'IANA zone of the organization, for the local time in the texts', { type: 'string' }),
          language,
        ],
        responses: { '200': ok('DeadlinesQueryResult', 'The deadlines with their explanations'), ...problems(400, 422, 500) },
      },
    },
    '/calendar/working-days': {
      get: {
        operationId: 'countWorkingDays',
        summary: 'Number of working days d with from < d ≤ to',
        parameters: [
          query('from', 'Start date, not counted', { type: 'string', format: 'date' }, true),
          query('to', 'End date, counted', { type: 'string', format: 'date' }, true),
          language,
        ],
        responses: { '200': ok('WorkingDaysResult', 'The count'), ...problems(400, 422, 500) },
      },
    },
    '/calendar/add': {
      get: {
        operationId: 'addWorkingDays',
        summary: 'The days-th working day after date, or before it for a negative number',
        parameters: [
          query('date', 'Start date, never counted', { type: 'string', format: 'date' }, true),
          query('days', 'Number of working days, negative to count back', { type: 'integer' }, true),
          language,
        ],
        responses: { '200': ok('AddWorkingDaysResult', 'The resulting date'), ...problems(400, 422, 500) },
      },
    },
    '/calendar/days/{date}': {
      get: {
        operationId: 'describeDay',
        summary: 'Whether a date is worked, and why',
        parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }, language],
        responses: { '200': ok('CalendarDay', 'The day'), ...problems(400, 422, 500) },
      },
    },
    '/programs': {
      get: {
        operationId: 'listPrograms',
        summary: 'Programs open for applications',
        responses: { '200': ok('ProgramList', 'The programs'), ...problems(401, 500) },
      },
    },
    '/programs/{programId}': {
      get: {
        operationId: 'getProgram',
        summary: 'One program',
        parameters: [{ name: 'programId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': ok('Program', 'The program'), ...problems(401, 404, 500) },
      },
    },
    '/applications': {
      get: {
        operationId: 'listApplications',
        summary: 'Applications the actor may see: a representative sees only their organization’s',
        parameters: [
          query('state', 'Comma-separated states', { type: 'string' }),
          query('programId', 'Only this program', { type: 'string' }),
          query('final', 'Only final or only open applications', { type: 'string', enum: ['true', 'false'] }),
          query('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
          query('offset', 'Applications to skip', { type: 'integer', minimum: 0, default: 0 }),
          language,
        ],
        responses: { '200': ok('ApplicationList', 'One page of applications'), ...problems(400, 401, 500) },
      },
      post: {
        operationId: 'createApplication',
        summary: 'Create a draft application of the representative’s organization',
        parameters: [parameter('IdempotencyKey'), language],
        requestBody: { required: true, content: json(ref('CreateApplicationRequest')) },
        responses: {
          '201': ok('Application', 'The new draft', { Location: { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } }),
          ...problems(400, 401, 403, 404, 409, 415, 422, 500),
        },
      },
    },
    '/applications/{id}': {
      get: {
        operationId: 'getApplication',
        summary: 'One application as the actor may see it',
        parameters: [id, language],
        responses: { '200': ok('Application', 'The application', { ETag: { schema: { type: 'string' } } }), ...problems(401, 404, 500) },
      },
    },
    '/applications/{id}/commands': {
      get: {
        operationId: 'listAvailableCommands',
        summary: 'The commands the actor may send now, blocked ones with their reasons',
        parameters: [id, language],
        responses: { '200': ok('AvailableCommands', 'The commands'), ...problems(401, 404, 500) },
      },
      post: {
        operationId: 'sendCommand',
        summary: 'Send a command: { type, payload }',
        parameters: [id, ...writeHeaders, language],
        requestBody: { required: true, content: json(ref('Command')) },
        responses: commandWriteResponses,
      },
    },
    '/applications/{id}/events': {
      get: {
        operationId: 'listEvents',
        summary: 'The event log of the application',
        parameters: [id, language],
        responses: { '200': ok('EventList', 'Every accepted command, the clock’s included'), ...problems(401, 404, 500) },
      },
    },
    '/applications/{id}/deadlines': {
      get: {
        operationId: 'listApplicationDeadlines',
        summary: 'The application’s deadlines with explanations',
        parameters: [id, query('organizationTimeZone', 'IANA zone of the organization', { type: 'string' }), language],
        responses: { '200': ok('DeadlineList', 'The deadlines'), ...problems(400, 401, 404, 500) },
      },
    },
    '/applications/{id}/deadlines.ics': {
      get: {
        operationId: 'getDeadlineFeed',
        summary: 'The application’s deadlines as an iCalendar feed (RFC 5545), one all-day event per deadline',
        parameters: [id, query('organizationTimeZone', 'IANA zone of the organization', { type: 'string' }), language],
        responses: { '200': { description: 'iCalendar feed', content: { 'text/calendar': { schema: { type: 'string' } } } }, ...problems(400, 401, 404, 500) },
      },
    },
    '/applications/{id}/participants': {
      get: {
        operationId: 'listParticipants',
        summary: 'Participant rows with the documents attached to each',
        parameters: [id, language],
        responses: { '200': ok('ParticipantList', 'The rows'), ...problems(401, 404, 500) },
      },
    },
    '/applications/{id}/participants/{rowId}': {
      get: {
        operationId: 'getParticipant',
        summary: 'One participant row',
        parameters: [id, { name: 'rowId', in: 'path', required: true, schema: { type: 'string' } }, language],
        responses: { '200': { description: 'The row', content: json({ type: 'object' }) }, ...problems(401, 404, 500) },
      },
    },
    '/applications/{id}/documents': {
      get: {
        operationId: 'listDocuments',
        summary: 'Participant documents with their versions and review status',
        parameters: [id, language],
        responses: { '200': ok('DocumentList', 'The documents'), ...problems(401, 404, 500) },
      },
      post: {
        operationId: 'attachDocument',
        summary: 'Upload a participant document (command document.attach); PDF, JPEG or PNG by content',
        parameters: [id, ...writeHeaders, language],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['kind', 'rowIds', 'file'],
                properties: {
                  kind: { type: 'string', enum: ['diploma', 'snils', 'name_change', 'passport', 'employment_record', 'other'] },
                  rowIds: { type: 'string', description: 'Row ids, comma-separated or the field repeated' },
                  documentId: { type: 'string', description: 'Adds a version to this document instead of a new document' },
                  file: multipartFile,
                },
              },
            },
          },
        },
        responses: commandWriteResponses,
      },
    },
    '/applications/{id}/documents/{documentId}': {
      get: {
        operationId: 'getDocument',
        summary: 'One document',
        parameters: [id, parameter('DocumentId'), language],
        responses: { '200': ok('Document', 'The document'), ...problems(401, 404, 500) },
      },
      put: {
        operationId: 'replaceDocument',
        summary: 'Replace a rejected or requested document (command document.replace)',
        parameters: [id, parameter('DocumentId'), ...writeHeaders, language],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: multipartFile } } } },
        },
        responses: commandWriteResponses,
      },
    },
    '/applications/{id}/documents/{documentId}/content': {
      get: {
        operationId: 'downloadDocument',
        summary: 'The bytes of a document version, the latest by default',
        parameters: [id, parameter('DocumentId'), query('version', 'Version number from 1', { type: 'integer', minimum: 1 })],
        responses: { '200': { description: 'The file', content: { 'application/octet-stream': {} } }, ...problems(400, 401, 403, 404, 500) },
      },
    },
    '/applications/{id}/messages': {
      get: {
        operationId: 'listMessages',
        summary: 'The message thread',
        parameters: [id, language],
        responses: { '200': ok('MessageList', 'The messages'), ...problems(401, 404, 500) },
      },
      post: {
        operationId: 'postMessage',
        summary: 'Post a message with attachments (command message.post)',
        parameters: [id, ...writeHeaders, language],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref('MessagePostRequest') },
            'multipart/form-data': {
              schema: { type: 'object', properties: { text: { type: 'string' }, attachments: { type: 'array', items: multipartFile } } },
            },
          },
        },
        responses: commandWriteResponses,
      },
    },
    '/applications/{id}/files': {
      post: {
        operationId: 'uploadFiles',
        summary: 'Upload files for a command that takes FileRefs (contract.upload_signed, closing.issue, …)',
        parameters: [id, language],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: multipartFile } } } } },
        },
        responses: { '201': ok('UploadedFiles', 'The stored files'), ...problems(400, 401, 404, 413, 415, 422, 500) },
      },
    },
    '/applications/{id}/files/{fileId}': {
      get: {
        operationId: 'downloadFile',
        summary: 'Any file the application refers to: documents, signed scans, contract, act, attachments',
        parameters: [id, { name: 'fileId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The file', content: { 'application/octet-stream': {} } }, ...problems(401, 403, 404, 500) },
      },
    },
  };
}

/**
 * Builds the OpenAPI 3.1 document of the handler from the core's zod schemas and the adapter's own.
 *
 * @example
 * const document = buildOpenApiDocument({ basePath: '/api' });
 * document.openapi //=> '3.1.0'
 */
export function buildOpenApiDocument(options: { readonly basePath: string }): JsonObject {
  const schemas = { ...componentSchemas(responseRegistry(), 'output'), ...componentSchemas(requestRegistry(), 'input') };
  schemas['Command'] = {
    ...schemas['Command'],
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(commandTypes.map((type) => [type, `#/components/schemas/${commandComponentName(type)}`])),
    },
  };

  const problemResponses = Object.fromEntries(
    Object.entries(problemDescriptions)
      .filter(([status]) => Object.values(problemStatus).includes(Number(status) as never))
      .map(([status, description]) => [
        `Problem${status}`,
        { description, content: { 'application/problem+json': { schema: ref('Problem') } } },
      ]),
  );

  return {
    openapi: '3.1.0',
    info: {
      title: 'fioco-flow HTTP API',
      version: '0.1.0',
      description:
        'Applications of educational organizations to FGBU FIOCO further-education courses, from the draft to the dispatch of certificates. ' +
        'Authentication is the host’s: every route except /health, /openapi.json, /machine, /deadlines and /calendar/* needs an authenticated actor. ' +
        'Errors are RFC 9457 problem details with a stable code, in the language of Accept-Language (Russian by default).',
    },
    servers: [{ url: options.basePath === '' ? '/' : options.basePath }],
    paths: paths(),
    components: {
      schemas,
      responses: problemResponses,
      parameters: {
        ApplicationId: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        DocumentId: { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'ru (default) or en',
          schema: { type: 'string', examples: ['ru', 'en-GB,en;q=0.9'] },
        },
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description:
            'The ETag of the last read of the application, e.g. "7-ru" (either language, or the bare version "7"); missing → 428, stale → 412',
          schema: { type: 'string' },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'A client key, scoped to the actor, kept 24 hours by default: the same key and request replay the first response; the same key with another request is 422; while the first request runs, 409',
          schema: { type: 'string', minLength: 1, maxLength: maxIdempotencyKeyLength },
        },
      },
    },
  };
}
