/**
 * How a draft cites what it was given: `[[cite:<passage id>]]` right after the sentence that
 * relies on it. The markers are stripped before anyone sees the text; the ids are checked
 * against the passages the drafter was given (an invented id holds the draft for a person).
 */
const MARKER = /\s?\[\[cite:\s*([^\]\s]{1,120})\s*\]\]/g;
const LEFTOVER = /\[\[\s*cite\b/i;

export interface DraftCitations {
  /** The text with every marker removed: what the agent reviews and the customer may get. */
  text: string;
  /** Cited ids in order of first citation. */
  cited: string[];
  /** What a marker that could not be read looked like, if any (never sent as is). */
  malformed: boolean;
}

export function extractCitations(body: string): DraftCitations {
  const cited: string[] = [];
  const text = body.replace(MARKER, (_match, id: string) => {
    if (!cited.includes(id)) cited.push(id);
    return '';
  });
  return { text: text.replace(/[ \t]+$/gm, ''), cited, malformed: LEFTOVER.test(text) };
}

/** The cited ids that were never given: each one is a reason to hold the draft. */
export function inventedCitations(cited: readonly string[], given: readonly string[]): string[] {
  const known = new Set(given);
  return cited.filter((id) => !known.has(id));
}

export function inventedCitationProblem(ids: readonly string[]): string {
  return `The draft cites ${ids.length === 1 ? 'a passage' : 'passages'} it was not given (${ids.join(', ')}): its facts may be made up`;
}

export const MALFORMED_CITATION_PROBLEM = 'The draft contains a citation marker that could not be read';
