import type { IsoDate, LocalizedText } from '../shared/types.js';

/**
 * Kinds of personal documents attached to a participant row, as scans.
 *
 * @example
 * documentKinds.includes('name_change') //=> true
 */
export const documentKinds = ['diploma', 'snils', 'name_change', 'passport', 'employment_record', 'other'] as const;

/**
 * Kind of a personal document: the education diploma, the СНИЛС, a document on a change of surname (marriage
 * certificate and the like), the passport, the employment record, or another document.
 */
export type DocumentKind = (typeof documentKinds)[number];

/**
 * The education levels admitted to further professional education. Federal Law 273-ФЗ «Об образовании в
 * Российской Федерации», art. 76, admits people who have secondary vocational or higher education and people who
 * are studying for it. No other level is admitted.
 *
 * @example
 * educationLevels //=> ['higher', 'secondary_vocational', 'studying_higher', 'studying_secondary_vocational']
 */
export const educationLevels = ['higher', 'secondary_vocational', 'studying_higher', 'studying_secondary_vocational'] as const;

/** Education level of a participant; see `educationLevels`. */
export type EducationLevel = (typeof educationLevels)[number];

/**
 * Values of a participant's sex, as the federal register of education documents records it.
 *
 * @example
 * sexes //=> ['male', 'female']
 */
export const sexes = ['male', 'female'] as const;

/** Sex of a participant; see `sexes`. */
export type Sex = (typeof sexes)[number];

/** A document attached to a participant row: its kind and the id of the stored file. */
export interface ParticipantDocument {
  kind: DocumentKind;
  documentId: string;
}

/**
 * One participant studying one subject: what the certificate and the federal register of education documents
 * need. A person who studies several subjects appears in one row per subject, with the same personal data.
 */
export interface ParticipantRow {
  /** Id of the row, unique within the application. */
  id: string;
  /** Id of one of the program's subjects. */
  subject: string;
  lastName: string;
  firstName: string;
  patronymic?: string;
  sex: Sex;
  birthDate: IsoDate;
  /** ISO 3166-1 alpha-2 code, 'RU' for a citizen of Russia. */
  citizenship: string;
  /** СНИЛС in the canonical form '112-233-445 95'. */
  snils: string;
  email: string;
  /** Phone as '+7' and 10 digits: '+79161234567'. */
  phone: string;
  position: string;
  education: EducationLevel;
  /** Surname as written in the diploma; a different surname requires a document on the change of surname. */
  diplomaSurname: string;
  diplomaSeries: string;
  diplomaNumber: string;
  documents: ParticipantDocument[];
}

/** A participant row being filled in: only `id` is required, and every value present is well-formed. */
export type ParticipantRowDraft = Partial<ParticipantRow> & Pick<ParticipantRow, 'id'>;

/** The part of a program that the participant-list rules need. */
export interface ProgramRules {
  /** The program's subjects; a single-subject program has one. */
  readonly subjects: readonly { readonly id: string; readonly title: LocalizedText }[];
  /**
   * Documents every row must have. The diploma and the СНИЛС are always required, whether listed or not, so this
   * list matters for the kinds a program adds, such as the passport.
   */
  readonly requiredDocuments: readonly DocumentKind[];
}

/** Requisites of the organization for the contract; its head signs the contract. */
export interface OrganizationRequisites {
  fullName: string;
  /** ИНН of the organization: 10 digits. */
  inn: string;
  kpp: string;
  /** ОГРН of the organization: 13 digits. */
  ogrn: string;
  /** Address for the originals, beginning with or containing the 6-digit postcode. */
  postalAddress: string;
  /** Full name of the head who signs the contract. */
  headName: string;
  headPosition: string;
  email?: string;
  /** Phone as '+7' and 10 digits. */
  phone?: string;
}

/** Organization requisites being filled in: every value present is well-formed. */
export type OrganizationRequisitesDraft = Partial<OrganizationRequisites>;
