import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDirectoryFileStore, createHttpHandler, type HttpHandler } from '@fioco-flow/adapter-http';
import {
  createApplicationService,
  programSchema,
  type Actor,
  type ApplicationService,
  type Clock,
  type FileStore,
  type Program,
} from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';
import pg from 'pg';
import type { PostgresApplicationStore } from '../../src/application-store.js';
import { createPostgresStore } from '../../src/create-store.js';

/** The server the reliability tests use: DATABASE_URL when set, else the local server with trust auth. */
export const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Tries one short connection; null on success, else the reason it failed. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function onAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database `fioco_rel_<random>` created for one test file. */
export interface ReliabilityDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export async function createReliabilityDatabase(): Promise<ReliabilityDatabase> {
  const name = `fioco_rel_${randomBytes(6).toString('hex')}`;
  await onAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Runs one query on a database of the tests with a connection of its own. */
export async function queryDatabase<TRow>(url: string, text: string, params: unknown[] = []): Promise<TRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as TRow[];
  } finally {
    await client.end();
  }
}

const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** Builds the program of the tests: course 16–27 March 2026, the last day to submit is 4 March. */
export async function reliabilityProgram(files: FileStore): Promise<Program> {
  const template = (name: string) => files.put(pdfBytes, { name, mediaType: 'application/pdf' });
  return programSchema.parse({
    id: 'vpr-2026-03',
    title: { ru: 'Оценивание ответов на задания ВПР', en: 'Marking the national tests' },
    hours: 36,
    courseStart: '2026-03-16',
    courseEnd: '2026-03-27',
    courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
    pricePerRow: 450_000,
    subjects: [{ id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } }],
    requiredDocuments: ['diploma', 'snils'],
    templates: {
      contract: { prepayment: await template('Договор (предоплата).pdf'), postpayment: await template('Договор (постоплата).pdf') },
      consentForm: await template('Согласие.pdf'),
    },
  });
}

/** One app instance: its own pool, service and HTTP handler over the shared database and file directory. */
export interface AppInstance {
  readonly store: PostgresApplicationStore;
  readonly service: ApplicationService;
  readonly handler: HttpHandler;
}

/** App instances sharing one database and one file directory. */
export interface Deployment {
  readonly instances: readonly AppInstance[];
  readonly program: Program;
  /** Unexpected errors that reached `onError` of any instance. */
  readonly unexpected: unknown[];
  close(): Promise<void>;
}

/**
 * Starts `count` app instances against one database, as stateless instances behind a load balancer are. Bearer
 * tokens are actor ids: `Authorization: Bearer rep-3` authenticates the actor with id `rep-3`.
 */
export async function startDeployment(options: {
  readonly url: string;
  readonly count: number;
  readonly connectionsPerInstance: number;
  readonly clock: Clock;
  readonly actors: readonly Actor[];
}): Promise<Deployment> {
  const directory = await mkdtemp(join(tmpdir(), 'fioco-rel-files-'));
  const files = createDirectoryFileStore(directory);
  const program = await reliabilityProgram(files);
  const calendar = russianCalendar();
  const byToken = new Map(options.actors.map((actor) => [actor.id, actor]));
  const unexpected: unknown[] = [];

  const instances: AppInstance[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const store = await createPostgresStore({ connectionString: options.url, maxConnections: options.connectionsPerInstance });
    const service = createApplicationService({ store, clock: options.clock, calendar, programs: [program] });
    const handler = createHttpHandler({
      service,
      store,
      files,
      clock: options.clock,
      calendar,
      programs: [program],
      authenticate: (request) => byToken.get(request.headers.get('authorization')?.replace(/^Bearer /u, '') ?? '') ?? null,
      onError: (error) => unexpected.push(error),
    });
    instances.push({ store, service, handler });
  }

  return {
    instances,
    program,
    unexpected,
    async close() {
      await Promise.all(instances.map((instance) => instance.store.close()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
