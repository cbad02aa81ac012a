import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: the server runs from there, so that tsx resolves `@fioco-flow/*` through the root tsconfig. */
export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const mainModule = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** A server started as its own process, the way `npm run serve` starts it. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly dataDir: string;
  readonly tokens: { readonly representative: string; readonly staff: string };
  /** Every line the process wrote to stdout and stderr so far. */
  readonly output: () => string;
  /** JSON log lines parsed. */
  readonly logLines: () => Record<string, unknown>[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Makes a temporary data directory; `removeDirectory` deletes it. */
export function temporaryDirectory(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDirectory(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/**
 * Starts the server on a free port of 127.0.0.1 with its data in `dataDir` and waits for its `server started` log
 * line. The tokens come from a tokens file in the data directory.
 *
 * @throws {Error} with the process output when the server exits or does not start within `timeoutMs`.
 */
export async function startServerProcess(options: {
  readonly dataDir: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}): Promise<ServerProcess> {
  const tokensFile = join(options.dataDir, 'tokens.json');
  const child = spawn(process.execPath, ['--import', 'tsx', mainModule], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: options.dataDir,
      DEMO_TOKENS_FILE: tokensFile,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });

  const timeoutMs = options.timeoutMs ?? 45_000;
  const started = Date.now();
  let url: string | undefined;
  while (url === undefined) {
    const line = logLines().find((entry) => entry.msg === 'server started');
    if (line !== undefined) url = String(line.url);
    else if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it started:\n${output}`);
    else if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start within ${timeoutMs} ms:\n${output}`);
    } else await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const tokens = JSON.parse(await readFile(tokensFile, 'utf8')) as { representative: string; staff: string };
  return {
    child,
    url,
    dataDir: options.dataDir,
    tokens,
    output: () => output,
    logLines,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
