import type { Violation, ViolationCode, ViolationParams } from './violation.js';

/**
 * What a message template receives: the violation's params and path, plus the pieces of the sentence that
 * `formatViolation` prepares from them in the catalog's language.
 */
export interface MessageContext {
  readonly params: ViolationParams;
  readonly path: Violation['path'];
  /**
   * Label of the field that the path ends in, quoted: «Фамилия» / "Last name". `undefined` when the path names no
   * field, as for a value checked on its own.
   */
  readonly field: string | undefined;
  /**
   * Whose value it is, ready to follow a noun, with a leading space: « участника в строке 3 (Иванова И. И.)»,
   * « организации» / " of the participant in row 3 (Иванова И. И.)". Empty when the path names no owner.
   */
  readonly owner: string;
  /** `params.value`, quoted and shortened: «112-233-445 96». `undefined` when the violation has no value. */
  readonly value: string | undefined;
}

/** Renders the sentence of one violation code in one language. */
export type MessageTemplate = (context: MessageContext) => string;

/** The wording of every violation code in one language. A catalog that misses a code does not compile. */
export type MessageCatalog = Readonly<Record<ViolationCode, MessageTemplate>>;
