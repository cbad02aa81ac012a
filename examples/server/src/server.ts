import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createDirectoryFileStore, createHttpHandler } from '@fioco-flow/adapter-http';
import { createApplicationService, type Actor, type ApplicationService, type Program } from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import { createPgliteStore, createPostgresStore, type PostgresApplicationStore } from '@fioco-flow/store-postgres';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { createAuthenticator, demoAccounts, demoOrganization, loadDemoTokens, type DemoTokens, type TokenSource } from './accounts.js';
import { createServerClock, type ServerClock } from './clock.js';
import type { ServerConfig } from './config.js';
import { scrubPersonalData, type Logger } from './logger.js';
import { demoPrograms, seedTemplates } from './seed.js';

/** A running example server. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly tokens: DemoTokens;
  readonly tokenSource: TokenSource;
  readonly programs: readonly Program[];
  readonly clock: ServerClock;
  readonly service: ApplicationService;
  /** Whether the built page was found and is served at `/`. */
  readonly servesPage: boolean;
  /** Applies the deadlines now, as the minute timer does. */
  tick(): Promise<void>;
  /** Stops accepting connections, lets running requests finish, closes the store and releases the data directory. */
  close(): Promise<void>;
}

// Requests still running this long after a stop was asked for are cut off.
const shutdownGraceMs = 10_000;

/**
 * Starts the example server: opens the store (PGlite in `<dataDir>/pglite`, or PostgreSQL at `databaseUrl`), seeds
 * the programs and demo accounts, mounts the HTTP API under `/api`, serves the built page at `/`, and applies the
 * deadlines every `tickIntervalMs`.
 *
 * @throws {StoreError} `STORE_LOCKED` when another running process has locked the PGlite data directory.
 */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const clock = createServerClock({ startAt: config.clockStart });
  const filesDir = join(config.dataDir, 'files');
  await mkdir(filesDir, { recursive: true });

  const store = await openStore(config, logger);
  try {
    return await startOnStore(config, logger, clock, store, filesDir);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function openStore(config: ServerConfig, logger: Logger): Promise<PostgresApplicationStore> {
  if (config.databaseUrl !== null) {
    const store = await createPostgresStore({
      connectionString: config.databaseUrl,
      onConnectionError: (error) => logger.error({ err: error }, 'an idle PostgreSQL connection failed; the pool opens a new one'),
    });
    logger.info({ driver: store.driver }, 'store opened on PostgreSQL');
    return store;
  }

  const dataDir = join(config.dataDir, 'pglite');
  const store = await createPgliteStore({
    dataDir,
    onLockTakeover: ({ previousOwner }) =>
      logger.warn({ dataDir, previousPid: previousOwner.pid, previousHost: previousOwner.hostname }, 'took over the data directory lock of a process that is no longer running'),
  });
  logger.info({ driver: store.driver, dataDir }, 'store opened on PGlite');
  return store;
}

async function startOnStore(
  config: ServerConfig,
  logger: Logger,
  clock: ServerClock,
  store: PostgresApplicationStore,
  filesDir: string,
): Promise<RunningServer> {
  const files = createDirectoryFileStore(filesDir);
  const programs = demoPrograms(await seedTemplates(files, filesDir));
  const { tokens, source: tokenSource } = await loadDemoTokens(config);
  const authenticate = createAuthenticator(tokens);
  const calendar = russianCalendar();

  const service = createApplicationService({ store, clock, calendar, programs });
  const api = createHttpHandler({
    service,
    store,
    files,
    authenticate,
    clock,
    calendar,
    programs,
    basePath: '/api',
    onError: (error, context) => {
      const url = new URL(context.request.url);
      logger.error({ err: error, method: context.request.method, path: scrubPersonalData(url.pathname), actorId: context.actorId }, 'request failed');
    },
  });

  // The deadlines: one run at a time; a run that is still going when the timer fires again is not doubled.
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      const now = clock.now();
      try {
        const report = await service.tick(now);
        if (report.changed.length > 0) {
          logger.info({ at: report.at, checked: report.checked, changed: report.changed }, 'deadlines applied');
        }
        await store.deleteExpiredIdempotency(now.toISOString());
      } catch (error) {
        logger.error({ err: error, at: now.toISOString() }, 'applying the deadlines failed; the next run tries again');
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // A client may put a СНИЛС where an id belongs, and the path would carry it into the log.
    const path = scrubPersonalData(c.req.path);
    logger.debug({ method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.all('/api/*', (c) => api(c.req.raw));
  app.all('/api', (c) => api(c.req.raw));

  registerDemoRoutes(app, { authenticate, clock, config, tick });

  const servesPage = existsSync(join(config.webDir, 'index.html'));
  if (servesPage) {
    app.use(
      '*',
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      }),
    );
    app.use('/*', serveStatic({ root: config.webDir }));
  } else {
    logger.warn({ webDir: config.webDir }, 'the web page is not built, so only the API is served; run `pnpm --filter @fioco-flow/example-server build:web`');
  }

  const server = await listen(app, config);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;

  await tick();
  const timer = setInterval(() => void tick(), config.tickIntervalMs);
  timer.unref();

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(timer);
      await new Promise<void>((resolve) => {
        const forced = setTimeout(() => {
          logger.warn({ graceMs: shutdownGraceMs }, 'requests still running after the grace period are cut off');
          server.closeAllConnections();
        }, shutdownGraceMs);
        forced.unref();
        server.close(() => {
          clearTimeout(forced);
          resolve();
        });
        server.closeIdleConnections();
      });
      await running;
      await store.close();
    })());

  return { url, port, tokens, tokenSource, programs, clock, service, servesPage, tick, close };
}

function listen(app: Hono, config: ServerConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Registers the routes of the demo itself, beside the API: the accounts for the sign-in screen (never their tokens), the
 * account of a token, and the server clock, which `POST /demo/clock` moves forward when `FIOCO_CLOCK_CONTROL=1`.
 */
function registerDemoRoutes(
  app: Hono,
  context: {
    readonly authenticate: (request: Request) => Actor | null;
    readonly clock: ServerClock;
    readonly config: ServerConfig;
    readonly tick: () => Promise<void>;
  },
): void {
  const describe = (account: (typeof demoAccounts)[number]) => ({
    key: account.key,
    role: account.actor.role,
    name: account.name,
    position: account.position,
    organization: account.organization,
    ...(account.actor.role === 'representative' ? { organizationId: account.actor.organizationId } : {}),
  });
  const unauthenticated = {
    type: 'urn:fioco-flow:problem:unauthenticated',
    code: 'unauthenticated',
    title: 'Требуется вход',
    status: 401,
    detail: 'Передайте токен демонстрационной учётной записи в заголовке Authorization: Bearer <токен>. Токены сервер выводит при запуске.',
  };

  app.get('/demo/accounts', (c) => c.json({ accounts: demoAccounts.map(describe) }));

  app.get('/demo/me', (c) => {
    const actor = context.authenticate(c.req.raw);
    const account = demoAccounts.find((entry) => entry.actor.id === actor?.id);
    if (account === undefined) return c.json(unauthenticated, 401, { 'content-type': 'application/problem+json' });
    return c.json({ ...describe(account), ...(account.key === 'representative' ? { requisites: demoOrganization.requisites } : {}) });
  });

  const clockBody = () => ({ now: context.clock.now().toISOString(), simulated: context.clock.simulated, control: context.config.clockControl });

  app.get('/demo/clock', (c) => c.json(clockBody()));

  app.post('/demo/clock', async (c) => {
    const actor = context.authenticate(c.req.raw);
    if (actor === null) return c.json(unauthenticated, 401, { 'content-type': 'application/problem+json' });
    const problem = (status: 400 | 403 | 422, code: string, detail: string) =>
      c.json({ type: `urn:fioco-flow:problem:${code}`, code, title: detail, status, detail }, status, { 'content-type': 'application/problem+json' });

    if (!context.config.clockControl) {
      return problem(403, 'clock_control_off', 'Часы сервера можно переводить, только если он запущен с FIOCO_CLOCK_CONTROL=1.');
    }
    if (actor.role !== 'staff') return problem(403, 'action_forbidden', 'Переводить часы сервера может только сотрудник.');

    const body = (await c.req.json().catch(() => null)) as { now?: unknown } | null;
    const text = typeof body?.now === 'string' ? body.now : '';
    const instant = new Date(text);
    if (!/(?:Z|[+-]\d{2}:\d{2})$/u.test(text) || Number.isNaN(instant.getTime())) {
      return problem(400, 'invalid_parameter', `Поле now должно быть моментом ISO 8601 с часовым поясом, например 2027-02-26T10:00:00+03:00; получено ${JSON.stringify(body?.now ?? null)}.`);
    }
    try {
      context.clock.advanceTo(instant);
    } catch (error) {
      return problem(422, 'clock_backwards', (error as Error).message);
    }
    await context.tick();
    return c.json(clockBody());
  });
}
