// The handler and its options.
export { createHttpHandler } from './handler.js';
export type { Authenticate, HttpHandler, HttpHandlerOptions } from './handler.js';
export type { ErrorContext, ErrorReporter } from './http/errors.js';
export { defaultUploadLimits } from './http/body.js';
export type { UploadLimits } from './http/body.js';
export type { IdempotencyStore } from './http/idempotency.js';
export type { ProgramSource } from './routes/programs.js';

// Files.
export { createDirectoryFileStore } from './files/directory-file-store.js';
export { sniffMediaType } from './uploads/content-type.js';
export type { AcceptedMediaType, SniffResult } from './uploads/content-type.js';
export { sanitizeFileName } from './uploads/file-name.js';

// Problems: the codes, their HTTP statuses and texts.
export { problemStatus, problemCodes } from './problems/status.js';
export type { ProblemCode } from './problems/status.js';
export { problemMessages } from './problems/messages.js';
export { problemContentType, problemTypePrefix } from './problems/problem.js';
export type { BlockedReason, FieldError, ProblemDetails } from './problems/problem.js';
export { problemCodeByServiceError } from './problems/service-errors.js';

// Language negotiation and the OpenAPI document.
export { negotiateLocale } from './locale.js';
export { buildOpenApiDocument } from './openapi/document.js';
