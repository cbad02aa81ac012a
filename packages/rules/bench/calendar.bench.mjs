// Measures the working-day arithmetic of the built package on the same dates as a lookup floor, a day-by-day loop,
// date-fns and moment-business-days, and the memory one calendar retains. `pnpm bench` builds the packages and runs
// it. It writes bench/results/rules.json at the repository root and prints the ratios.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { addBusinessDays, differenceInBusinessDays } from 'date-fns';
import { russianCalendar } from '../dist/index.js';

const require = createRequire(import.meta.url);
const moment = require('moment-business-days');

const resultsFile = new URL('../../../bench/results/rules.json', import.meta.url);
const federal = JSON.parse(readFileSync(new URL('../data/ru-federal-2013-2027.json', import.meta.url), 'utf8'));

const DAY_MS = 86_400_000;
const SAMPLE_SIZE = 256;
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 200);

let sink = 0;
const consume = (value) => {
  sink = (sink + (typeof value === 'number' ? value : 1)) | 0;
};

// --- the dates -------------------------------------------------------------------------------------------------

const isoOfTime = (time) => new Date(time).toISOString().slice(0, 10);
const timeOfIso = (iso) => Date.parse(`${iso}T00:00:00Z`);

// A fixed pseudo-random sample of 2014–2025, working days and days off alike, so every run measures the same dates.
function sampleDates() {
  const first = Date.UTC(2014, 0, 1) / DAY_MS;
  const span = Date.UTC(2026, 0, 1) / DAY_MS - first;
  const dates = [];
  let seed = 20260316;
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    dates.push(isoOfTime((first + (seed % span)) * DAY_MS));
  }
  return dates;
}

const dates = sampleDates();
const monthLater = dates.map((date) => isoOfTime(timeOfIso(date) + 30 * DAY_MS));
const yearLater = dates.map((date) => isoOfTime(timeOfIso(date) + 365 * DAY_MS));

// --- the implementations ---------------------------------------------------------------------------------------

// Measured before anything else is built, so that other garbage does not blur it.
const heap = measureHeap();
const calendar = russianCalendar();

// (1) The floor: a precomputed day index looked up in a table of ISO strings, with no parsing and no checks.
const firstDay = Date.UTC(2013, 0, 1) / DAY_MS;
const isoByIndex = [];
for (let day = firstDay; day < Date.UTC(2028, 0, 1) / DAY_MS; day++) isoByIndex.push(isoOfTime(day * DAY_MS));
const sampleIndexes = Int32Array.from(dates, (date) => timeOfIso(date) / DAY_MS - firstDay);

// (2) The day loop most business-day packages use: step a UTC Date one day at a time, format it as ISO and test it
// against a set of weekdays off and a set of working weekends.
const weekdaysOff = new Set();
const weekendsWorked = new Set();
for (const year of Object.values(federal.years)) {
  for (const date of year.nonWorkingWeekdays) weekdaysOff.add(date);
  for (const date of year.workingWeekends) weekendsWorked.add(date);
}
function loopIsWorkingDay(date) {
  const iso = date.toISOString().slice(0, 10);
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6 ? weekendsWorked.has(iso) : !weekdaysOff.has(iso);
}
function loopAddWorkingDays(iso, amount) {
  const date = new Date(`${iso}T00:00:00Z`);
  const step = amount < 0 ? -1 : 1;
  for (let left = Math.abs(amount); left > 0; ) {
    date.setUTCDate(date.getUTCDate() + step);
    if (loopIsWorkingDay(date)) left--;
  }
  return date.toISOString().slice(0, 10);
}
function loopCountWorkingDays(fromIso, toIso) {
  const date = new Date(`${fromIso}T00:00:00Z`);
  const end = Date.parse(`${toIso}T00:00:00Z`);
  let count = 0;
  for (date.setUTCDate(date.getUTCDate() + 1); date.getTime() <= end; date.setUTCDate(date.getUTCDate() + 1)) {
    if (loopIsWorkingDay(date)) count++;
  }
  return count;
}

// (3) date-fns: weekends only, on Date objects made once beforehand (parsing is not timed, to its advantage).
const sampleDateObjects = dates.map((date) => new Date(`${date}T00:00:00Z`));
const monthLaterObjects = monthLater.map((date) => new Date(`${date}T00:00:00Z`));
const yearLaterObjects = yearLater.map((date) => new Date(`${date}T00:00:00Z`));

// (4) moment-business-days with the same days off and working weekends: every weekday counts as a working weekday
// and the `holiday` hook marks the days off, which is the only way it can express a working Saturday. Moment
// objects are made once beforehand, like the Dates of date-fns.
moment.updateLocale('en', {
  workingWeekdays: [0, 1, 2, 3, 4, 5, 6],
  holiday(day) {
    const iso = day.format('YYYY-MM-DD');
    const weekday = day.day();
    return weekday === 0 || weekday === 6 ? !weekendsWorked.has(iso) : weekdaysOff.has(iso);
  },
});
const sampleMoments = dates.map((date) => moment.utc(date, 'YYYY-MM-DD'));
const monthLaterMoments = monthLater.map((date) => moment.utc(date, 'YYYY-MM-DD'));
const yearLaterMoments = yearLater.map((date) => moment.utc(date, 'YYYY-MM-DD'));

// --- sanity: the implementations that model the same calendar agree -------------------------------------------

function checkAgreement() {
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    for (const amount of [7, 250]) {
      const ours = calendar.addWorkingDays(dates[i], amount);
      const loop = loopAddWorkingDays(dates[i], amount);
      const viaMoment = sampleMoments[i].businessAdd(amount).format('YYYY-MM-DD');
      if (ours !== loop || ours !== viaMoment) throw new Error(`Disagreement on ${dates[i]} + ${amount}: ${ours}, loop ${loop}, moment ${viaMoment}`);
    }
    for (const later of [monthLater[i], yearLater[i]]) {
      const ours = calendar.countWorkingDays(dates[i], later);
      const loop = loopCountWorkingDays(dates[i], later);
      if (ours !== loop) throw new Error(`Disagreement on (${dates[i]}, ${later}]: ${ours}, loop ${loop}`);
    }
  }
}
checkAgreement();

// --- the cases -------------------------------------------------------------------------------------------------

// Every task reads the next sample with the same cursor arithmetic, so that cost is equal across implementations.
const cases = {
  'addWorkingDays n=7': {
    ours: (i) => calendar.addWorkingDays(dates[i], 7),
    dayLoop: (i) => loopAddWorkingDays(dates[i], 7),
    dateFns: (i) => addBusinessDays(sampleDateObjects[i], 7),
    moment: (i) => sampleMoments[i].businessAdd(7),
  },
  'addWorkingDays n=250': {
    ours: (i) => calendar.addWorkingDays(dates[i], 250),
    dayLoop: (i) => loopAddWorkingDays(dates[i], 250),
    dateFns: (i) => addBusinessDays(sampleDateObjects[i], 250),
    moment: (i) => sampleMoments[i].businessAdd(250),
  },
  'countWorkingDays over a month': {
    ours: (i) => calendar.countWorkingDays(dates[i], monthLater[i]),
    dayLoop: (i) => loopCountWorkingDays(dates[i], monthLater[i]),
    dateFns: (i) => differenceInBusinessDays(monthLaterObjects[i], sampleDateObjects[i]),
    moment: (i) => monthLaterMoments[i].businessDiff(sampleMoments[i]),
  },
  'countWorkingDays over a year': {
    ours: (i) => calendar.countWorkingDays(dates[i], yearLater[i]),
    dayLoop: (i) => loopCountWorkingDays(dates[i], yearLater[i]),
    dateFns: (i) => differenceInBusinessDays(yearLaterObjects[i], sampleDateObjects[i]),
    moment: (i) => yearLaterMoments[i].businessDiff(sampleMoments[i]),
  },
};
const floor = (i) => isoByIndex[sampleIndexes[i]];

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Measures each implementation of each case in two modes. 'perCall' times one operation per call, so the timer's
 * own cost is included because tinybench times every call. 'batched' times the whole sample of 256 operations per
 * call, which spreads the timer's cost over them. Each measurement is repeated in ROUNDS rounds and the median kept.
 * Each ratio is the median of the ratios within a round, so that load drifting between rounds cancels out.
 * Returns operations per second and ratios.
 */
async function measure() {
  const operations = {};
  const roundRatios = {};
  for (const [caseName, implementations] of Object.entries(cases)) {
    operations[caseName] = {};
    roundRatios[caseName] = {};
    const all = { floor, ...implementations };
    for (const mode of ['perCall', 'batched']) {
      const rounds = [];
      for (let round = 0; round < ROUNDS; round++) {
        const bench = new Bench({ time: TIME_MS, warmupTime: round === 0 ? 100 : 20 });
        for (const [name, operation] of Object.entries(all)) {
          let cursor = 0;
          const task =
            mode === 'perCall'
              ? () => {
                  consume(operation(cursor));
                  cursor = (cursor + 1) & (SAMPLE_SIZE - 1);
                }
              : () => {
                  for (let i = 0; i < SAMPLE_SIZE; i++) consume(operation(i));
                };
          bench.add(name, task);
        }
        await bench.run();
        const operationsPerCall = mode === 'perCall' ? 1 : SAMPLE_SIZE;
        rounds.push(Object.fromEntries(bench.tasks.map((task) => [task.name, (1000 / task.result.period) * operationsPerCall])));
      }
      operations[caseName][mode] = Object.fromEntries(Object.keys(all).map((name) => [name, Math.round(median(rounds.map((round) => round[name])))]));
      roundRatios[caseName][mode] = {
        oursToFloor: median(rounds.map((round) => round.ours / round.floor)),
        oursToDayLoop: median(rounds.map((round) => round.ours / round.dayLoop)),
        oursToDateFns: median(rounds.map((round) => round.ours / round.dateFns)),
        oursToMoment: median(rounds.map((round) => round.ours / round.moment)),
      };
    }
  }
  return { operations, ratios: roundRatios };
}

/**
 * Memory retained per calendar, measured with forced garbage collections: the JavaScript heap plus the ArrayBuffers
 * behind the typed arrays, which `heapUsed` does not count. A first calendar is built and used beforehand so that
 * compiled code, shared by all calendars, is not counted. The figures are averages over CALENDARS calendars, because
 * a single one is within the noise of the collector.
 */
function measureHeap() {
  if (typeof globalThis.gc !== 'function') return undefined;
  const CALENDARS = 20;
  const settle = () => {
    for (let i = 0; i < 6; i++) globalThis.gc();
    const usage = process.memoryUsage();
    return { heap: usage.heapUsed, arrayBuffers: usage.arrayBuffers };
  };
  const perCalendar = (before, after) => ({
    heap: Math.round((after.heap - before.heap) / CALENDARS),
    arrayBuffers: Math.round((after.arrayBuffers - before.arrayBuffers) / CALENDARS),
    total: Math.round((after.heap + after.arrayBuffers - before.heap - before.arrayBuffers) / CALENDARS),
  });
  // addWorkingDays keeps the ISO string of each working day it returned: this makes it return every one of them.
  const fillCache = (calendar) => {
    const total = calendar.countWorkingDays(calendar.firstDate, calendar.lastDate);
    for (let amount = 1; amount <= total; amount++) consume(calendar.addWorkingDays(calendar.firstDate, amount));
    for (let i = 0; i < dates.length; i++) {
      consume(calendar.countWorkingDays(dates[i], yearLater[i]) + (calendar.isWorkingDay(dates[i]) ? 1 : 0));
      consume(calendar.describeDay(dates[i]).weekday);
    }
  };

  fillCache(russianCalendar());
  const before = settle();
  const calendars = Array.from({ length: CALENDARS }, () => russianCalendar());
  const afterBuild = settle();
  for (const calendar of calendars) fillCache(calendar);
  const afterUse = settle();
  consume(calendars.length);

  return {
    calendars: CALENDARS,
    afterBuildBytes: perCalendar(before, afterBuild),
    cacheFilledBytes: perCalendar(afterBuild, afterUse),
    targetBytes: 256 * 1024,
  };
}

const TARGETS = [
  ['ours / floor', (r) => r.oursToFloor, 0.5, Object.keys(cases)],
  ['ours / day loop', (r) => r.oursToDayLoop, 100, ['addWorkingDays n=7']],
  ['ours / day loop', (r) => r.oursToDayLoop, 1000, ['addWorkingDays n=250']],
  ['ours / date-fns', (r) => r.oursToDateFns, 10, Object.keys(cases)],
];

const { operations: operationsPerSecond, ratios: ratioTable } = await measure();

const targets = [];
for (const [label, pick, minimum, caseNames] of TARGETS) {
  for (const caseName of caseNames) {
    for (const mode of ['perCall', 'batched']) {
      const value = pick(ratioTable[caseName][mode]);
      targets.push({ case: caseName, mode, ratio: label, minimum, value: Number(value.toFixed(2)), met: value >= minimum });
    }
  }
}
if (heap !== undefined) {
  const retained = heap.afterBuildBytes.total;
  const filled = heap.afterBuildBytes.total + heap.cacheFilledBytes.total;
  targets.push({ case: 'one calendar after build', mode: 'memory', ratio: 'retained bytes', maximum: heap.targetBytes, value: retained, met: retained < heap.targetBytes });
  targets.push({ case: 'one calendar with every string cached', mode: 'memory', ratio: 'retained bytes', maximum: heap.targetBytes, value: filled, met: filled < heap.targetBytes });
}

const report = {
  benchmark: 'packages/rules/bench/calendar.bench.mjs',
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  sampleSize: SAMPLE_SIZE,
  timePerTaskMs: TIME_MS,
  rounds: ROUNDS,
  unit: 'operations per second',
  operationsPerSecond,
  ratios: ratioTable,
  heap: heap ?? 'not measured: run node with --expose-gc',
  targets,
};
mkdirSync(new URL('.', resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

const format = (value) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2));
console.log(`@fioco-flow/rules calendar benchmark (${process.version}, ${report.cpu})`);
for (const [caseName, modes] of Object.entries(operationsPerSecond)) {
  console.log(`\n${caseName}`);
  for (const mode of ['perCall', 'batched']) {
    const ops = modes[mode];
    const r = ratioTable[caseName][mode];
    console.log(
      `  ${mode.padEnd(8)} ops/s: ours ${format(ops.ours)}, floor ${format(ops.floor)}, day loop ${format(ops.dayLoop)}, date-fns ${format(ops.dateFns)}, moment ${format(ops.moment)}`,
    );
    console.log(
      `  ${''.padEnd(8)} ours is ${format(r.oursToFloor)}× the floor, ${format(r.oursToDayLoop)}× the day loop, ${format(r.oursToDateFns)}× date-fns, ${format(r.oursToMoment)}× moment`,
    );
  }
}
if (heap !== undefined) {
  const show = (bytes) => `${bytes.total} bytes (heap ${bytes.heap}, ArrayBuffers ${bytes.arrayBuffers})`;
  console.log(`\nmemory per calendar (average of ${heap.calendars}): ${show(heap.afterBuildBytes)} after build, target < ${heap.targetBytes}`);
  console.log(`  plus ${show(heap.cacheFilledBytes)} once addWorkingDays has returned every working day`);
}
const missed = targets.filter((target) => !target.met);
console.log(missed.length === 0 ? '\nall targets met' : `\ntargets missed: ${missed.map((t) => `${t.case} ${t.mode} ${t.ratio} = ${t.value}`).join('; ')}`);
console.log(`results: ${resultsFile.pathname}`);
if (sink === 42) console.log('');
