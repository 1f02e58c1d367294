/**
 * Token edges for scripts with and without spaces. Latin, Cyrillic and Greek letters or digits
 * next to a token make it part of a longer word; Japanese and Chinese characters do not, since
 * those scripts write "2営業日以内" with no space around the number.
 */
export const WORD_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}]';
export const LETTER = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}]';
/** Nothing word-like before. */
export const START = `(?<!${WORD_CHAR})`;
/** Nothing word-like after. */
export const END = `(?!${WORD_CHAR})`;
