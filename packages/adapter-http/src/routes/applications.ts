import {
  applicationStates,
  rowsWithDocuments,
  type ApplicationFilter,
  type ApplicationState,
} from '@fioco-flow/core';
import type { ApplicationDeadlines, Deadline } from '@fioco-flow/rules';
import type { Hono } from 'hono';
import { readJsonBody } from '../http/body.js';
import { serviceIdempotencyKey, serviceRecordStatus } from '../http/idempotency.js';
import { versionETag } from '../http/conditional.js';
import type { AdapterEnv } from '../http/env.js';
import { optionalChoice, optionalTimeZone, requireInteger } from '../http/params.js';
import { problem } from '../problems/problem.js';
import { problemFromServiceError } from '../problems/service-errors.js';
import { toApplicationBody, toAvailableCommandsBody, toEventBody } from '../views/application.js';
import { toDeadlineView } from '../views/calendar.js';
import { renderDeadlineFeed } from '../views/ics.js';
import { loadApplication, type RouteDependencies } from './context.js';
import { applicationResponse, commandTypeOf, executeCommand, idempotentWrite, invalidPayload, isRecord, parsePayload, rejectUnknownMembers } from './write.js';
import { checkReferencedFiles } from './files.js';

const defaultPageSize = 50;
const maxPageSize = 200;

/**
 * Registers the application resources: create and list, one application, its commands (the one
 * write route, and the list of available commands), event history, deadlines (JSON and iCalendar)
 * and participant rows.
 */
export function registerApplicationRoutes(app: Hono<AdapterEnv>, dependencies: RouteDependencies): void {
  const { service } = dependencies;

  app.post('/applications', async (c) => {
    const body = await readJsonBody(c.req.raw, dependencies.limits);

    return idempotentWrite(c, dependencies, { applicationId: null, body }, async () => {
      rejectUnknownMembers(body, ['programId']);
      const programId = isRecord(body) ? body['programId'] : undefined;
      if (typeof programId !== 'string' || programId.trim() === '') {
        invalidPayload([
          {
            pointer: '/programId',
            code: 'required',
            detail: (locale) =>
              locale === 'ru' ? 'Укажите programId — идентификатор программы из GET /programs.' : 'Give programId, the id of a program from GET /programs.',
          },
        ]);
      }

      const serviceKey = serviceIdempotencyKey(c.req.header('idempotency-key'));
      await serviceRecordStatus(dependencies.idempotency, c.get('actor').id, serviceKey);
      const result = await service.create(
        c.get('actor'),
        { programId },
        { locale: c.get('locale'), ...(serviceKey === undefined ? {} : { idempotencyKey: serviceKey }) },
      );
      if (!result.ok) throw problemFromServiceError(result.error, c.get('locale'));
      return applicationResponse(c, result, 201, dependencies.basePath);
    });
  });

  app.get('/applications', async (c) => {
    const states = parseStates(c.req.query('state'));
    const final = optionalChoice('final', c.req.query('final'), ['true', 'false'] as const);
    const programId = c.req.query('programId');
    const limit = c.req.query('limit') === undefined ? defaultPageSize : requireInteger('limit', c.req.query('limit'));
    const offset = c.req.query('offset') === undefined ? 0 : requireInteger('offset', c.req.query('offset'));
    if (limit < 1 || limit > maxPageSize) {
      throw problem('invalid_parameter', {
        name: 'limit',
        value: String(limit),
        expected: { ru: `целое число от 1 до ${maxPageSize}`, en: `an integer from 1 to ${maxPageSize}` },
      });
    }
    if (offset < 0) {
      throw problem('invalid_parameter', { name: 'offset', value: String(offset), expected: { ru: 'целое число от 0', en: 'an integer from 0' } });
    }

    const filter: ApplicationFilter = {
      ...(states ? { states } : {}),
      ...(final ? { final: final === 'true' } : {}),
      ...(programId ? { programId } : {}),
      limit,
      offset,
    };
    const views = await service.list(c.get('actor'), filter);
    return c.json({ items: views.map((view) => toApplicationBody(view, c.get('locale'))), limit, offset });
  });

  app.get('/applications/:id', async (c) => {
    const application = await loadApplication(c, service);
    return c.json(toApplicationBody(application, c.get('locale')), 200, { etag: versionETag(application.version, c.get('locale')) });
  });

  app.post('/applications/:id/commands', async (c) => {
    const application = await loadApplication(c, service);
    const body = await readJsonBody(c.req.raw, dependencies.limits);

    return idempotentWrite(c, dependencies, { applicationId: application.id, body }, () =>
      executeCommand(c, dependencies, application, {
        pointerPrefix: '/payload',
        type: () => commandTypeOf(body),
        validate: async (type) => {
          rejectUnknownMembers(body, ['type', 'payload']);
          // A command without a payload needs none, but an explicit null is a payload and fails its schema.
          const rawPayload = isRecord(body) && 'payload' in body ? body['payload'] : {};
          const payload = parsePayload(type, rawPayload, '/payload');
          await checkReferencedFiles(dependencies.files, payload, '/payload');
          return { type, finalize: async () => payload };
        },
      }),
    );
  });

  app.get('/applications/:id/commands', async (c) => {
    const result = await service.availableCommands(c.req.param('id'), c.get('actor'), { locale: c.get('locale') });
    if (!result.ok) throw problemFromServiceError(result.error, c.get('locale'));
    return c.json(toAvailableCommandsBody(result, c.get('locale')));
  });

  app.get('/applications/:id/events', async (c) => {
    const result = await service.history(c.req.param('id'), c.get('actor'), { locale: c.get('locale') });
    if (!result.ok) throw problemFromServiceError(result.error, c.get('locale'));
    return c.json({ events: result.events.map((event) => toEventBody(event, c.get('locale'))) });
  });

  app.get('/applications/:id/deadlines', async (c) => {
    const organizationTimeZone = c.req.query('organizationTimeZone');
    const result = await service.deadlines(c.req.param('id'), c.get('actor'), { locale: c.get('locale') });
    if (!result.ok) throw problemFromServiceError(result.error, c.get('locale'));
    return c.json({
      deadlines: orderedDeadlines(result.deadlines).map((deadline) => toDeadlineView(deadline, c.get('locale'), optionalTimeZone('organizationTimeZone', organizationTimeZone))),
    });
  });

  app.get('/applications/:id/deadlines.ics', async (c) => {
    const application = await loadApplication(c, service);
    const result = await service.deadlines(application.id, c.get('actor'), { locale: c.get('locale') });
    if (!result.ok) throw problemFromServiceError(result.error, c.get('locale'));
    const organizationTimeZone = optionalTimeZone('organizationTimeZone', c.req.query('organizationTimeZone'));

    const feed = renderDeadlineFeed(
      {
        applicationId: application.id,
        programTitle: application.data.program.title,
        deadlines: orderedDeadlines(result.deadlines),
        revisedAt: application.updatedAt,
        ...(organizationTimeZone ? { organizationTimeZone } : {}),
      },
      c.get('locale'),
    );
    return c.body(feed, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="deadlines-${application.id.replace(/[^A-Za-z0-9_-]/gu, '_')}.ics"`,
    });
  });

  app.get('/applications/:id/participants', async (c) => {
    const application = await loadApplication(c, service);
    return c.json({ participants: rowsWithDocuments(application.data) });
  });

  app.get('/applications/:id/participants/:rowId', async (c) => {
    const application = await loadApplication(c, service);
    const row = rowsWithDocuments(application.data).find((candidate) => candidate.id === c.req.param('rowId'));
    if (row === undefined) {
      throw problem('participant_not_found', { rowId: c.req.param('rowId') });
    }
    return c.json(row);
  });
}

/** Lists the deadlines in the order of the procedure: submission, reviews, contract, originals. */
export function orderedDeadlines(deadlines: ApplicationDeadlines): Deadline[] {
  return [deadlines.submission, deadlines.review, ...deadlines.documentReviews, deadlines.contract, deadlines.originals].filter(
    (deadline): deadline is Deadline => deadline !== undefined,
  );
}

function parseStates(value: string | undefined): ApplicationState[] | undefined {
  if (value === undefined) return undefined;
  const states = value.split(',').map((state) => state.trim());
  const unknown = states.find((state) => !(applicationStates as readonly string[]).includes(state));
  if (unknown !== undefined) {
    const list = applicationStates.join(', ');
    throw problem('invalid_parameter', { name: 'state', value: unknown, expected: { ru: `состояния через запятую: ${list}`, en: `comma-separated states: ${list}` } });
  }
  return states as ApplicationState[];
}
