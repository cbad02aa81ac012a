// Model: zod schemas and types of programs, actors, files and applications.
export { actorSchema, clockActor, roles } from './model/actor.js';
export type { Actor, Role } from './model/actor.js';
export { fileRefSchema } from './model/file.js';
export type { FileRef, FileStore } from './model/file.js';
export { programSchema } from './model/program.js';
export type { DeadlinePolicyOverrides, Delivery, PaymentTerms, Program, ProgramCatalog } from './model/program.js';
export { applicationDataSchema, consentKeys, personalDataFields } from './model/application.js';
export type {
  ApplicationData,
  ApplicationDeadlineState,
  ApplicationForm,
  ClosingState,
  ConsentKey,
  ContractState,
  CourseAccess,
  DeadlineSummary,
  Dispatch,
  DocumentStatus,
  DocumentVersion,
  LapseCause,
  Message,
  OrganizationFields,
  Outcome,
  OverdueFlags,
  ParticipantDocument,
  ParticipantRowData,
  Payment,
  RowResult,
  SignedScans,
  Submission,
} from './model/application.js';

// Machine: states, the machine itself, snapshots and their versions, the chart.
export { applicationStates, finalStates, isFinalState, stateLabels } from './machine/states.js';
export type { ApplicationState, FinalState } from './machine/states.js';
export { createApplicationMachine, machineVersion } from './machine/machine.js';
export type { ApplicationMachine, MachineDependencies } from './machine/machine.js';
export type { ApplicationEvent, ApplicationEventOf, ApplicationInput, GeneratedValues } from './machine/events.js';
export {
  migrateSnapshot,
  persistedApplicationSchema,
  persistSnapshot,
  restoreSnapshot,
  snapshotMigrations,
  stateOf,
} from './machine/persistence.js';
export type { MigrateOptions, PersistedApplication, SnapshotMigration, VersionedSnapshot } from './machine/persistence.js';
export type { BlockReason, ConditionName, ConditionParams } from './machine/conditions.js';
export type { GuardName } from './machine/guards.js';
export type { CalendarDependencies } from './machine/deadlines.js';
export { contractSum, isPaidInFull, maxRows, outstandingAmount, paidAmount, rowsWithDocuments } from './machine/queries.js';
export type { RowWithDocuments } from './machine/queries.js';
export { describeMachine, machineToMermaid } from './machine/describe.js';
export type { ChartState, ChartTransition, MachineChart } from './machine/describe.js';

// Commands: payload schemas, the catalog, available commands.
export { commandPayloadSchemas, commandTypes } from './commands/payloads.js';
export type { Command, CommandPayload, CommandPayloadInput, CommandType } from './commands/payloads.js';
export { commandCatalog, isAllowedRole } from './commands/catalog.js';
export type { CommandDefinition } from './commands/catalog.js';
export { availableCommands } from './commands/available.js';
export type { AvailableCommand } from './commands/available.js';

// Messages.
export { formatRubles } from './messages/format.js';

// Service, its errors, views, clock and code words.
export { createApplicationService } from './service/service.js';
export type {
  ApplicationService,
  ApplicationServiceOptions,
  CallOptions,
  DispatchOptions,
  DispatchResult,
  DispatchSuccess,
  TickReport,
} from './service/service.js';
export { serviceError, serviceErrorCodes } from './service/errors.js';
export type { ErrorDetails, Failure, OperationType, ServiceError, ServiceErrorCode, ViolationWithMessage } from './service/errors.js';
export { stateLabel, visibilityFor } from './service/views.js';
export type { ApplicationView, Visibility } from './service/views.js';
export { createManualClock } from './service/clock.js';
export type { Clock, ManualClock } from './service/clock.js';
export { codeWordAlphabet, createCodeWordGenerator, isCodeWord } from './service/code-words.js';
export type { RandomBytes } from './service/code-words.js';
export { replayEvents } from './service/log.js';
export type { CreationPayload } from './service/log.js';

// Store port and the in-memory store.
export { createMemoryStore } from './store/memory.js';
export type {
  ApplicationEventRecord,
  ApplicationEventType,
  ApplicationFilter,
  ApplicationStore,
  ClaimResult,
  IdempotencyRecord,
  InsertResult,
  StoredApplication,
  UpdateResult,
} from './store/port.js';
