export type { IsoDate, Locale, LocalizedText } from './shared/types.js';
export * from './calendar/index.js';
export * from './deadlines/index.js';
export * from './identifiers/index.js';
export * from './messages/index.js';
export * from './participants/index.js';
