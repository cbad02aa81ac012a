// Runs every test: the whole suite once, then the date-only suites again under other time zones,
// because calendar dates must not move with the machine's zone. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reports = mkdtempSync(join(tmpdir(), 'fioco-flow-tests-'));

// America/Santiago has daylight saving and a negative offset: the harshest zone for date-only code.
// The reruns leave out the long model-based and fault suites: they test concurrency and failures, not dates.
const dateSuites = ['packages/rules', 'packages/core'];
const longSuites = ['**/reliability/**'];
const runs = [
  { zone: 'America/Santiago', paths: [], exclude: [] },
  { zone: 'UTC', paths: dateSuites, exclude: longSuites },
  { zone: 'Europe/Moscow', paths: dateSuites, exclude: longSuites },
  { zone: 'Asia/Vladivostok', paths: dateSuites, exclude: longSuites },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

for (const [index, { zone, paths, exclude }] of runs.entries()) {
  const outputFile = join(reports, `run-${index}.json`);
  const scope = paths.length === 0 ? 'every test' : paths.join(', ');
  console.log(`\n=== TZ=${zone}: ${scope} ===`);

  const result = spawnSync(
    process.execPath,
    [vitest, 'run', ...paths, ...exclude.map((pattern) => `--exclude=${pattern}`), '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: zone } },
  );
  if (result.status !== 0) failedRuns += 1;

  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  } catch {
    console.error(`No report from the TZ=${zone} run: vitest exited with ${result.status}.`);
    failedRuns += 1;
  }
}

rmSync(reports, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns === 0 && totals.failed === 0 ? 0 : 1);
