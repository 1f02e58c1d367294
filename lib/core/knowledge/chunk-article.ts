import { estimateTokens, KNOWLEDGE_LIMITS } from './limits';

export interface PassageDraft {
  /** 1-based position in the article version: the `#n` of the passage id. */
  ordinal: number;
  /** The article title and the section's heading: what the passage is about, ranked higher. */
  heading: string;
  text: string;
  tokens: number;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

interface Section {
  heading: string | null;
  paragraphs: string[];
}

/** Sections by Markdown heading; paragraphs by blank line, a fenced block kept whole. */
function sections(markdown: string): Section[] {
  const found: Section[] = [{ heading: null, paragraphs: [] }];
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    const text = paragraph.join('\n').trim();
    if (text) found.at(-1)?.paragraphs.push(text);
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (heading?.[2]) {
      flush();
      found.push({ heading: heading[2].trim(), paragraphs: [] });
    } else if (!fenced && line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return found.filter((section) => section.paragraphs.length > 0);
}

/** A paragraph longer than the maximum, split at sentence ends (or hard, as a last resort). */
function pieces(paragraph: string): string[] {
  const max = KNOWLEDGE_LIMITS.passageMaxChars;
  if (paragraph.length <= max) return [paragraph];
  const sentences = paragraph.match(/[^.!?\n]+(?:[.!?]+|\n|$)\s*/g) ?? [paragraph];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    for (let start = 0; start < sentence.length; start += max) {
      const part = sentence.slice(start, start + max);
      if (current && current.length + part.length > max) {
        out.push(current.trim());
        current = '';
      }
      current += part;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Splits an article into passages: one heading's section at a time, paragraphs gathered until
 * the target size, none over the maximum. Deterministic, so the same text gives the same ids.
 */
export function chunkArticle(title: string, markdown: string): PassageDraft[] {
  const passages: PassageDraft[] = [];
  for (const section of sections(markdown)) {
    const heading = section.heading && section.heading !== title ? `${title} › ${section.heading}` : title;
    let current = '';
    const emit = () => {
      if (!current) return;
      passages.push({ ordinal: passages.length + 1, heading, text: current, tokens: estimateTokens(`${heading}\n${current}`) });
      current = '';
    };
    for (const paragraph of section.paragraphs.flatMap(pieces)) {
      if (current && current.length + paragraph.length + 2 > KNOWLEDGE_LIMITS.passageTargetChars) emit();
      current = current ? `${current}\n\n${paragraph}` : paragraph;
    }
    emit();
  }
  return passages;
}
