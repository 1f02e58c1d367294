/**
 * Sentences of a draft in any script: Latin and Cyrillic full stops, question and exclamation
 * marks, the CJK ideographic full stop and full-width marks, and line breaks. A full stop after
 * an abbreviation ("Sr.", "ул.", "dott.ssa") or a German ordinal ("am 14. Mai") does not end a
 * sentence, so a title stays with its name and a date stays whole.
 */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATION =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|st|sr|sra|srta|sig|sig\.ra|dott|dott\.ssa|prof|ing|avv|mme|mlle|m|dhr|mevr|hr|fr|nr|no|n|nº|art|ca|bzw|z\.b|etc|vs|av|apto|ул|д|кв|пр|г|стр|корп|тел|e\.g|i\.e)$/i;
const TERMINATOR = /[.!?。！？]+|\n+/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index);
    const after = text.slice(end, end + 2);
    if (match[0] === '.' && (ABBREVIATION.test(before) || ordinal(before, text.slice(end)) || (after !== '' && !/^\s/.test(after)))) continue;
    push(sentences, text, start, end);
    start = end;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

// "am 14. Mai", "der 3. Versuch": a number and a full stop before a month or a lowercase word.
function ordinal(before: string, rest: string): boolean {
  return /(?:^|\s)\d{1,2}$/.test(before) && (/^\s*\p{Ll}/u.test(rest) || /^\s*(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)/iu.test(rest));
}

function push(into: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) into.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
}

/** The sentence that holds an offset of the text. */
export function sentenceAt(sentences: readonly Sentence[], index: number): string {
  return sentences.find((sentence) => index >= sentence.start && index < sentence.end)?.text ?? '';
}
