// Runs a workspace script with pnpm, installing pnpm and the dependencies first when they are missing.
// Only Node.js and npm are needed on the machine: pnpm comes from the npm registry through npx.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const [script, ...args] = process.argv.slice(2);

if (!script) {
  console.error('Usage: node scripts/run.mjs <script> [args...]');
  process.exit(2);
}

function run(command, commandArgs) {
  // pnpm runs scripts from the workspace root, so the caller's folder is passed on for relative paths.
  const env = { ...process.env, FIOCO_FLOW_CALLER_CWD: process.env.INIT_CWD ?? process.cwd() };
  const result = spawnSync(command, commandArgs, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

function installIsCurrent() {
  const marker = `${root}/node_modules/.modules.yaml`;
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(`${root}/pnpm-lock.yaml`).mtimeMs;
}

const [pnpm, prefix] = pnpmCommand();
if (!installIsCurrent()) {
  const status = run(pnpm, [...prefix, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}
process.exit(run(pnpm, [...prefix, 'run', '--silent', script, ...args]));
