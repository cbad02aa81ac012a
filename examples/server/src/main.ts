import { StoreError, formatStoreError } from '@fioco-flow/store-postgres';
import { ConfigError, readConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

// The entry point of `npm run serve`: starts the server, prints how to sign in, and stops on SIGINT or SIGTERM.

function printBanner(server: RunningServer): void {
  const lines = [
    '',
    `Пример сервера fioco-flow: ${server.url}`,
    server.servesPage ? `  страница:  ${server.url}/` : '  страница не собрана: запустите npm run serve',
    `  API:       ${server.url}/api  (OpenAPI: ${server.url}/api/openapi.json)`,
    '',
    `Вход (токены: ${server.tokenSource === 'generated' ? 'новые, созданы при запуске' : server.tokenSource === 'file' ? 'из DEMO_TOKENS_FILE' : 'из переменных окружения'}):`,
    `  представитель школы: ${server.url}/#/sign-in/representative/${server.tokens.representative}`,
    `  сотрудник ФИОКО:     ${server.url}/#/sign-in/staff/${server.tokens.staff}`,
    '',
    `  export REP_TOKEN=${server.tokens.representative}`,
    `  export STAFF_TOKEN=${server.tokens.staff}`,
    '',
    'Остановка: Ctrl+C',
    '',
  ];
  // The tokens go to the terminal of the person who started the server, never into the log.
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  let config;
  try {
    // `npm run serve` runs in the workspace root; relative paths are the caller's, as they would be for any command.
    config = readConfig(process.env, process.env.FIOCO_FLOW_CALLER_CWD ?? process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  let server: RunningServer;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    if (error instanceof StoreError) {
      // A locked or mismatched store is the operator's to fix, so the log keeps the code without a stack and the
      // person at the terminal gets the store's own sentence in Russian.
      logger.fatal({ code: error.code, message: error.message }, 'the server did not start');
      process.stderr.write(`Сервер не запущен. ${formatStoreError(error, 'ru')}\n`);
    } else {
      logger.fatal({ err: error }, 'the server did not start');
    }
    process.exitCode = 1;
    return;
  }

  logger.info(
    {
      url: server.url,
      store: config.databaseUrl === null ? 'pglite' : 'postgres',
      clockStart: config.clockStart?.toISOString() ?? null,
      clockControl: config.clockControl,
      tickIntervalMs: config.tickIntervalMs,
      programs: server.programs.map((program) => program.id),
    },
    'server started',
  );
  printBanner(server);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second stop signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, running requests finish');
    server.close().then(
      () => {
        logger.info('server stopped, store closed');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
