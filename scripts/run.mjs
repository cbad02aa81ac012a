// Runs a workspace script with pnpm, installing pnpm and the dependencies first when they are missing.
// Only Node.js and npm are needed on the machine: pnpm comes from the npm registry through npx.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { packageManager } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const [script, ...args] = process.argv.slice(2);
const windows = process.platform === 'win32';

if (!script) {
  console.error('Usage: node scripts/run.mjs <script> [args...]');
  process.exit(2);
}

// pnpm runs scripts from the workspace root, so the caller's folder is passed on for relative paths.
const env = { ...process.env, FIOCO_FLOW_CALLER_CWD: process.env.INIT_CWD ?? process.cwd() };

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: windows });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

function installIsCurrent() {
  const marker = `${root}/node_modules/.modules.yaml`;
  if (!existsSync(marker)) return false;
  return statSync(marker).mtimeMs >= statSync(`${root}/pnpm-lock.yaml`).mtimeMs;
}

/**
 * Runs a command in its own process group and passes SIGINT and SIGTERM on to the whole group, so that
 * stopping this script stops the server or test run behind npx, pnpm and tsx instead of leaving it orphaned.
 */
function run(command, commandArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit', shell: windows, detached: !windows });
    const forward = (signal) => {
      try {
        if (windows) child.kill(signal);
        else process.kill(-child.pid, signal);
      } catch {
        // The group has already exited.
      }
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);

    // npm exits on SIGTERM without passing it on, which leaves this script with a new parent: stop the group then.
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(watch);
      forward('SIGTERM');
    }, 500);
    watch.unref();

    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // A process ended by a signal reports 128 + the signal's number, as shells do.
      const signalCodes = { SIGINT: 130, SIGTERM: 143 };
      resolve(code ?? signalCodes[signal] ?? 1);
    });
  });
}

const [pnpm, prefix] = pnpmCommand();
if (!installIsCurrent()) {
  const status = await run(pnpm, [...prefix, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}
process.exit(await run(pnpm, [...prefix, 'run', '--silent', script, ...args]));
