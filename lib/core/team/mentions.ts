/**
 * @mentions in a note: `@ana`, `@Ana.Lopez`, `@AnaLopez` or `@ana@example.com`. Pure, so the
 * note box can hint and the server decide with the same rules.
 */
const MENTION = /(^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}][\p{L}\p{N}._'+-]*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/** The mention tokens of a text, as written, without the @ and a sentence's last full stop. */
export function mentionTokens(text: string): string[] {
  const tokens = [...text.matchAll(MENTION)].map((match) => (match[2] ?? '').replace(/[.'-]+$/, ''));
  return [...new Set(tokens.filter(Boolean))];
}

export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

/** Every way a person may be mentioned, lower-cased. */
export function handlesOf(person: MentionCandidate): string[] {
  const email = person.email.toLowerCase();
  const words = person.name.toLowerCase().trim().split(/\s+/).filter(Boolean);
  return [...new Set([email, email.split('@')[0] ?? '', words.join(''), words.join('.'), words[0] ?? ''].filter(Boolean))];
}

export type MentionResolution =
  | { ok: true; people: MentionCandidate[] }
  | { ok: false; message: string };

/**
 * Resolves every token to exactly one person. A token matching nobody or several people is
 * refused with what to write instead; the caller then saves nothing.
 */
export function resolveMentions(tokens: string[], candidates: MentionCandidate[]): MentionResolution {
  const people = new Map<string, MentionCandidate>();
  for (const token of tokens) {
    const wanted = token.toLowerCase();
    const matches = candidates.filter((person) => handlesOf(person).includes(wanted));
    if (matches.length === 0) return { ok: false, message: `@${token} matches nobody on the team. Mention someone by name or email (e.g. @${candidates[0]?.email ?? 'name@example.com'}); the note was not saved.` };
    if (matches.length > 1) return { ok: false, message: `@${token} matches ${matches.map((person) => person.name).join(', ')}. Use their email instead; the note was not saved.` };
    const [person] = matches;
    if (person) people.set(person.id, person);
  }
  return { ok: true, people: [...people.values()] };
}
