import { z } from 'zod';
import { problemCodes } from '../problems/status.js';

// Schemas of the bodies this adapter writes itself. They exist for the OpenAPI document: the
// routes build these bodies from typed values, and the tests check the bodies against them.

const isoDate = z.iso.date();

export const fieldErrorSchema = z.object({
  pointer: z.string().describe('JSON pointer (RFC 6901) to the failed field, e.g. /participants/2/snils'),
  code: z.string().describe('Stable snake_case code of the violation'),
  detail: z.string().describe('The violation in the response language'),
});

export const blockedReasonSchema = z.object({
  code: z.string(),
  detail: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string().describe('urn:fioco-flow:problem:<code>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe('Path of the request that failed'),
    code: z.enum(problemCodes as [string, ...string[]]),
    errors: z.array(fieldErrorSchema).optional(),
    reasons: z.array(blockedReasonSchema).optional(),
  })
  .loose()
  .describe('RFC 9457 problem details, in the language of Accept-Language (Russian by default)');

export const healthSchema = z.object({ status: z.literal('ok') });

export const dayViewSchema = z.object({
  date: isoDate,
  kind: z.enum([
    'working',
    'working_weekend',
    'weekend',
    'holiday',
    'transferred_day_off',
    'extraordinary_non_working',
    'regional_holiday',
  ]),
  working: z.boolean(),
  short: z.boolean().describe('Pre-holiday working day, one hour shorter'),
  provisional: z.boolean().describe('The year has no transfer decree in the data yet'),
  weekday: z.number().int().min(1).max(7).describe('1 = Monday … 7 = Sunday'),
  name: z.string().optional(),
  transferredFrom: isoDate.optional(),
  swappedWith: isoDate.optional(),
  decree: z.string().optional(),
  inferred: z.boolean().optional(),
  label: z.string(),
});

export const calendarDaySchema = dayViewSchema.extend({ calendar: z.string() });

export const deadlineViewSchema = z.object({
  kind: z.enum(['submission', 'review', 'document_review', 'contract', 'originals']),
  documentId: z.string().optional(),
  date: isoDate.describe('The last day'),
  endsAt: z.iso.datetime().describe('The instant the deadline ends, in UTC'),
  provisional: z.boolean(),
  text: z.string().describe('The deadline as one sentence with its reasons'),
  explanation: z.object({
    kind: z.string(),
    direction: z.enum(['forward', 'backward']),
    amount: z.number().int(),
    anchor: isoDate,
    mode: z.enum(['inclusive', 'full-days']).optional(),
    countedDays: z.array(isoDate),
    skippedDays: z.array(dayViewSchema).describe('Non-working days passed over, with the reason of each'),
    countedWorkingWeekends: z.array(dayViewSchema).describe('Saturdays and Sundays counted because a transfer made them working days'),
    provisionalYears: z.array(z.number().int()),
    timeZone: z.string(),
    cutOff: z.string(),
  }),
});

export const deadlinesQueryResultSchema = z.object({
  courseStart: isoDate,
  delivery: z.enum(['paper', 'electronic']),
  deadlines: z.array(deadlineViewSchema),
});

export const workingDaysResultSchema = z.object({
  from: isoDate,
  to: isoDate,
  workingDays: z.number().int().describe('Working days d with from < d ≤ to; negative when to is before from'),
  provisional: z.boolean(),
});

export const addWorkingDaysResultSchema = z.object({
  date: isoDate,
  days: z.number().int(),
  result: isoDate.describe('The days-th working day after date (before it when negative); date itself is not counted'),
  provisional: z.boolean(),
});
