import {
  actorSchema,
  describeMachine,
  type Actor,
  type ApplicationService,
  type Clock,
  type FileStore,
} from '@fioco-flow/core';
import { russianCalendar, type DeadlinePolicy, type Locale, type WorkCalendar } from '@fioco-flow/rules';
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { defaultUploadLimits, type UploadLimits } from './http/body.js';
import type { AdapterEnv } from './http/env.js';
import { errorToResponse, type ErrorReporter } from './http/errors.js';
import type { IdempotencyStore } from './http/idempotency.js';
import { negotiateLocale } from './locale.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { problem } from './problems/problem.js';
import { registerApplicationRoutes } from './routes/applications.js';
import { registerCalendarRoutes } from './routes/calendar.js';
import { registerFileRoutes } from './routes/files.js';
import { registerProgramRoutes, type ProgramSource } from './routes/programs.js';

/** Returns the authenticated actor of a request, or `null` when it carries no valid credentials. */
export type Authenticate = (request: Request) => Actor | null | undefined | Promise<Actor | null | undefined>;

/** Options of {@link createHttpHandler}. */
export interface HttpHandlerOptions {
  /** The application service every route translates to. */
  readonly service: ApplicationService;
  /**
   * The store the service writes to. The adapter keeps `Idempotency-Key` records in it, beside the
   * service's own, so that a replay survives a restart and is shared by every instance.
   */
  readonly store: IdempotencyStore;
  /** The host's authentication: `{ id, role, organizationId? }` for a valid request, `null` otherwise. */
  readonly authenticate: Authenticate;
  /** The store of uploaded bytes: `createDirectoryFileStore(dir)` or the host's own. */
  readonly files: FileStore;
  /** Receives every unexpected error; the client gets a 500 problem without details. */
  readonly onError: ErrorReporter;
  /** The language when `Accept-Language` names no supported one: Russian by default. */
  readonly locale?: Locale;
  /** Upload and body limits; each defaults to {@link defaultUploadLimits}. */
  readonly limits?: Partial<UploadLimits>;
  /** How long a command's first response is replayed for its `Idempotency-Key`: 24 hours by default. */
  readonly idempotencyTtlMs?: number;
  /** How long a request that never finished (its process died) blocks its key: 60 seconds by default. */
  readonly pendingIdempotencyTtlMs?: number;
  /** The time source of idempotency records; the system clock by default. */
  readonly clock?: Clock;
  /** The calendar of `GET /deadlines` and `/calendar/*`; the federal calendar by default. */
  readonly calendar?: WorkCalendar;
  /** The deadline policy of `GET /deadlines`; the procedure's defaults otherwise. */
  readonly deadlinePolicy?: Partial<DeadlinePolicy>;
  /** The programs of `GET /programs`; without them those routes do not exist. */
  readonly programs?: ProgramSource;
  /** The path the handler is mounted under, such as `/api`; every route and link gets this prefix. */
  readonly basePath?: string;
}

/** A Fetch API request handler: runs in Hono, Next.js route handlers, Bun, Deno, and Node through `@hono/node-server`. */
export type HttpHandler = (request: Request) => Promise<Response>;

const hour = 60 * 60 * 1000;
const systemClock: Clock = { now: () => new Date() };
const localizedMediaType = /^(application\/(problem\+)?json|text\/calendar)\b/u;

/**
 * Creates the HTTP API of the procedure as a Fetch handler on Hono. It only translates: requests
 * become service calls and commands, results and failures become JSON and
 * `application/problem+json` responses in the request's language.
 *
 * @example
 * import { createHttpHandler, createDirectoryFileStore } from '@fioco-flow/adapter-http';
 *
 * const handler = createHttpHandler({
 *   service,
 *   store,
 *   files: createDirectoryFileStore('./data/files'),
 *   authenticate: async (request) => sessions.actorOf(request.headers.get('authorization')),
 *   onError: (error, { request }) => logger.error({ err: error, url: request.url }, 'request failed'),
 * });
 * const response = await handler(new Request('http://localhost/calendar/add?date=2026-03-16&days=-7'));
 * await response.json(); //=> { date: '2026-03-16', days: -7, result: '2026-03-04', provisional: false }
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const basePath = normalizeBasePath(options.basePath);
  const fallbackLocale = options.locale ?? 'ru';
  const limits: UploadLimits = { ...defaultUploadLimits, ...options.limits };
  const calendar = options.calendar ?? russianCalendar();
  const dependencies = {
    service: options.service,
    files: options.files,
    limits,
    basePath,
    idempotency: {
      store: options.store,
      clock: options.clock ?? systemClock,
      ttlMs: options.idempotencyTtlMs ?? 24 * hour,
      pendingTtlMs: options.pendingIdempotencyTtlMs ?? 60 * 1000,
    },
  };

  const app = new Hono<AdapterEnv>();
  const routes = basePath === '' ? app : app.basePath(basePath);

  app.use(async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('accept-language'), fallbackLocale));
    await next();
    // Only texts are localized; a downloaded scan is the same in every language.
    if (localizedMediaType.test(c.res.headers.get('content-type') ?? '')) {
      c.res.headers.set('content-language', c.get('locale'));
      appendVary(c.res.headers, 'Accept-Language');
    }
  });
  app.use(etag());
  app.onError((error, c) => errorToResponse(error, c, options.onError));
  app.notFound((c) => {
    throw problem('route_not_found', { method: c.req.method, path: new URL(c.req.url).pathname });
  });

  const openApiDocument = buildOpenApiDocument({ basePath });
  routes.get('/health', (c) => c.json({ status: 'ok' as const }));
  routes.get('/openapi.json', (c) => c.json(openApiDocument));
  routes.get('/machine', (c) => c.json(describeMachine(c.get('locale'))));
  registerCalendarRoutes(routes, { calendar, ...(options.deadlinePolicy ? { deadlinePolicy: options.deadlinePolicy } : {}) });

  const authenticated = requireActor(options.authenticate);
  for (const path of ['/programs', '/programs/*', '/applications', '/applications/*']) routes.use(path, authenticated);
  if (options.programs) registerProgramRoutes(routes, options.programs);
  registerApplicationRoutes(routes, dependencies);
  registerFileRoutes(routes, dependencies);

  return async (request) => app.fetch(request);
}

/**
 * Authenticates the request through the host's hook: 401 without an actor. An actor of the wrong
 * shape is the host's bug and becomes a 500 through `onError`.
 */
function requireActor(authenticate: Authenticate): MiddlewareHandler<AdapterEnv> {
  return async (c, next) => {
    const actor = await authenticate(c.req.raw);
    if (actor === null || actor === undefined) throw problem('unauthenticated', {});

    const parsed = actorSchema.safeParse(actor);
    if (!parsed.success) {
      throw new TypeError(
        `authenticate returned an invalid actor ${JSON.stringify(actor)}: return { id, role: 'representative', organizationId } or { id, role: 'staff' }.`,
      );
    }
    c.set('actor', parsed.data);
    await next();
    c.res.headers.set('cache-control', c.res.headers.get('cache-control') ?? 'private, no-cache');
  };
}

function normalizeBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === '' || basePath === '/') return '';
  return `/${basePath.replace(/^\/+|\/+$/gu, '')}`;
}

function appendVary(headers: Headers, name: string): void {
  const current = headers.get('vary');
  if (current === null) headers.set('vary', name);
  else if (!current.split(',').some((entry) => entry.trim().toLowerCase() === name.toLowerCase())) headers.set('vary', `${current}, ${name}`);
}
