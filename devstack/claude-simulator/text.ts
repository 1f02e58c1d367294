// Small, dependency-free text helpers shared by the heuristics and the draft writer.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Prompts may XML-escape untrusted text so it cannot close our tags; read it unescaped. */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_match, name: string) => ENTITIES[name] ?? '');
}

export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const [, name, doubleQuoted, singleQuoted] = match;
    if (name) attributes[name.toLowerCase()] = decodeEntities(doubleQuoted ?? singleQuoted ?? '');
  }
  return attributes;
}

/** Lower-cased words (letters and digits, any script), for keyword overlap and stopword counts. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

export function countMatches(text: string, pattern: RegExp): number {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))].length;
}

export function firstSentence(text: string, maxLength = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^.+?[.!?](?=\s|$)/.exec(flat);
  const sentence = match ? match[0] : flat;
  return sentence.length > maxLength ? `${sentence.slice(0, maxLength - 1).trimEnd()}…` : sentence;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Case-insensitive regex matching any of the given regex fragments as whole words. */
export function anyOf(fragments: readonly string[], flags = 'i'): RegExp {
  return new RegExp(`\\b(?:${fragments.join('|')})\\b`, flags);
}
