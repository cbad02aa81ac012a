import { createManualClock, type Actor, type ApplicationEventRecord } from '@fioco-flow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminUrl,
  createReliabilityDatabase,
  probePostgres,
  queryDatabase,
  startDeployment,
  type AppInstance,
  type Deployment,
  type ReliabilityDatabase,
} from './support.js';

// Many clients send conflicting commands and duplicate Idempotency-Keys at once, through the HTTP adapter, to
// several app instances that share one PostgreSQL database. Afterwards the event log must hold every acknowledged
// (2xx) command exactly once and nothing else, without version gaps, and replaying each log must give the stored
// snapshot. FIOCO_LONG=1 runs more clients and rounds.

const long = process.env.FIOCO_LONG === '1';
const organizationCount = long ? 16 : 8;
const clientsPerOrganization = 4;
const rounds = long ? 60 : 12;
const instanceCount = 3;

const failure = await probePostgres();
if (failure !== null) {
  console.warn(
    `SKIPPED packages/store-postgres/test/reliability/http-concurrency.test.ts: PostgreSQL at ${new URL(adminUrl).host} did not accept a ` +
      `connection (${failure}). Start a server on 127.0.0.1:5432 that the user postgres reaches without a password, or set DATABASE_URL.`,
  );
}

interface Client {
  readonly index: number;
  readonly organization: number;
  readonly actor: Actor;
  readonly instance: AppInstance;
}

interface Exchange {
  readonly client: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly etag: string | null;
  readonly replayed: boolean;
  readonly body: Record<string, unknown> | null;
  /** The command type, for commands. */
  readonly command?: string;
  /** The unique text the request carried in its payload, when it was a command that carries one. */
  readonly marker?: string;
  readonly key?: string;
}

// Map.groupBy arrived in Node 21.
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const representatives: Actor[] = Array.from({ length: organizationCount }, (_, organization) => ({
  id: `rep-${organization}`,
  role: 'representative',
  organizationId: `org-${organization}`,
}));

describe.skipIf(failure !== null)(
  `${organizationCount * clientsPerOrganization} clients, ${instanceCount} instances, one PostgreSQL database`,
  () => {
    let database: ReliabilityDatabase;
    let deployment: Deployment;
    let clients: Client[];
    const exchanges: Exchange[] = [];
    const applicationOf = new Map<number, string>();

    beforeAll(async () => {
      database = await createReliabilityDatabase();
      deployment = await startDeployment({
        url: database.url,
        count: instanceCount,
        connectionsPerInstance: 10,
        clock: createManualClock('2026-03-02T09:00:00Z'),
        actors: representatives,
      });
      clients = Array.from({ length: organizationCount * clientsPerOrganization }, (_, index) => {
        const organization = Math.floor(index / clientsPerOrganization);
        return { index, organization, actor: representatives[organization]!, instance: deployment.instances[index % instanceCount]! };
      });
    }, 60_000);

    afterAll(async () => {
      await deployment?.close();
      await database?.drop();
    }, 60_000);

    async function send(
      client: Client,
      method: string,
      path: string,
      options: { json?: unknown; headers?: Record<string, string>; command?: string; marker?: string; key?: string } = {},
    ): Promise<Exchange> {
      const headers = new Headers({ authorization: `Bearer ${client.actor.id}`, ...options.headers });
      if (options.key !== undefined) headers.set('idempotency-key', options.key);
      if (options.json !== undefined) headers.set('content-type', 'application/json');
      const response = await client.instance.handler(
        new Request(`http://localhost${path}`, {
          method,
          headers,
          ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
        }),
      );
      const text = await response.text();
      const exchange: Exchange = {
        client: client.index,
        method,
        path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        etag: response.headers.get('etag'),
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
        ...(options.command === undefined ? {} : { command: options.command }),
        ...(options.marker === undefined ? {} : { marker: options.marker }),
        ...(options.key === undefined ? {} : { key: options.key }),
      };
      exchanges.push(exchange);
      return exchange;
    }

    function command(client: Client, type: string, payload: unknown, options: { ifMatch: string; marker?: string; key?: string }) {
      return send(client, 'POST', `/applications/${applicationOf.get(client.organization)}/commands`, {
        json: { type, payload },
        headers: { 'if-match': options.ifMatch },
        command: type,
        ...(options.marker === undefined ? {} : { marker: options.marker }),
        ...(options.key === undefined ? {} : { key: options.key }),
      });
    }

    it('creates one application per organization however many clients race', async () => {
      const results = await Promise.all(
        clients.map((client) =>
          send(client, 'POST', '/applications', {
            json: { programId: deployment.program.id },
            command: 'application.create',
            // Half the clients of an organization share one key, the others send none.
            ...(client.index % 2 === 0 ? { key: `create-${client.organization}` } : {}),
          }),
        ),
      );

      for (let organization = 0; organization < organizationCount; organization += 1) {
        const mine = results.filter((exchange) => clients[exchange.client]!.organization === organization);
        const created = mine.filter((exchange) => exchange.status === 201 && !exchange.replayed);
        expect(created, `organization ${organization}`).toHaveLength(1);
        const id = created[0]!.body!['id'] as string;
        applicationOf.set(organization, id);
        for (const exchange of mine.filter((entry) => entry !== created[0])) {
          if (exchange.status === 201) expect(exchange.body!['id']).toBe(id);
          else expect([exchange.status, exchange.body!['code']]).toSatisfy(([status, code]: [number, string]) =>
            (status === 409 && ['application_already_exists', 'idempotency_request_in_progress'].includes(code)),
          );
        }
      }
      const rows = await queryDatabase<{ organization_id: string; count: string }>(
        database.url,
        'SELECT organization_id, count(*) FROM applications GROUP BY organization_id ORDER BY organization_id',
      );
      expect(rows.map((row) => Number(row.count))).toEqual(Array(organizationCount).fill(1));
    });

    it(`keeps every acknowledged command exactly once over ${rounds} rounds of conflicting writes`, async () => {
      for (let round = 0; round < rounds; round += 1) {
        const odd = round % 2 === 1;
        await Promise.all(
          clients.map(async (client) => {
            const slot = client.index % clientsPerOrganization;
            const marker = `<r${round}-c${client.index}>`;
            if (slot === 0 || slot === 1) {
              const read = await send(client, 'GET', `/applications/${applicationOf.get(client.organization)}`);
              const firstRow = (read.body!['data'] as { rows: { id: string }[] }).rows[0]?.id;
              if (slot === 0) {
                // Writes with the version it read: loses with 412 when another write came in between.
                return odd && firstRow !== undefined
                  ? command(client, 'row.update', { rowId: firstRow, changes: { position: marker } }, { ifMatch: read.etag!, marker })
                  : command(client, 'draft.update', { comment: marker }, { ifMatch: read.etag!, marker });
              }
              // Any version: the service retries a lost write itself. In odd rounds it removes the row slot 0 edits.
              return odd && firstRow !== undefined
                ? command(client, 'row.remove', { rowId: firstRow }, { ifMatch: '*' })
                : command(client, 'row.add', { row: { lastName: 'Орлова', position: marker } }, { ifMatch: '*', marker });
            }
            // Two clients share one key: the same request in even rounds, different requests in odd rounds. A client
            // that gets 409 (key in use) retries after Retry-After until it gets the first response.
            const key = `round-${round}-organization-${client.organization}`;
            const shared = odd ? marker : `<r${round}-o${client.organization}-same>`;
            for (let attempt = 0; ; attempt += 1) {
              const answer = await command(client, 'draft.update', { comment: shared }, { ifMatch: '*', marker: shared, key });
              if (answer.body?.['code'] !== 'idempotency_request_in_progress' || attempt === 20) return answer;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          }),
        );
      }

      const commands = exchanges.filter((exchange) => exchange.command !== undefined && exchange.command !== 'application.create');
      expect(commands.filter((exchange) => exchange.status >= 200 && exchange.status < 300).length).toBeGreaterThan(rounds * organizationCount);
      for (const exchange of commands.filter((entry) => entry.status >= 400)) {
        expect([exchange.command, exchange.status, exchange.body!['code']]).toSatisfy(([type, status, code]: [string, number, string]) =>
          (status === 412 && code === 'version_mismatch') ||
          (status === 409 && code === 'idempotency_request_in_progress') ||
          (status === 422 && code === 'idempotency_key_reused') ||
          // The row that slot 0 edits may be gone by the time its command runs.
          (status === 422 && code === 'invalid_payload' && (type === 'row.update' || type === 'row.remove')),
        );
      }

      // A late duplicate of every keyed request is replayed, with the first response, and writes nothing.
      const countEvents = async () => (await queryDatabase<{ count: string }>(database.url, 'SELECT count(*) FROM application_events'))[0]?.count;
      const before = await countEvents();
      const keyed = groupBy(commands.filter((entry) => entry.key !== undefined), (entry) => `${entry.key} ${entry.marker}`);
      const late = await Promise.all(
        [...keyed.values()].map(async (group) => {
          const first = group[0]!;
          const again = await command(clients[first.client]!, 'draft.update', { comment: first.marker }, { ifMatch: '*', marker: first.marker!, key: first.key! });
          return { again, accepted: group.find((entry) => entry.status < 300) };
        }),
      );
      expect(await countEvents()).toBe(before);
      for (const { again, accepted } of late) {
        if (accepted === undefined) expect([again.status, again.body?.['code']], again.key).toEqual([422, 'idempotency_key_reused']);
        else expect([again.replayed, again.etag, again.body], again.key).toEqual([true, accepted.etag, accepted.body]);
      }

      // Two requests under one key never both run, so every 2xx response under one key has the same body.
      const byKey = groupBy(
        exchanges.filter((entry) => entry.key !== undefined && entry.status < 300),
        (entry) => entry.key!,
      );
      for (const [key, answered] of byKey) {
        expect(new Set(answered.map((entry) => JSON.stringify(entry.body))).size, key).toBe(1);
        expect(new Set(answered.map((entry) => entry.marker)).size, key).toBe(1);
      }
    }, 300_000);

    it('lets no command in after a concurrent discard', async () => {
      await Promise.all(
        clients.map((client) => {
          const marker = `<final-c${client.index}>`;
          return client.index % clientsPerOrganization === 0
            ? command(client, 'application.discard', { reason: marker }, { ifMatch: '*', marker })
            : command(client, 'draft.update', { comment: marker }, { ifMatch: '*', marker });
        }),
      );

      for (const [organization, id] of applicationOf) {
        const events = await deployment.instances[0]!.store.events(id);
        expect(events.at(-1)?.type, `organization ${organization}`).toBe('application.discard');
        expect(events.filter((event) => event.type === 'application.discard')).toHaveLength(1);
      }
      const late = exchanges.filter((exchange) => exchange.marker?.startsWith('<final-') && exchange.status >= 400);
      for (const exchange of late) expect([exchange.status, exchange.body!['code']]).toEqual([409, 'command_not_allowed']);
    });

    it('event log: acknowledged once, no gaps', async () => {
      expect(deployment.unexpected).toEqual([]);
      expect(exchanges.filter((exchange) => exchange.status >= 500)).toEqual([]);
      for (const exchange of exchanges.filter((entry) => entry.status >= 400)) {
        expect(exchange.contentType).toMatch(/^application\/problem\+json/u);
      }

      const store = deployment.instances[1]!.store;
      const service = deployment.instances[2]!.service;
      const logs = new Map<string, ApplicationEventRecord[]>();
      for (const id of applicationOf.values()) {
        const events = await store.events(id);
        const stored = await store.get(id);
        expect(events.map((event) => event.version)).toEqual(Array.from({ length: stored!.version }, (_, index) => index + 1));
        expect(service.replay(events)).toEqual(stored!.snapshot);
        logs.set(id, events);
      }

      // Every marker sent is in the log exactly once if any request carrying it was acknowledged, else never.
      const markersInLog = new Map<string, { count: number; version: number }>();
      for (const events of logs.values()) {
        for (const event of events) {
          for (const marker of JSON.stringify(event.payload).match(/<[^<>]+>/gu) ?? []) {
            const seen = markersInLog.get(marker);
            markersInLog.set(marker, { count: (seen?.count ?? 0) + 1, version: event.version });
          }
        }
      }
      const sent = groupBy(
        exchanges.filter((exchange) => exchange.marker !== undefined),
        (exchange) => exchange.marker!,
      );
      let acknowledged = 0;
      for (const [marker, requests] of sent) {
        const accepted = requests.filter((request) => request.status >= 200 && request.status < 300);
        const inLog = markersInLog.get(marker);
        if (accepted.length === 0) {
          expect(inLog, `refused ${marker}`).toBeUndefined();
          continue;
        }
        acknowledged += 1;
        expect(inLog?.count, `acknowledged ${marker}`).toBe(1);
        // The acknowledgement names the version its event got.
        for (const request of accepted) expect(request.etag).toBe(`"${inLog!.version}-ru"`);
      }
      // Each acknowledged row.remove (it carries no marker) removed one row: one event each.
      const removals = exchanges.filter((exchange) => exchange.command === 'row.remove' && exchange.status === 200 && !exchange.replayed);
      const counts = await queryDatabase<{ type: string; count: string }>(
        database.url,
        "SELECT type, count(*) FROM application_events WHERE type <> 'application.create' GROUP BY type",
      );
      const total = counts.reduce((sum, row) => sum + Number(row.count), 0);
      expect(Number(counts.find((row) => row.type === 'row.remove')?.count ?? 0)).toBe(removals.length);
      expect(total).toBe(acknowledged + removals.length);
      console.info(
        `http-concurrency: ${exchanges.length} requests from ${clients.length} clients, ${acknowledged} commands acknowledged, ` +
          `${exchanges.filter((exchange) => exchange.status === 412).length} lost a version race, ` +
          `${exchanges.filter((exchange) => exchange.replayed).length} replayed, ` +
          `${exchanges.filter((exchange) => exchange.body?.['code'] === 'idempotency_request_in_progress').length} found their key in use, ` +
          `${exchanges.filter((exchange) => exchange.body?.['code'] === 'idempotency_key_reused').length} reused a key, ` +
          `${removals.length} rows removed under concurrent edits`,
      );
    });
  },
);
