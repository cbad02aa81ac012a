export { ageOn, participantAgeRange } from './age.js';
export { defaultRequiredDocumentKinds, hasSurnameChanged, requiredDocumentKinds } from './documents.js';
export { documentKinds, educationLevels, sexes } from './model.js';
export type {
  DocumentKind,
  EducationLevel,
  OrganizationRequisites,
  OrganizationRequisitesDraft,
  ParticipantDocument,
  ParticipantRow,
  ParticipantRowDraft,
  ProgramRules,
  Sex,
} from './model.js';
export { personalDataFields } from './_lib/listRules.js';
export { formatInitials, sameName } from './names.js';
export { organizationDraftSchema, organizationSchema, validateOrganization } from './organization.js';
export type { ValidateOrganizationOptions } from './organization.js';
export { participantRowDraftSchema, participantRowSchema } from './rowSchema.js';
export { validateParticipantRows } from './validateRows.js';
export type { ValidateParticipantRowsOptions, ValidationStage } from './validateRows.js';
