import { slugify } from '../../lib/core/knowledge/passage-id';
import { MENUS, TOPICS } from './topics';

export interface GeneratedArticle {
  slug: string;
  title: string;
  body: string;
  keywords: string[];
}

export interface LabelledQuestion {
  question: string;
  /** The one article that answers it. */
  slug: string;
  /** `tune`: wordings retrieval may be tuned on; `held-out`: reported only. */
  split: QuestionSplit;
}

export type QuestionSplit = 'tune' | 'held-out';

const ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pl', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['x', 'n', 'r', 'l', 'm', 'sk', 'nt', 'rd', 'ph', 'v'];

/** mulberry32: the same articles and questions on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Distinct invented product names ("Brionex", "Stealm"), capitalised. */
function productNames(count: number, random: () => number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = `${pick(random, ONSETS)}${pick(random, VOWELS)}${pick(random, ONSETS)}${pick(random, VOWELS)}${pick(random, CODAS)}`;
    names.add(name.charAt(0).toUpperCase() + name.slice(1));
  }
  return [...names];
}

const fill = (text: string, values: { p: string; n: number; m: string }) => text.replaceAll('{p}', values.p).replaceAll('{n}', String(values.n)).replaceAll('{m}', values.m);

// How customers wrap a question in an email: greetings and context around it. The held-out
// half has its own wrappers, so nothing tuned on the tuning half's small talk carries over.
const WRAPPERS = {
  tune: [
    (q: string) => q,
    (q: string) => `Hi there,\n\n${q}? We have used it for a couple of months and this is getting urgent for our team.\n\nThanks,\nSam`,
    (q: string) => `Hello support, quick one: ${q}. Cheers`,
  ],
  'held-out': [
    (q: string) => q,
    (q: string) => `Good morning,\n\n${q}\n\nI looked through your help pages but could not find it. Kind regards,\nPriya Shah\nOperations lead`,
    (q: string) => `Hey folks - ${q}. Our whole office depends on this tool, please get back to me today.`,
  ],
} satisfies Record<QuestionSplit, ((q: string) => string)[]>;

/**
 * A help centre of `products × topics` articles (5,000 by default: 250 invented products, 20
 * topics), and labelled questions about randomly chosen ones (`questions` per half, 240 by
 * default), in the wording of TOPICS' tuning or held-out questions, some wrapped in an email.
 */
export function generateKnowledge(options: { articles?: number; questions?: number; seed?: number } = {}): { articles: GeneratedArticle[]; questions: LabelledQuestion[] } {
  const random = prng(options.seed ?? 23);
  const products = productNames(Math.ceil((options.articles ?? 5_000) / TOPICS.length), random);
  const articles: (GeneratedArticle & { product: string; topic: number })[] = [];
  for (const product of products) {
    TOPICS.forEach((topic, index) => {
      const values = { p: product, n: 2 + Math.floor(random() * 90), m: pick(random, MENUS) };
      const title = `${product}: ${topic.title}`;
      const intro = fill('This article applies to every {p} plan unless a section says otherwise.', values);
      const body = [intro, ...topic.sections.map((section) => `## ${section.heading}\n\n${fill(section.text, values)}`)].join('\n\n');
      articles.push({ slug: slugify(title), title, body, keywords: topic.keywords, product, topic: index });
    });
  }
  const wanted = articles.slice(0, options.articles ?? 5_000);
  const count = options.questions ?? 240;
  // Each half draws its own articles: the held-out PRNG is separate, so the tuning half is the
  // same questions it was before the split existed.
  const ask = (split: QuestionSplit, draw: () => number): LabelledQuestion[] => {
    const questions: LabelledQuestion[] = [];
    for (let i = 0; i < count; i += 1) {
      const article = pick(draw, wanted);
      const topic = TOPICS[article.topic];
      if (!topic) continue;
      const question = fill(pick(draw, split === 'tune' ? topic.questions : topic.heldOut), { p: article.product, n: 0, m: '' });
      questions.push({ question: pick(draw, WRAPPERS[split])(question), slug: article.slug, split });
    }
    return questions;
  };
  const questions = [...ask('tune', random), ...ask('held-out', prng((options.seed ?? 23) + 1))];
  return { articles: wanted.map(({ slug, title, body, keywords }) => ({ slug, title, body, keywords })), questions };
}
