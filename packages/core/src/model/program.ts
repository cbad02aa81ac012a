import { documentKinds, type DeadlinePolicy, type LocalizedText } from '@fioco-flow/rules';
import { z } from 'zod';
import { fileRefSchema } from './file.js';

/** A text in Russian and English. */
export const localizedTextSchema = z.object({ ru: z.string().trim().min(1), en: z.string().trim().min(1) }) satisfies z.ZodType<LocalizedText>;

/** A calendar date `YYYY-MM-DD` with no time and no zone. */
export const isoDateSchema = z.iso.date();

/** An instant as an ISO 8601 string with a zone designator, e.g. `2026-03-04T21:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A kind of participant document: the diploma, the SNILS card, a document on a change of surname, and others. */
export const documentKindSchema = z.enum(documentKinds);

/** Payment terms of the contract: 100 % prepayment or payment after the services are rendered. */
export const paymentTermsSchema = z.enum(['prepayment', 'postpayment']);

/**
 * One of the values of {@link paymentTermsSchema}.
 *
 * @example
 * ```ts
 * import type { PaymentTerms } from '@fioco-flow/core';
 *
 * const terms: PaymentTerms = 'postpayment';
 * ```
 */
export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

/** How the organization receives the contract and the act: on paper by post, or on an electronic trading platform. */
export const deliverySchema = z.enum(['paper', 'electronic']);

/**
 * One of the values of {@link deliverySchema}.
 *
 * @example
 * ```ts
 * import type { Delivery } from '@fioco-flow/core';
 *
 * const delivery: Delivery = 'electronic';
 * ```
 */
export type Delivery = z.infer<typeof deliverySchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The part of a deadline policy a program may override and a snapshot can store (everything except a calendar).
 * Defaults: 7 working days before the course to submit, 3 to review, 3 before the course for the contract,
 * 3 to mail the originals; backward mode `inclusive`; cut-off 24:00; `Europe/Moscow`.
 */
export const deadlinePolicyOverridesSchema = z
  .object({
    submissionDays: z.number().int().min(1).max(60),
    reviewDays: z.number().int().min(1).max(60),
    contractDays: z.number().int().min(1).max(60),
    originalsDays: z.number().int().min(1).max(60),
    backwardMode: z.enum(['inclusive', 'full-days']),
    cutOff: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, from 00:00 to 24:00'),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Moscow'),
  })
  .partial() satisfies z.ZodType<Partial<Omit<DeadlinePolicy, 'organizationCalendar'>>>;

/**
 * Overrides of the deadline policy stored with a program: see {@link deadlinePolicyOverridesSchema}.
 *
 * @example
 * ```ts
 * import type { DeadlinePolicyOverrides } from '@fioco-flow/core';
 *
 * // The institute announces the end of its working day instead of midnight.
 * const overrides: DeadlinePolicyOverrides = { cutOff: '18:00' };
 * ```
 */
export type DeadlinePolicyOverrides = z.infer<typeof deadlinePolicyOverridesSchema>;

/**
 * A program run (cohort) as the host supplies it: fixed course dates, the course link, the price per participant
 * row in kopecks, the subjects, the participant documents it requires, optional deadline policy overrides, and the
 * institute's templates (a contract draft per payment terms and the personal-data consent form).
 *
 * @example
 * ```ts
 * import { programSchema } from '@fioco-flow/core';
 *
 * const file = (id: string) => ({ id, name: `${id}.pdf`, mediaType: 'application/pdf', size: 1024, sha256: '0'.repeat(64) });
 * const program = programSchema.parse({
 *   id: 'vpr-2026-03',
 *   title: { ru: 'Оценивание ответов на задания ВПР', en: 'Marking the national tests' },
 *   hours: 36,
 *   courseStart: '2026-03-16',
 *   courseEnd: '2026-03-27',
 *   courseUrl: 'https://dpo.fioco.ru/course/view.php?id=412',
 *   pricePerRow: 450_000, // 4 500 ₽
 *   subjects: [{ id: 'russian', title: { ru: 'Русский язык', en: 'Russian' } }],
 *   requiredDocuments: ['diploma', 'snils'],
 *   templates: { contract: { prepayment: file('tpl-pre'), postpayment: file('tpl-post') }, consentForm: file('tpl-consent') },
 * });
 * ```
 */
export const programSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    title: localizedTextSchema,
    hours: z.number().int().positive(),
    courseStart: isoDateSchema,
    courseEnd: isoDateSchema,
    courseUrl: z.url({ protocol: /^https?$/ }),
    pricePerRow: z.number().int().positive(),
    subjects: z
      .array(z.object({ id: z.string().trim().min(1).max(100), title: localizedTextSchema }))
      .min(1)
      .refine((subjects) => new Set(subjects.map((subject) => subject.id)).size === subjects.length, 'subject ids must be unique'),
    requiredDocuments: z.array(documentKindSchema).default(['diploma', 'snils']),
    deadlinePolicy: deadlinePolicyOverridesSchema.optional(),
    templates: z.object({
      contract: z.object({ prepayment: fileRefSchema, postpayment: fileRefSchema }),
      consentForm: fileRefSchema,
    }),
  })
  .refine((program) => program.courseEnd >= program.courseStart, {
    message: 'courseEnd must not precede courseStart',
    path: ['courseEnd'],
  });

/**
 * A program run: see {@link programSchema}.
 *
 * @example
 * ```ts
 * import type { Program } from '@fioco-flow/core';
 *
 * function sum(program: Program, rows: number): number {
 *   return program.pricePerRow * rows; // kopecks
 * }
 * ```
 */
export type Program = z.infer<typeof programSchema>;

/**
 * The source of programs for the service. A plain array works too: {@link createApplicationService} accepts either.
 *
 * @example
 * ```ts
 * import type { ProgramCatalog } from '@fioco-flow/core';
 *
 * const catalog: ProgramCatalog = { get: async (id) => (await db.programs.find(id)) ?? undefined };
 * ```
 */
export interface ProgramCatalog {
  /** Returns the program with this id, or `undefined` when there is none. */
  get(programId: string): Program | undefined | Promise<Program | undefined>;
}
