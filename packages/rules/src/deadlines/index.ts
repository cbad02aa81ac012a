export type {
  ApplicationDeadlines,
  BackwardMode,
  Deadline,
  DeadlineExplanation,
  DeadlineInput,
  DeadlineKind,
  DeadlinePolicy,
} from './types.js';
export { defaultDeadlinePolicy } from './policy.js';
export { computeDeadlines, deadlineDays, isOnTime } from './computeDeadlines.js';
export { renderDeadline, type RenderDeadlineOptions } from './renderDeadline.js';
export { dateInTimeZone, formatDate, formatInstant } from './time.js';
