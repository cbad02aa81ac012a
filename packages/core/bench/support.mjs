// Fixtures and measuring helpers shared by the service, store and HTTP benchmarks. They are one program, a draft
// application filled the way a school fills it, the repeatable command, a closed-loop load runner and the results
// file. This file is not a benchmark itself, because bench-all runs only *.bench.* files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createApplicationService, createManualClock, programSchema } from '@fioco-flow/core';
import { russianCalendar } from '@fioco-flow/rules';

/** The instant every benchmark runs at: a working day of the draft period, before the submission deadline. */
export const benchInstant = '2026-02-20T09:00:00.000Z';

/** Participant rows of the benchmark application, each with its diploma and SNILS attached (`BENCH_ROWS`). */
export const benchRows = Number(process.env.BENCH_ROWS ?? 5);

function benchFile(id) {
  const hex = Buffer.from(id).toString('hex');
  return { id, name: `${id}.pdf`, mediaType: 'application/pdf', size: 120_000 + id.length, sha256: hex.padEnd(64, '0').slice(0, 64) };
}

/** The program of every benchmark application: a two-week course from Monday 16 March 2026. */
export const benchProgram = programSchema.parse({
  id: 'vpr-2026-03',
  title: { ru: 'Оценивание ответов на задания ВПР', en: 'Marking the national tests' },
  hours: 36,
  courseStart: '2026-03-16',
  courseEnd: '2026-03-27',
  courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
  pricePerRow: 450_000,
  subjects: [
    { id: 'russian', title: { ru: 'Русский язык', en: 'Russian language' } },
    { id: 'mathematics', title: { ru: 'Математика', en: 'Mathematics' } },
  ],
  requiredDocuments: ['diploma', 'snils'],
  templates: {
    contract: { prepayment: benchFile('tpl-contract-prepayment'), postpayment: benchFile('tpl-contract-postpayment') },
    consentForm: benchFile('tpl-consent'),
  },
});

/** The representative of the `index`-th organization: each concurrent client works for its own school. */
export function benchRepresentative(index) {
  return { id: `rep-${index}`, role: 'representative', organizationId: `org-${index}` };
}

const organization = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»',
  inn: '6912004726',
  kpp: '691201001',
  ogrn: '1026912004371',
  postalAddress: '171250, Тверская область, г. Красноозёрск, ул. Школьная, д. 12',
  headName: 'Соколова Марина Викторовна',
  headPosition: 'Директор',
  email: 'school17@krasnoozyorsk.ru',
  phone: '+7 48231 2-17-17',
};

// A SNILS with a valid checksum: the weighted digit sum, taken modulo 101 from 100 up, where a result of 100 is 00.
function snils(number) {
  const digits = String(number).padStart(9, '0');
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
  let reduced = sum < 100 ? sum : sum % 101;
  if (reduced === 100) reduced = 0;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${String(reduced).padStart(2, '0')}`;
}

function rowPayload(index) {
  return {
    subject: index % 2 === 0 ? 'russian' : 'mathematics',
    lastName: 'Кузнецова',
    firstName: 'Елена',
    patronymic: 'Павловна',
    sex: 'female',
    birthDate: '1986-04-12',
    citizenship: 'RU',
    snils: snils(128_475_036 + index),
    email: `teacher${index}@school17.ru`,
    phone: '+7 915 204-37-18',
    position: 'учитель',
    education: 'higher',
    diplomaSurname: 'Кузнецова',
    diplomaSeries: '106924',
    diplomaNumber: String(381_527 + index).padStart(7, '0'),
  };
}

/**
 * The command every benchmark repeats: `draft.update` of the comment, which replaces one field, so the application
 * keeps its size however many times it runs (a thread message would grow it with every call).
 */
export function draftUpdate(sequence) {
  return { type: 'draft.update', payload: { comment: `Просим провести обучение в марте, заявка ${sequence}` } };
}

/** The federal calendar, built once for every service of a benchmark. */
export const benchCalendar = russianCalendar();

/** A service on `store` with the clock pinned at {@link benchInstant}. */
export function createBenchService(store) {
  return createApplicationService({ store, clock: createManualClock(benchInstant), calendar: benchCalendar, programs: [benchProgram] });
}

/**
 * Creates the draft application of the `index`-th organization and fills it: organization details, payment and
 * delivery terms, consents, and {@link benchRows} participant rows with their two documents each.
 * Returns the application's id and its current version.
 *
 * @throws {Error} when the service rejects a step, naming the command and the error code.
 */
export async function createFilledDraft(service, index) {
  const actor = benchRepresentative(index);
  const succeeded = (result, step) => {
    if (!result.ok) throw new Error(`Benchmark setup failed at ${step}: ${result.error.code} (${result.error.message})`);
    return result;
  };

  const created = succeeded(await service.create(actor, { programId: benchProgram.id }), 'application.create');
  const id = created.application.id;
  let version = created.application.version;
  const send = async (command) => {
    version = succeeded(await service.dispatch(id, actor, command), command.type).application.version;
    return version;
  };

  await send({
    type: 'draft.update',
    payload: { organization, paymentTerms: 'prepayment', delivery: 'paper', consents: { personalData: true, dataAccuracy: true } },
  });
  for (let row = 0; row < benchRows; row += 1) {
    const added = succeeded(await service.dispatch(id, actor, { type: 'row.add', payload: { row: rowPayload(row) } }), 'row.add');
    const rowId = added.event.generated.id;
    for (const kind of ['diploma', 'snils']) {
      await send({ type: 'document.attach', payload: { rowIds: [rowId], kind, file: benchFile(`${kind}-${index}-${row}`) } });
    }
  }
  return { id, actor, version };
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `operation(client, sequence)` in a closed loop for `durationMs`: each of `clients` loops starts its next call
 * as soon as its last one resolves. Returns completed operations per second. A call that ends after `durationMs` is
 * not counted, but the time until it ends is, so the figure errs low by at most one call per client.
 */
export async function runClosedLoop(clients, durationMs, operation) {
  const started = performance.now();
  const deadline = started + durationMs;
  let completed = 0;
  const loop = async (client) => {
    for (let sequence = 0; performance.now() < deadline; sequence += 1) {
      await operation(client, sequence);
      if (performance.now() <= deadline) completed += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  return completed / ((Math.max(performance.now(), deadline) - started) / 1000);
}

/**
 * Measures the closed-loop operations `floor` and `ours` in `rounds` alternating rounds of `durationMs` each, after a
 * warm-up of `warmupMs` each. Returns the median operations per second of each, and the median of the per-round
 * ratios ours / floor, so that load drifting between rounds cancels out.
 */
export async function measureAlternating({ clients, rounds, durationMs, warmupMs, floor, ours }) {
  await runClosedLoop(clients, warmupMs, floor);
  await runClosedLoop(clients, warmupMs, ours);
  const floorRounds = [];
  const oursRounds = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    if (round % 2 === 0) {
      floorRounds.push(await runClosedLoop(clients, durationMs, floor));
      oursRounds.push(await runClosedLoop(clients, durationMs, ours));
    } else {
      oursRounds.push(await runClosedLoop(clients, durationMs, ours));
      floorRounds.push(await runClosedLoop(clients, durationMs, floor));
    }
  }
  return {
    floor: Math.round(median(floorRounds)),
    ours: Math.round(median(oursRounds)),
    ratio: Number(median(oursRounds.map((value, round) => value / floorRounds[round])).toFixed(3)),
    rounds: { floor: floorRounds.map(Math.round), ours: oursRounds.map(Math.round) },
  };
}

/** Writes `report` to bench/results/<name>.json at the repository root, with the Node version and the CPU. */
export function writeResults(name, report) {
  const file = new URL(`../../../bench/results/${name}.json`, import.meta.url);
  mkdirSync(new URL('.', file), { recursive: true });
  const full = { ...report, node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cpuCount: cpus().length };
  writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  return file.pathname;
}

/** An operations-per-second figure with thousands separators. */
export function formatRate(value) {
  return Math.round(value).toLocaleString('en-US');
}

/** Prints one measurement: both rates, the ratio and whether it meets `minimum`. */
export function printComparison(label, { floor, ours, ratio }, minimum) {
  const verdict = ratio >= minimum ? 'met' : 'MISSED';
  console.log(`${label}: ours ${formatRate(ours)} ops/s, floor ${formatRate(floor)} ops/s, ratio ${ratio.toFixed(2)} (target ≥ ${minimum}: ${verdict})`);
}
