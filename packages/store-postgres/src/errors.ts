/** The language of a message a person reads. */
export type Locale = 'ru' | 'en';

/** The reason a store could not start or was misused. Codes are stable across releases, so callers may branch on them. */
export type StoreErrorCode =
  | 'STORE_LOCKED'
  | 'STORE_LOCK_INVALID'
  | 'SCHEMA_NEWER_THAN_STORE'
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_MISSING'
  | 'STORE_CLOSED';

/** The values each {@link StoreErrorCode} carries, named in its message. */
export interface StoreErrorParams {
  STORE_LOCKED: {
    readonly dataDir: string;
    readonly lockPath: string;
    readonly pid: number;
    readonly hostname: string;
    readonly startedAt: string;
    readonly sameHost: boolean;
  };
  STORE_LOCK_INVALID: { readonly lockPath: string; readonly reason: string };
  SCHEMA_NEWER_THAN_STORE: { readonly databaseVersion: number; readonly storeVersion: number };
  MIGRATION_CHANGED: { readonly version: number; readonly name: string };
  MIGRATION_MISSING: { readonly version: number; readonly name: string; readonly newestApplied: number };
  STORE_CLOSED: Record<string, never>;
}

type StoreErrorMessages = { [TCode in StoreErrorCode]: (params: StoreErrorParams[TCode]) => string };

const storeErrorMessages: Record<Locale, StoreErrorMessages> = {
  ru: {
    STORE_LOCKED: (p) =>
      p.sameHost
        ? `Каталог данных ${p.dataDir} уже используется процессом ${p.pid} (запущен ${p.startedAt}). ` +
          'Остановите этот процесс или укажите другой каталог данных.'
        : `Каталог данных ${p.dataDir} заблокирован процессом ${p.pid} на узле ${p.hostname} (запущен ${p.startedAt}). ` +
          `Проверить, жив ли этот процесс, отсюда нельзя: если он остановлен, удалите файл ${p.lockPath}.`,
    STORE_LOCK_INVALID: (p) =>
      `Файл блокировки ${p.lockPath} повреждён (${p.reason}). ` +
      'Убедитесь, что каталог данных не используется другим процессом, и удалите этот файл.',
    SCHEMA_NEWER_THAN_STORE: (p) =>
      `Схема базы данных имеет версию ${p.databaseVersion}, а эта версия хранилища знает только версии до ${p.storeVersion}. ` +
      'Обновите пакет @fioco-flow/store-postgres до версии, которая создала эту схему.',
    MIGRATION_CHANGED: (p) =>
      `Миграция ${p.version} «${p.name}» уже применена к базе данных, но её текст изменился. ` +
      'Применённые миграции менять нельзя: верните прежний текст и добавьте новую миграцию.',
    MIGRATION_MISSING: (p) =>
      `Миграция ${p.version} «${p.name}» не записана в таблице schema_migrations, хотя записана более поздняя миграция ${p.newestApplied}. ` +
      'Схема базы данных изменена вручную: восстановите её из резервной копии.',
    STORE_CLOSED: () => 'Хранилище закрыто: создайте новое хранилище, чтобы продолжить работу.',
  },
  en: {
    STORE_LOCKED: (p) =>
      p.sameHost
        ? `The data directory ${p.dataDir} is already in use by process ${p.pid} (started ${p.startedAt}). ` +
          'Stop that process or choose another data directory.'
        : `The data directory ${p.dataDir} is locked by process ${p.pid} on host ${p.hostname} (started ${p.startedAt}). ` +
          `Its liveness cannot be checked from here: if that process has stopped, delete ${p.lockPath}.`,
    STORE_LOCK_INVALID: (p) =>
      `The lock file ${p.lockPath} is corrupt (${p.reason}). ` +
      'Make sure no other process uses the data directory, then delete the file.',
    SCHEMA_NEWER_THAN_STORE: (p) =>
      `The database schema is at version ${p.databaseVersion}, but this store knows versions up to ${p.storeVersion}. ` +
      'Upgrade @fioco-flow/store-postgres to the release that created this schema.',
    MIGRATION_CHANGED: (p) =>
      `Migration ${p.version} "${p.name}" is already applied to the database, but its text has changed. ` +
      'Applied migrations must not change: restore the old text and add a new migration.',
    MIGRATION_MISSING: (p) =>
      `Migration ${p.version} "${p.name}" is not recorded in schema_migrations, but the later migration ${p.newestApplied} is. ` +
      'The schema was changed by hand: restore it from a backup.',
    STORE_CLOSED: () => 'The store is closed. Create a new store to continue.',
  },
};

/**
 * An error of the store itself (its lock, its schema), as opposed to the conflicts of the application
 * store port. `message` is English for logs; {@link formatStoreError} renders it for a person.
 *
 * @example
 * try {
 *   await createPgliteStore({ dataDir: './.data' });
 * } catch (error) {
 *   if (error instanceof StoreError && error.code === 'STORE_LOCKED') console.error(formatStoreError(error));
 * }
 */
export class StoreError<TCode extends StoreErrorCode = StoreErrorCode> extends Error {
  override readonly name = 'StoreError';
  readonly code: TCode;
  readonly params: StoreErrorParams[TCode];

  constructor(code: TCode, params: StoreErrorParams[TCode], options?: ErrorOptions) {
    super(storeErrorMessages.en[code](params), options);
    this.code = code;
    this.params = params;
  }
}

/** Renders a {@link StoreError} for a person, in Russian unless `locale` is 'en'. */
export function formatStoreError(error: StoreError, locale: Locale = 'ru'): string {
  const render = storeErrorMessages[locale][error.code] as (params: StoreErrorParams[StoreErrorCode]) => string;
  return render(error.params);
}
