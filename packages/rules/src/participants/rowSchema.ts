import { z } from 'zod';
import { normalizePhone, validatePhone } from '../identifiers/phone.js';
import { normalizeSnils, validateSnils } from '../identifiers/snils.js';
import {
  choiceField,
  citizenshipField,
  diplomaPartField,
  draftField,
  draftShape,
  emailField,
  identifierField,
  isoDateField,
  maxLengths,
  personName,
  requiredText,
} from './_lib/fields.js';
import { documentKinds, educationLevels, sexes } from './model.js';

const documentSchema = z.object({
  kind: z.enum(documentKinds),
  documentId: requiredText(maxLengths.id),
});

// Field order is the order in which violations of one row are reported.
const rowFields = {
  subject: requiredText(maxLengths.id),
  lastName: personName(),
  firstName: personName(),
  patronymic: personName(),
  sex: z.enum(sexes),
  birthDate: isoDateField(),
  citizenship: citizenshipField(),
  snils: identifierField(validateSnils, normalizeSnils, 'СНИЛС, stored as 112-233-445 95', '112-233-445 95'),
  email: emailField(),
  phone: identifierField(validatePhone, normalizePhone, 'Russian phone, stored as +7 and 10 digits', '+79161234567'),
  position: requiredText(maxLengths.text),
  education: choiceField(educationLevels, 'education_not_admitted'),
  diplomaSurname: personName(),
  diplomaSeries: diplomaPartField('106924'),
  diplomaNumber: diplomaPartField('0381527'),
  documents: z.array(documentSchema),
};

/**
 * A complete participant row, as submission requires it. Every field but the patronymic is required. Strings
 * are trimmed; names are stored in NFC with single spaces, the СНИЛС as '112-233-445 95', the phone as
 * '+79161234567', the citizenship in capitals. Each failed check is a zod issue that `violationsFromZod` maps to
 * a violation code, and `validateParticipantRows` adds the list rules on top.
 *
 * @example
 * participantRowSchema.parse({ id: 'row-1', subject: 'russian', lastName: 'Кузнецова', firstName: 'Елена',
 *   patronymic: 'Павловна', sex: 'female', birthDate: '1986-04-12', citizenship: 'ru', snils: '12847503671',
 *   email: 'kuznetsova@school17.ru', phone: '8 (915) 204-37-18', position: 'учитель русского языка',
 *   education: 'higher', diplomaSurname: 'Белова', diplomaSeries: '106924', diplomaNumber: '0381527',
 *   documents: [{ kind: 'diploma', documentId: 'f-1' }] })
 * //=> { …, citizenship: 'RU', snils: '128-475-036 71', phone: '+79152043718', … }
 */
export const participantRowSchema = z.object({
  id: requiredText(maxLengths.id),
  ...rowFields,
  patronymic: draftField(rowFields.patronymic),
});

/**
 * A participant row being filled in. Only `id` is required, a blank value counts as not filled in (`undefined`
 * in the output), and every value present must pass the same checks as in `participantRowSchema`.
 *
 * @example
 * participantRowDraftSchema.parse({ id: 'row-1', lastName: 'Кузнецова', snils: '' })
 * //=> { id: 'row-1', lastName: 'Кузнецова', snils: undefined }
 */
export const participantRowDraftSchema = z.object({ id: requiredText(maxLengths.id), ...draftShape(rowFields) });
