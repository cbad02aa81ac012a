// GET /applications/:id through the HTTP adapter against a bare Hono route that returns the same JSON. Both are
// served by @hono/node-server in a child process (application-server.mjs), and autocannon loads them over loopback.
// Run through `pnpm bench`, which builds the packages first, because the server imports the built packages.
// Writes bench/results/adapter-http.json at the repository root and prints the ratio.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { benchRows, formatRate, median, printComparison, writeResults } from '../../core/bench/support.mjs';

const CONNECTIONS = 16;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 2);
const ROUND_SECONDS = Number(process.env.BENCH_HTTP_ROUND_SECONDS ?? 2.5);
const WARMUP_SECONDS = 1;
const TARGET = 0.5;

const server = fork(new URL('./application-server.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const exited = once(server, 'exit').then(([code]) => {
  throw new Error(`The benchmark server exited with code ${code} before it sent its message.`);
});
const nextMessage = () => Promise.race([once(server, 'message').then(([message]) => message), exited]);

const ready = await nextMessage();
if (ready.type !== 'ready') throw new Error(`The benchmark server sent ${JSON.stringify(ready)} instead of ready.`);

/** Loads `url` for `seconds` and returns requests per second. Any non-2xx response, socket error or timeout fails the run. */
async function load(url, seconds) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: ready.headers });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`GET ${url} failed during the benchmark: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts.`);
  }
  return result.requests.total / result.duration;
}

let measurement;
try {
  await load(ready.floorUrl, WARMUP_SECONDS);
  await load(ready.adapterUrl, WARMUP_SECONDS);
  const floorRounds = [];
  const oursRounds = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate which goes first, so that neither always runs on a machine the other just warmed or loaded.
    if (round % 2 === 0) {
      floorRounds.push(await load(ready.floorUrl, ROUND_SECONDS));
      oursRounds.push(await load(ready.adapterUrl, ROUND_SECONDS));
    } else {
      oursRounds.push(await load(ready.adapterUrl, ROUND_SECONDS));
      floorRounds.push(await load(ready.floorUrl, ROUND_SECONDS));
    }
  }
  measurement = {
    floor: Math.round(median(floorRounds)),
    ours: Math.round(median(oursRounds)),
    ratio: Number(median(oursRounds.map((value, round) => value / floorRounds[round])).toFixed(3)),
    rounds: { floor: floorRounds.map(Math.round), ours: oursRounds.map(Math.round) },
  };
} finally {
  server.send({ type: 'stop' });
}
const stopped = await nextMessage();
if (stopped.errors.length > 0) throw new Error(`The adapter reported errors: ${stopped.errors.slice(0, 3).join('; ')}`);

const file = writeResults('adapter-http', {
  benchmark: 'packages/adapter-http/bench/get-application.bench.mjs',
  unit: 'requests per second',
  request: 'GET /applications/:id as the owning representative, Russian (no Accept-Language), no If-None-Match',
  application: { state: 'draft', rows: benchRows, documents: benchRows * 2, bodyBytes: ready.bodyBytes },
  floor: 'a bare Hono route returning the same JSON object with c.json and the same ETag',
  ours: 'createHttpHandler over createMemoryStore(): locale negotiation, ETag middleware, authentication, service.get, the view',
  server: '@hono/node-server on 127.0.0.1, in a child process',
  loadGenerator: `autocannon, ${CONNECTIONS} connections, no pipelining`,
  rounds: ROUNDS,
  secondsPerRound: ROUND_SECONDS,
  getApplication: measurement,
  targets: [{ case: 'GET /applications/:id', ratio: 'ours / floor', minimum: TARGET, value: measurement.ratio, met: measurement.ratio >= TARGET }],
});

console.log(`@fioco-flow/adapter-http GET /applications/:id benchmark (${process.version}), ${CONNECTIONS} connections, body ${formatRate(ready.bodyBytes)} bytes`);
printComparison('GET /applications/:id', measurement, TARGET);
console.log(`results: ${file}`);
