import { z } from 'zod';
import { consentKeys, organizationFieldsSchema, participantRowDataSchema } from '../model/application.js';
import { fileRefSchema } from '../model/file.js';
import { deliverySchema, documentKindSchema, isoDateSchema, paymentTermsSchema } from '../model/program.js';

const idSchema = z.string().trim().min(1).max(200);
const reasonSchema = z.string().trim().min(1).max(2000);
const noteSchema = z.string().trim().max(4000).optional();
const emptySchema = z.strictObject({});

const rowFieldsSchema = participantRowDataSchema.omit({ id: true }).strict();

const nullableText = z.string().nullable().optional();

/** Row fields of `row.update`: a value sets the field, `null` clears it. */
const rowChangesSchema = z.strictObject({
  subject: nullableText,
  lastName: nullableText,
  firstName: nullableText,
  patronymic: nullableText,
  sex: participantRowDataSchema.shape.sex.unwrap().nullable().optional(),
  birthDate: nullableText,
  citizenship: nullableText,
  snils: nullableText,
  email: nullableText,
  phone: nullableText,
  position: nullableText,
  education: participantRowDataSchema.shape.education.unwrap().nullable().optional(),
  diplomaSurname: nullableText,
  diplomaSeries: nullableText,
  diplomaNumber: nullableText,
});

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

/**
 * The zod schema of every command's payload, keyed by command type. Strict objects: an unknown key is an invalid
 * payload, so a misspelt field never passes silently.
 *
 * @example
 * ```ts
 * import { commandPayloadSchemas } from '@fioco-flow/core';
 *
 * commandPayloadSchemas['document.reject'].parse({ documentId: 'd-1', reason: 'Скан нечитаем' });
 * ```
 */
export const commandPayloadSchemas = {
  'draft.update': z.strictObject({
    organization: organizationFieldsSchema.strict().optional(),
    paymentTerms: paymentTermsSchema.optional(),
    delivery: deliverySchema.optional(),
    platformName: z.string().trim().max(300).nullable().optional(),
    comment: z.string().trim().max(4000).nullable().optional(),
    consents: z
      .strictObject(Object.fromEntries(consentKeys.map((key) => [key, z.boolean().optional()])) as Record<
        (typeof consentKeys)[number],
        z.ZodOptional<z.ZodBoolean>
      >)
      .optional(),
  }),
  'row.add': z.strictObject({ row: rowFieldsSchema }),
  'row.update': z.strictObject({ rowId: idSchema, changes: rowChangesSchema }),
  'row.remove': z.strictObject({ rowId: idSchema }),
  'document.attach': z.strictObject({
    rowIds: z.array(idSchema).min(1).max(100).refine(uniqueIds, 'row ids must be unique'),
    kind: documentKindSchema,
    file: fileRefSchema,
    /** Adds a version to this document instead of attaching a new one. */
    documentId: idSchema.optional(),
  }),
  'application.submit': emptySchema,
  'application.discard': z.strictObject({ reason: reasonSchema.optional() }),
  'document.accept': z.strictObject({ documentId: idSchema }),
  'document.reject': z.strictObject({ documentId: idSchema, reason: reasonSchema }),
  'document.request': z.strictObject({
    rowIds: z.array(idSchema).min(1).max(100).refine(uniqueIds, 'row ids must be unique'),
    kind: documentKindSchema,
    reason: reasonSchema,
  }),
  'document.replace': z.strictObject({ documentId: idSchema, file: fileRefSchema }),
  'application.take_into_work': emptySchema,
  'application.decline': z.strictObject({ reason: reasonSchema }),
  'application.withdraw': z.strictObject({ reason: reasonSchema }),
  'contract.upload_signed': z.strictObject({
    contract: fileRefSchema,
    consent: fileRefSchema,
    platformContractNumber: z.string().trim().min(1).max(100).optional(),
  }),
  'contract.return': z.strictObject({ reason: reasonSchema }),
  'contract.confirm': emptySchema,
  'contract.send_concluded': z.strictObject({ file: fileRefSchema, text: noteSchema }),
  'invoice.send': z.strictObject({ file: fileRefSchema, text: noteSchema }),
  'closing.issue': z.strictObject({ act: fileRefSchema, invoice: fileRefSchema.optional(), text: noteSchema }),
  'act.upload_signed': z.strictObject({ file: fileRefSchema, text: noteSchema }),
  'originals.record_sent': z.strictObject({ trackingNumber: z.string().trim().min(1).max(40) }),
  'originals.record_received': emptySchema,
  'act.record_signed_on_platform': emptySchema,
  'results.record': z.strictObject({
    results: z
      .array(z.strictObject({ rowId: idSchema, passed: z.boolean() }))
      .min(1)
      .max(1000)
      .refine((results) => uniqueIds(results.map((result) => result.rowId)), 'each row may appear once'),
  }),
  'payment.record': z.strictObject({
    /** Amount in kopecks. */
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    paidOn: isoDateSchema,
    reference: z.string().trim().min(1).max(200),
  }),
  'package.dispatch': z.strictObject({ trackingNumber: z.string().trim().min(1).max(40) }),
  'certificates.dispatch': z.strictObject({ trackingNumber: z.string().trim().min(1).max(40).optional() }),
  'application.close': z.strictObject({ reason: reasonSchema }),
  'message.post': z
    .strictObject({ text: z.string().trim().max(10_000), attachments: z.array(fileRefSchema).max(20).default([]) })
    .refine((message) => message.text.length > 0 || message.attachments.length > 0, {
      message: 'a message needs text or an attachment',
      path: ['text'],
    }),
  'clock.tick': emptySchema,
} as const;

/**
 * Every command type, in the order of the procedure.
 *
 * @example
 * ```ts
 * import type { CommandType } from '@fioco-flow/core';
 *
 * const type: CommandType = 'originals.record_sent';
 * ```
 */
export type CommandType = keyof typeof commandPayloadSchemas;

/**
 * Every command type, in the order of the procedure.
 *
 * @example
 * ```ts
 * import { commandTypes } from '@fioco-flow/core';
 *
 * commandTypes[0];      //=> 'draft.update'
 * commandTypes.length;  //=> 31
 * ```
 */
export const commandTypes = Object.keys(commandPayloadSchemas) as CommandType[];

/**
 * The payload of a command after validation (defaults applied, strings trimmed).
 *
 * @example
 * ```ts
 * import type { CommandPayload } from '@fioco-flow/core';
 *
 * const payment: CommandPayload<'payment.record'> = { amount: 900_000, paidOn: '2026-03-12', reference: 'п/п № 418' };
 * ```
 */
export type CommandPayload<K extends CommandType = CommandType> = z.output<(typeof commandPayloadSchemas)[K]>;

/**
 * The payload of a command as a client sends it.
 *
 * @example
 * ```ts
 * import type { CommandPayloadInput } from '@fioco-flow/core';
 *
 * // `attachments` has a default, so a client may leave it out.
 * const message: CommandPayloadInput<'message.post'> = { text: 'Договор подписан, скан приложен' };
 * ```
 */
export type CommandPayloadInput<K extends CommandType = CommandType> = z.input<(typeof commandPayloadSchemas)[K]>;

/**
 * A command as a client sends it: its type and its payload.
 *
 * @example
 * ```ts
 * import type { Command } from '@fioco-flow/core';
 *
 * const command: Command = { type: 'payment.record', payload: { amount: 2_250_000, paidOn: '2026-03-12', reference: 'п/п № 418' } };
 * ```
 */
export type Command = { [K in CommandType]: { readonly type: K; readonly payload: CommandPayloadInput<K> } }[CommandType];
