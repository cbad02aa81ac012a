// The servers of the GET /applications/:id benchmark: the HTTP adapter over a memory store with one filled draft,
// and a bare Hono app that returns the same JSON. They run in a child process, so the load generator gets a CPU of
// its own, and listen on 127.0.0.1 at ports the system picks. get-application.bench.mjs forks this file. It sends
// `{ type: 'ready', … }` over IPC once both servers listen, and closes them on `{ type: 'stop' }`.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createMemoryStore } from '@fioco-flow/core';
import { createHttpHandler } from '@fioco-flow/adapter-http';
import { createBenchService, createFilledDraft } from '../../core/bench/support.mjs';

const token = 'bench-representative-0';
const store = createMemoryStore();
const service = createBenchService(store);
const { id, actor } = await createFilledDraft(service, 0);

const errors = [];
const handler = createHttpHandler({
  service,
  store,
  authenticate: (request) => (request.headers.get('authorization') === `Bearer ${token}` ? actor : null),
  // GET /applications/:id reads no file, so any other use is a bug of the benchmark.
  files: {
    put: async () => {
      throw new Error('The GET /applications/:id benchmark stores no files.');
    },
    get: async () => undefined,
  },
  onError: (error) => errors.push(error instanceof Error ? error.message : String(error)),
});

const path = `/applications/${id}`;
const headers = { authorization: `Bearer ${token}` };
const sample = await handler(new Request(`http://127.0.0.1${path}`, { headers }));
if (sample.status !== 200) throw new Error(`GET ${path} returned ${sample.status}: ${await sample.text()}`);
const body = await sample.json();
const etag = sample.headers.get('etag');

// The floor: routing, JSON.stringify of the same body and the same server, nothing else.
const bare = new Hono();
bare.get('/applications/:id', (c) => c.json(body, 200, { etag }));

function listen(fetch) {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}${path}` }));
  });
}

const adapter = await listen(handler);
const floor = await listen(bare.fetch);

// Only the parent sends stop, so the process exits when the IPC channel to the parent closes.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message?.type !== 'stop') return;
  adapter.server.close();
  floor.server.close();
  process.send({ type: 'stopped', errors }, () => process.exit(0));
});
process.send({ type: 'ready', adapterUrl: adapter.url, floorUrl: floor.url, headers, bodyBytes: Buffer.byteLength(JSON.stringify(body)) });
