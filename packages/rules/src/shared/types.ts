/** A calendar date with no time of day and no zone, written `YYYY-MM-DD`. */
export type IsoDate = string;

/** Language of every text meant for a person: Russian by default, English on request. */
export type Locale = 'ru' | 'en';

/** A text given in both supported languages. */
export interface LocalizedText {
  readonly ru: string;
  readonly en: string;
}
