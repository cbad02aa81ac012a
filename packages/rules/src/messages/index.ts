export type { MessageCatalog, MessageContext, MessageTemplate } from './context.js';
export { enMessages } from './en.js';
export { formatViolation, messages } from './format.js';
export { documentKindLabels, educationLevelLabels, fieldLabels, sexLabels } from './labels.js';
export type { LabelledField } from './labels.js';
export { ruMessages } from './ru.js';
export { isViolationCode, violationCodes } from './violation.js';
export type { Violation, ViolationCode, ViolationParams } from './violation.js';
export { violationsFromZod } from './zod.js';
