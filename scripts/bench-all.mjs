// Runs every benchmark of the repository, one Node process each, after `pnpm bench` has built the packages:
// packages/*/bench/*.bench.{mjs,js,ts,mts} and bench/*.mjs. Each process gets --expose-gc so that a benchmark can
// measure retained memory; TypeScript files run through tsx. Results are written by the benchmarks themselves,
// usually to bench/results/. Exits with 1 when any benchmark fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCH_FILE = /\.bench\.(mjs|js|ts|mts)$/;

function filesIn(directory, pattern) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(directory, entry.name))
    .sort();
}

const packagesDirectory = join(root, 'packages');
const packageBenchmarks = existsSync(packagesDirectory)
  ? readdirSync(packagesDirectory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => filesIn(join(packagesDirectory, entry.name, 'bench'), BENCH_FILE))
  : [];
const rootBenchmarks = filesIn(join(root, 'bench'), /\.mjs$/);
const benchmarks = [...packageBenchmarks, ...rootBenchmarks];

if (benchmarks.length === 0) {
  console.log('No benchmarks found (packages/*/bench/*.bench.* or bench/*.mjs).');
  process.exit(0);
}

const failed = [];
for (const file of benchmarks) {
  const name = relative(root, file);
  console.log(`\n=== ${name} ===`);
  const typescript = /\.m?ts$/.test(file);
  const args = ['--expose-gc', ...(typescript ? ['--import', 'tsx'] : []), file];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.error !== undefined || result.status !== 0) {
    console.error(`${name} failed: ${result.error?.message ?? `exit code ${result.status ?? result.signal}`}`);
    failed.push(name);
  }
}

console.log(`\nbenchmarks: ${benchmarks.length - failed.length} of ${benchmarks.length} passed${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length === 0 ? 0 : 1);
