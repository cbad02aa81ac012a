import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment, with defaults applied. */
export interface ServerConfig {
  /** Always the loopback address: the demo accounts' tokens are printed in the terminal. */
  readonly host: '127.0.0.1';
  /** 0 picks a free port. */
  readonly port: number;
  /** PostgreSQL connection string; without it the server uses PGlite in `dataDir`. */
  readonly databaseUrl: string | null;
  /** Holds `pglite/` (unless `databaseUrl` is set) and `files/`, the uploaded files. */
  readonly dataDir: string;
  /** JSON file with the demo tokens: read when it exists, written with new tokens when it does not. */
  readonly tokensFile: string | null;
  readonly representativeToken: string | null;
  readonly staffToken: string | null;
  /** The instant the server clock starts from; the real time when null. */
  readonly clockStart: Date | null;
  /** Whether `POST /demo/clock` may move the server clock forward. */
  readonly clockControl: boolean;
  /** How often the deadlines are applied, in milliseconds. */
  readonly tickIntervalMs: number;
  /** The built web page; the page is not served when the directory has no index.html. */
  readonly webDir: string;
  readonly logLevel: string;
}

/** A setting in the environment that cannot be used; the message names the variable, the value and the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const tokenPattern = /^[A-Za-z0-9_-]{16,200}$/u;

/** The directory the built page goes to: `examples/server/dist-web`, whatever the working directory. */
export const defaultWebDir = fileURLToPath(new URL('../dist-web', import.meta.url));

/**
 * Reads the server settings from environment variables.
 *
 * @throws {ConfigError} when a variable is set to a value the server cannot use.
 * @example
 * ```ts
 * readConfig({ PORT: '8080', FIOCO_NOW: '2027-01-25T09:00:00+03:00' }).clockStart?.toISOString();
 * //=> '2027-01-25T06:00:00.000Z'
 * ```
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerConfig {
  return {
    host: '127.0.0.1',
    port: readPort(env.PORT),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: resolve(cwd, nonEmpty(env.DATA_DIR) ?? '.data'),
    tokensFile: nonEmpty(env.DEMO_TOKENS_FILE) === null ? null : resolve(cwd, env.DEMO_TOKENS_FILE!),
    representativeToken: readToken('DEMO_REPRESENTATIVE_TOKEN', env.DEMO_REPRESENTATIVE_TOKEN),
    staffToken: readToken('DEMO_STAFF_TOKEN', env.DEMO_STAFF_TOKEN),
    clockStart: readInstant('FIOCO_NOW', env.FIOCO_NOW),
    clockControl: readSwitch('FIOCO_CLOCK_CONTROL', env.FIOCO_CLOCK_CONTROL),
    tickIntervalMs: readTickInterval(env.TICK_INTERVAL_MS),
    webDir: nonEmpty(env.WEB_DIR) === null ? defaultWebDir : resolve(cwd, env.WEB_DIR!),
    logLevel: readLogLevel(env.LOG_LEVEL),
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function readPort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === null) return 3000;
  const port = Number(text);
  if (!/^\d+$/u.test(text) || port > 65_535) {
    throw new ConfigError(`PORT=${text} is not a port number. Give an integer from 1 to 65535, or 0 for any free port.`);
  }
  return port;
}

function readToken(name: string, value: string | undefined): string | null {
  const text = nonEmpty(value);
  if (text !== null && !tokenPattern.test(text)) {
    throw new ConfigError(
      `${name} is not a usable token: give 16 to 200 characters of A–Z, a–z, 0–9, '-' and '_', or leave it unset to get a random one.`,
    );
  }
  return text;
}

function readInstant(name: string, value: string | undefined): Date | null {
  const text = nonEmpty(value);
  if (text === null) return null;
  // A zone designator is required: an instant without one would depend on the machine's time zone.
  const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/u.test(text);
  const instant = new Date(text);
  if (!hasZone || Number.isNaN(instant.getTime())) {
    throw new ConfigError(`${name}=${text} is not an instant with a time zone. Give one such as 2027-01-25T09:00:00+03:00.`);
  }
  return instant;
}

function readSwitch(name: string, value: string | undefined): boolean {
  const text = nonEmpty(value)?.toLowerCase() ?? null;
  if (text === null || text === '0' || text === 'false' || text === 'off') return false;
  if (text === '1' || text === 'true' || text === 'on') return true;
  throw new ConfigError(`${name}=${text} is neither on nor off. Give 1 or 0.`);
}

function readTickInterval(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === null) return 60_000;
  const interval = Number(text);
  if (!/^\d+$/u.test(text) || interval < 100 || interval > 86_400_000) {
    throw new ConfigError(`TICK_INTERVAL_MS=${text} is out of range. Give milliseconds from 100 to 86400000 (the default is 60000).`);
  }
  return interval;
}

function readLogLevel(value: string | undefined): string {
  const text = nonEmpty(value)?.toLowerCase() ?? 'info';
  if (!logLevels.includes(text)) {
    throw new ConfigError(`LOG_LEVEL=${text} is not a log level. Give one of ${logLevels.join(', ')}.`);
  }
  return text;
}
