/**
 * The alphabet of code words: digits and Latin capitals without the look-alikes 0/O and 1/I/L, so that a code word
 * read aloud or copied from paper is typed right. 31 characters.
 *
 * @example
 * ```ts
 * import { codeWordAlphabet } from '@fioco-flow/core';
 *
 * codeWordAlphabet.includes('O'); //=> false
 * ```
 */
export const codeWordAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const codeWordPattern = new RegExp(`^[${codeWordAlphabet}]{4}-[${codeWordAlphabet}]{4}-[${codeWordAlphabet}]{4}$`);

/**
 * Whether a string is a well-formed code word: three groups of four characters of {@link codeWordAlphabet}.
 *
 * @example
 * ```ts
 * import { isCodeWord } from '@fioco-flow/core';
 *
 * isCodeWord('K7QM-4RTX-9BHD'); //=> true
 * isCodeWord('K7QM-4RTX-9BH0'); //=> false (0 looks like O)
 * ```
 */
export function isCodeWord(value: unknown): value is string {
  return typeof value === 'string' && codeWordPattern.test(value);
}

/**
 * Fills a byte array with random values; `crypto.getRandomValues` by default.
 *
 * @example
 * ```ts
 * import { createCodeWordGenerator, type RandomBytes } from '@fioco-flow/core';
 *
 * const zeros: RandomBytes = (bytes) => bytes.fill(0);
 * createCodeWordGenerator(zeros)(); //=> '2222-2222-2222'
 * ```
 */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const defaultRandomBytes: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * Creates a generator of random code words such as `K7QM-4RTX-9BHD` (about 59 bits of entropy). Bytes of 248 and
 * above are dropped so that each of the 31 characters is equally likely.
 *
 * @throws {Error} from the generator when the random source keeps returning only bytes of 248 and above.
 *
 * @param randomBytes the source of randomness; replace it to make tests deterministic.
 * @example
 * ```ts
 * import { createCodeWordGenerator } from '@fioco-flow/core';
 *
 * const next = createCodeWordGenerator();
 * next(); //=> e.g. 'K7QM-4RTX-9BHD'
 * ```
 */
export function createCodeWordGenerator(randomBytes: RandomBytes = defaultRandomBytes): () => string {
  const limit = Math.floor(256 / codeWordAlphabet.length) * codeWordAlphabet.length;
  return () => {
    const characters: string[] = [];
    for (let round = 0; characters.length < 12; round += 1) {
      if (round === 64) throw new Error('The random source of the code word generator returned only bytes of 248 and above: check it.');
      for (const byte of randomBytes(new Uint8Array(16))) {
        if (byte >= limit || characters.length === 12) continue;
        characters.push(codeWordAlphabet[byte % codeWordAlphabet.length] as string);
      }
    }
    return [characters.slice(0, 4), characters.slice(4, 8), characters.slice(8, 12)].map((group) => group.join('')).join('-');
  };
}
