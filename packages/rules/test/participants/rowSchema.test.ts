import { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  organizationDraftSchema,
  organizationSchema,
  participantRowDraftSchema,
  participantRowSchema,
  violationsFromZod,
  type OrganizationRequisites,
  type ParticipantRow,
  type ParticipantRowDraft,
} from '@fioco-flow/rules';
import { row } from './fixtures.js';

function codesOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return {};
  return Object.fromEntries(violationsFromZod(result.error).map((violation) => [violation.path.join('.'), violation.code]));
}

describe('participantRowSchema', () => {
  it('stores values in canonical form', () => {
    const parsed = participantRowSchema.parse(
      row({ snils: '14390278161', phone: '8 (920) 155-62-90', citizenship: ' ru ', email: ' morozov.do@school17.ru ' }),
    );
    expect(parsed.snils).toBe('143-902-781 61');
    expect(parsed.phone).toBe('+79201556290');
    expect(parsed.citizenship).toBe('RU');
    expect(parsed.email).toBe('morozov.do@school17.ru');
  });

  it('infers the ParticipantRow type', () => {
    expectTypeOf<z.output<typeof participantRowSchema>>().toEqualTypeOf<ParticipantRow>();
    expectTypeOf<z.output<typeof participantRowDraftSchema>>().toMatchTypeOf<ParticipantRowDraft>();
    expectTypeOf<z.output<typeof organizationSchema>>().toEqualTypeOf<OrganizationRequisites>();
  });

  it('requires every field but the patronymic', () => {
    expect(codesOf(participantRowSchema, { id: 'row-1' })).toEqual({
      subject: 'required',
      lastName: 'required',
      firstName: 'required',
      sex: 'required',
      birthDate: 'required',
      citizenship: 'required',
      snils: 'required',
      email: 'required',
      phone: 'required',
      position: 'required',
      education: 'required',
      diplomaSurname: 'required',
      diplomaSeries: 'required',
      diplomaNumber: 'required',
      documents: 'required',
    });
  });

  it('treats blank strings as missing', () => {
    expect(codesOf(participantRowSchema, row({ lastName: '   ', snils: '', phone: ' ', birthDate: '', education: '' }))).toEqual({
      lastName: 'required',
      snils: 'required',
      phone: 'required',
      birthDate: 'required',
      education: 'required',
    });
  });

  it('checks each field with its own code', () => {
    expect(
      codesOf(
        participantRowSchema,
        row({
          sex: 'm',
          birthDate: '1979-02-29',
          citizenship: 'SU',
          snils: '143-902-781 62',
          email: 'morozov@school17',
          phone: '+7 (920) 155-62',
          education: 'secondary_general',
          diplomaSeries: '№106905',
          documents: [{ kind: 'photo', documentId: 'f-1' }, { kind: 'diploma' }],
        }),
      ),
    ).toEqual({
      sex: 'invalid_value',
      birthDate: 'invalid_date',
      citizenship: 'citizenship_invalid',
      snils: 'snils_invalid_checksum',
      email: 'email_invalid',
      phone: 'phone_invalid',
      education: 'education_not_admitted',
      diplomaSeries: 'invalid_format',
      'documents.0.kind': 'invalid_value',
      'documents.1.documentId': 'required',
    });
  });

  it('accepts a leap day and an internationalized e-mail domain', () => {
    expect(participantRowSchema.safeParse(row({ birthDate: '1980-02-29', email: 'info@школа17.рф' })).success).toBe(true);
  });

  it('limits text lengths', () => {
    expect(codesOf(participantRowSchema, row({ position: 'у'.repeat(301) }))).toEqual({ position: 'too_long' });
    expect(participantRowSchema.safeParse(row({ position: 'у'.repeat(300) })).success).toBe(true);
  });
});

describe('participantRowDraftSchema', () => {
  it('requires only the id', () => {
    expect(participantRowDraftSchema.parse({ id: 'row-1' })).toEqual({ id: 'row-1' });
    expect(codesOf(participantRowDraftSchema, {})).toEqual({ id: 'required' });
  });

  it('drops blank values', () => {
    const parsed = participantRowDraftSchema.parse({ id: 'row-1', lastName: 'Морозов', snils: '', phone: null });
    expect(parsed).toEqual({ id: 'row-1', lastName: 'Морозов', snils: undefined, phone: undefined });
  });

  it('checks the values present', () => {
    expect(codesOf(participantRowDraftSchema, { id: 'row-1', snils: '143-902-781 62', lastName: 'Morozov' })).toEqual({
      lastName: 'name_invalid',
      snils: 'snils_invalid_checksum',
    });
    expect(codesOf(participantRowDraftSchema, { id: 'row-1', snils: 14390278161 })).toEqual({ snils: 'snils_not_string' });
  });

  it('normalizes the values present', () => {
    expect(participantRowDraftSchema.parse({ id: 'row-1', snils: '14390278161' }).snils).toBe('143-902-781 61');
  });
});

describe('JSON Schema', () => {
  it('generates for every schema in both directions', () => {
    for (const schema of [participantRowSchema, participantRowDraftSchema, organizationSchema, organizationDraftSchema]) {
      for (const io of ['input', 'output'] as const) {
        const jsonSchema = z.toJSONSchema(schema, { io });
        expect(jsonSchema.type).toBe('object');
      }
    }
  });

  it('describes identifiers as strings', () => {
    const jsonSchema = z.toJSONSchema(participantRowSchema, { io: 'input' }) as {
      properties: Record<string, { type?: string; enum?: string[] }>;
      required: string[];
    };
    expect(jsonSchema.properties['snils']?.type).toBe('string');
    expect(jsonSchema.properties['phone']?.type).toBe('string');
    expect(jsonSchema.properties['education']?.enum).toEqual([
      'higher',
      'secondary_vocational',
      'studying_higher',
      'studying_secondary_vocational',
    ]);
    expect(jsonSchema.required).not.toContain('patronymic');
    expect(jsonSchema.required).toContain('snils');
  });
});
