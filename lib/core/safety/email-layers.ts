/**
 * Everything in an email that a model reads but a person may not notice, as plain text for
 * the screening: the visible text with quote markers removed (instructions hide in quoted
 * "earlier replies"), and the HTML's hidden layers (comments, hidden elements, attribute
 * text such as alt and title). Zero-width characters, often used to split trigger words,
 * are removed. Pure string work: no DOM, no HTML is ever rendered.
 */

const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#64': '@', '#x40': '@' };

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code) % 0x110000))
    .replace(/&#x([0-9a-f]+);/gi, (_match, code: string) => String.fromCodePoint(parseInt(code, 16) % 0x110000))
    .replace(/&([a-z]+|#x?[0-9a-f]+);/gi, (match, name: string) => ENTITIES[name.toLowerCase()] ?? match);
}

/** Quote markers ("> ", "| ", ">>") stripped from the start of every line. */
export function unquote(text: string): string {
  return text.replace(/^[ \t]*(?:[>|][ \t]?)+/gm, '');
}

/** The text of an HTML body, hidden parts included: comment contents, alt/title values, every element's text. */
export function htmlLayers(html: string): string {
  const attributes = [...html.matchAll(/\b(?:alt|title|aria-label|data-[\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((match) => match[2] ?? match[3] ?? '');
  const body = html
    .replace(/<!--([\s\S]*?)-->/g, ' $1 ')
    .replace(/<\s*(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities([body, ...attributes].join('\n'));
}

// Cyrillic and Greek letters that look like Latin ones ("Аssistant" with a Cyrillic А): mapped to
// the Latin letter they imitate before matching (a small subset of Unicode's confusables).
const CONFUSABLES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', ρ: 'p',
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'g');
const ONLY_CONFUSABLE = new RegExp(`^[${Object.keys(CONFUSABLES).join('')}]+$`);

// Only words that mix scripts ("Аssistant") or are spelled entirely in look-alikes ("АІ") are
// rewritten: real Russian or Greek text stays readable for the screening in those languages.
function unconfuse(text: string): string {
  return text.replace(/\p{L}+/gu, (word) =>
    /\p{Script=Latin}/u.test(word) || ONLY_CONFUSABLE.test(word) ? word.replace(CONFUSABLE, (char) => CONFUSABLES[char] ?? char) : word,
  );
}

// Base64 runs long enough to carry a sentence; decoded, they are one more layer to read.
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])/g;

/** Text hidden in base64 runs, when it decodes to readable words. */
export function decodedPayloads(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    if (!/[A-Z]/.test(match[0]) || !/[a-z]/.test(match[0])) continue; // an id or a hash, not encoded prose
    let decoded: string;
    try {
      decoded = atob(match[0].padEnd(Math.ceil(match[0].length / 4) * 4, '='));
    } catch {
      continue;
    }
    const printable = decoded.replace(/[^\x20-\x7E\n]/g, '').length / Math.max(1, decoded.length);
    if (printable > 0.95 && /[a-z]{3,} [a-z]{2,}/i.test(decoded)) found.push(decoded);
  }
  return found;
}

// "anna dot berg at example dot com", "anna[at]example(dot)com": an address written to dodge filters.
const SPELLED_ADDRESS =
  /\b([a-z0-9][a-z0-9._-]*(?:\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*[a-z0-9_-]+)*)\s*(?:\(at\)|\[at\]|\bat\b)\s*([a-z0-9-]+(?:\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*[a-z0-9-]+)+)\b/gi;

/** Addresses spelled out in words, as real addresses. */
export function spelledAddresses(text: string): string[] {
  const dots = (part: string) => part.replace(/\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*/gi, '.');
  return [...text.matchAll(SPELLED_ADDRESS)]
    .filter((match) => /dot|\(at\)|\[at\]/i.test(match[0]))
    .map((match) => `${dots(match[1] ?? '')}@${dots(match[2] ?? '')}`.toLowerCase())
    .filter((address) => /^[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(address));
}

/** Every layer as one text for pattern screening, normalised for matching. */
export function emailLayers(text: string, html?: string | null): string {
  const layers = [unquote(text), html ? unquote(htmlLayers(html)) : ''].join('\n');
  const plain = unconfuse(layers.replace(ZERO_WIDTH, '').normalize('NFKC'));
  return [plain, ...decodedPayloads(plain), ...spelledAddresses(plain)].join('\n');
}

// "On …, Support <support@…> wrote:" in the languages mail clients write it.
const ATTRIBUTION = /(?:wrote|schrieb|hat geschrieben|a écrit|escribió|scrisse|ha scritto|escreveu|schreef|heeft geschreven|skrev|написал[аи]?|пишет|書きました|のメッセージ)\s*[:：]?\s*$/iu;
const ORIGINAL_HEADER = /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|исходное сообщение|forwarded message)\s*-{2,}\s*$/i;
const ADDRESS_IN = /[a-z0-9._%+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/gi;

function mentionsOwnDomain(line: string, ownDomains: readonly string[]): boolean {
  return [...line.matchAll(ADDRESS_IN)].some((match) => {
    const domain = (match[1] ?? '').toLowerCase();
    return ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
  });
}

/**
 * The parts of an email that present themselves as an earlier reply of ours: a quoted block
 * ("> ...") after an attribution line naming one of our addresses ("On Mon, Support
 * <support@…> wrote:"), or everything after an "Original Message" header whose From is ours.
 */
export function quotedFromUs(text: string, ownDomains: readonly string[]): string[] {
  const lines = text.split(/\r?\n/);
  const blocks: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (ATTRIBUTION.test(line) && mentionsOwnDomain(line, ownDomains)) {
      const quoted: string[] = [];
      while (index + 1 < lines.length && /^\s*>/.test(lines[index + 1] ?? '')) quoted.push(lines[++index] ?? '');
      if (quoted.length > 0) blocks.push(unquote(quoted.join('\n')));
    } else if (ORIGINAL_HEADER.test(line.trim())) {
      const rest = lines.slice(index + 1);
      const from = rest.slice(0, 6).find((candidate) => /^\s*(?:from|von|de|da|van|от)\s*:/i.test(candidate));
      if (from && mentionsOwnDomain(from, ownDomains)) {
        blocks.push(rest.filter((candidate) => !/^\s*(?:from|sent|to|cc|subject|date|von|gesendet|an|betreff|datum|de|envoyé|à|objet|da|inviato|a|oggetto|van|verzonden|aan|onderwerp|от|кому|тема)\s*:/i.test(candidate)).join('\n'));
      }
      break;
    }
  }
  return blocks.map((block) => block.trim()).filter(Boolean);
}
