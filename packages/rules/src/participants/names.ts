// A letter of the Cyrillic script: Russian letters with ё, and the letters of other languages written in Cyrillic
// (Tatar ә, Bashkir ҡ, Ukrainian і), so that every name in a Russian passport fits.
const LETTER = String.raw`(?:(?=\p{L})\p{Script=Cyrillic})`;
const HYPHEN = '[-\u2010\u2011]';
const APOSTROPHE = "['\u2019\u02BC]";
// Between two runs of letters: a space, or a hyphen or an apostrophe with an optional space on either side.
const SEPARATOR = `(?: ?(?:${HYPHEN}|${APOSTROPHE}) ?| )`;
const NAME_PATTERN = new RegExp(`^${LETTER}+(?:${SEPARATOR}${LETTER}+)*$`, 'u');
const ALLOWED_CHARACTER = new RegExp(`${LETTER}|${HYPHEN}|${APOSTROPHE}| `, 'u');

/** Writes a name as it is stored: Unicode NFC, no spaces around it, single spaces inside. */
export function tidyName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * Tells whether a tidied name is written in Cyrillic letters with single spaces, hyphens and apostrophes between
 * them: «Иванова-Петрова», «Мамедов оглы», «Д'Артаньян». Latin letters, digits and other signs are rejected.
 */
export function isWellFormedName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** Lists the distinct characters of a name that a name may never contain (Latin letters, digits, other signs). */
export function invalidNameCharacters(name: string): string[] {
  const found = new Set<string>();
  for (const character of name) {
    if (!ALLOWED_CHARACTER.test(character)) found.add(character);
  }
  return [...found];
}

/** Writes a name in the form in which names compare: lower case, ё as е, one kind of hyphen and apostrophe. */
export function comparableName(value: string): string {
  return tidyName(value)
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[\u2010\u2011]/gu, '-')
    .replace(/[\u2019\u02BC]/gu, "'")
    .replace(/ ?([-']) ?/gu, '$1');
}

/**
 * Tells whether two names are the same name as a person would read them. Letter case, the letters ё and е, extra
 * spaces (around a hyphen too) and the kind of hyphen or apostrophe do not matter.
 *
 * @example
 * sameName('Артём', 'АРТЕМ') //=> true
 * sameName('Иванова-Петрова', 'иванова - петрова') //=> true
 * sameName('Иванова', 'Иванов') //=> false
 */
export function sameName(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return comparableName(a) === comparableName(b);
}

/**
 * Writes a person's surname and initials: «Иванова И. И.». The patronymic is optional; without a surname the
 * given names are written in full. Returns `undefined` when no part of the name is present.
 *
 * @example
 * formatInitials('Иванова', 'Ирина', 'Игоревна') //=> 'Иванова И. И.'
 * formatInitials('Мамедов', 'Эльчин') //=> 'Мамедов Э.'
 * formatInitials(undefined, 'Ирина') //=> 'Ирина'
 */
export function formatInitials(lastName?: unknown, firstName?: unknown, patronymic?: unknown): string | undefined {
  const part = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? tidyName(value) : undefined;
  const last = part(lastName);
  const first = part(firstName);
  const middle = part(patronymic);

  if (last === undefined) {
    const given = [first, middle].filter((name) => name !== undefined).join(' ');
    return given === '' ? undefined : given;
  }
  const initials = [first, middle]
    .filter((name): name is string => name !== undefined)
    .map((name) => `${[...name][0]?.toUpperCase() ?? ''}.`);
  return [last, ...initials].join(' ');
}
