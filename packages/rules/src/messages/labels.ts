import type {
  DocumentKind,
  EducationLevel,
  OrganizationRequisites,
  ParticipantDocument,
  ParticipantRow,
  Sex,
} from '../participants/model.js';
import type { LocalizedText } from '../shared/types.js';

/** Fields of the application form that are not part of a participant row or of the requisites. */
type ApplicationFieldName =
  | 'participants'
  | 'organization'
  | 'paymentTerms'
  | 'delivery'
  | 'platformName'
  | 'comment'
  | 'consents'
  | 'personalData'
  | 'dataAccuracy';

/** A field name that messages can show by its label. */
export type LabelledField =
  | keyof ParticipantRow
  | keyof ParticipantDocument
  | keyof OrganizationRequisites
  | ApplicationFieldName;

/**
 * Labels of the form fields, as a person sees them on screen: the last name of a violation's path is shown
 * through this table («Фамилия», "Last name"). A name missing from it is shown as it is.
 *
 * @example
 * fieldLabels.diplomaSurname.ru //=> 'Фамилия в дипломе'
 */
export const fieldLabels: Readonly<Record<LabelledField, LocalizedText>> = {
  id: { ru: 'Идентификатор строки', en: 'Row id' },
  subject: { ru: 'Предмет', en: 'Subject' },
  lastName: { ru: 'Фамилия', en: 'Last name' },
  firstName: { ru: 'Имя', en: 'First name' },
  patronymic: { ru: 'Отчество', en: 'Patronymic' },
  sex: { ru: 'Пол', en: 'Sex' },
  birthDate: { ru: 'Дата рождения', en: 'Date of birth' },
  citizenship: { ru: 'Гражданство', en: 'Citizenship' },
  snils: { ru: 'СНИЛС', en: 'SNILS' },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  phone: { ru: 'Телефон', en: 'Phone' },
  position: { ru: 'Должность', en: 'Position' },
  education: { ru: 'Уровень образования', en: 'Education level' },
  diplomaSurname: { ru: 'Фамилия в дипломе', en: 'Surname in the diploma' },
  diplomaSeries: { ru: 'Серия диплома', en: 'Diploma series' },
  diplomaNumber: { ru: 'Номер диплома', en: 'Diploma number' },
  documents: { ru: 'Документы', en: 'Documents' },
  kind: { ru: 'Вид документа', en: 'Document kind' },
  documentId: { ru: 'Файл документа', en: 'Document file' },
  fullName: { ru: 'Полное наименование', en: 'Full name' },
  inn: { ru: 'ИНН', en: 'INN' },
  kpp: { ru: 'КПП', en: 'KPP' },
  ogrn: { ru: 'ОГРН', en: 'OGRN' },
  postalAddress: { ru: 'Почтовый адрес', en: 'Postal address' },
  headName: { ru: 'ФИО руководителя', en: "Head's full name" },
  headPosition: { ru: 'Должность руководителя', en: "Head's position" },
  participants: { ru: 'Список участников', en: 'Participant list' },
  organization: { ru: 'Реквизиты организации', en: 'Organization requisites' },
  paymentTerms: { ru: 'Условия оплаты', en: 'Payment terms' },
  delivery: { ru: 'Получение результатов', en: 'Results delivery' },
  platformName: { ru: 'Электронная площадка', en: 'Electronic trading platform' },
  comment: { ru: 'Комментарий', en: 'Comment' },
  consents: { ru: 'Согласия', en: 'Consents' },
  personalData: { ru: 'Согласие на обработку персональных данных', en: 'Consent to the processing of personal data' },
  dataAccuracy: { ru: 'Подтверждение достоверности сведений', en: 'Confirmation that the data are accurate' },
};

// Inside a sentence: «Не отмечено согласие на обработку персональных данных».
const consentLabels: Readonly<Record<string, LocalizedText>> = {
  personalData: { ru: 'согласие на обработку персональных данных', en: 'the consent to the processing of personal data' },
  dataAccuracy: { ru: 'подтверждение достоверности сведений', en: 'the confirmation that the data are accurate' },
};

/**
 * Names of the document kinds, as a person sees them.
 *
 * @example
 * documentKindLabels.name_change.ru //=> 'Документ о смене фамилии'
 */
export const documentKindLabels: Readonly<Record<DocumentKind, LocalizedText>> = {
  diploma: { ru: 'Диплом об образовании', en: 'Education diploma' },
  snils: { ru: 'СНИЛС', en: 'SNILS' },
  name_change: { ru: 'Документ о смене фамилии', en: 'Document on the change of surname' },
  passport: { ru: 'Паспорт', en: 'Passport' },
  employment_record: { ru: 'Сведения о трудовой деятельности', en: 'Employment record' },
  other: { ru: 'Другой документ', en: 'Other document' },
};

/**
 * Names of the education levels, as a person sees them.
 *
 * @example
 * educationLevelLabels.studying_higher.ru //=> 'получает высшее образование'
 */
export const educationLevelLabels: Readonly<Record<EducationLevel, LocalizedText>> = {
  higher: { ru: 'высшее образование', en: 'higher education' },
  secondary_vocational: { ru: 'среднее профессиональное образование', en: 'secondary vocational education' },
  studying_higher: { ru: 'получает высшее образование', en: 'studying for higher education' },
  studying_secondary_vocational: {
    ru: 'получает среднее профессиональное образование',
    en: 'studying for secondary vocational education',
  },
};

/**
 * Names of the values of the `sex` field.
 *
 * @example
 * sexLabels.female.ru //=> 'женский'
 */
export const sexLabels: Readonly<Record<Sex, LocalizedText>> = {
  male: { ru: 'мужской', en: 'male' },
  female: { ru: 'женский', en: 'female' },
};

const valueLabelsByField: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>> = {
  kind: documentKindLabels,
  education: educationLevelLabels,
  sex: sexLabels,
};

/** Label of one value of an enumerated field, or `undefined` when the field or the value has none. */
export function valueLabel(field: string | undefined, value: string): LocalizedText | undefined {
  if (field === undefined) return undefined;
  const labels = valueLabelsByField[field];
  return labels !== undefined && Object.hasOwn(labels, value) ? labels[value] : undefined;
}

/** Label of a consent checkbox for use inside a sentence, or `undefined` for an unknown consent. */
export function consentLabel(consent: string | undefined): LocalizedText | undefined {
  return consent !== undefined && Object.hasOwn(consentLabels, consent) ? consentLabels[consent] : undefined;
}

/** Label of a document kind, or `undefined` for a value that is not a document kind. */
export function documentKindLabel(kind: string): LocalizedText | undefined {
  return Object.hasOwn(documentKindLabels, kind) ? documentKindLabels[kind as DocumentKind] : undefined;
}

/** Label of a field name, or `undefined` when the table has none. */
export function fieldLabel(field: string): LocalizedText | undefined {
  return Object.hasOwn(fieldLabels, field) ? fieldLabels[field as LabelledField] : undefined;
}
