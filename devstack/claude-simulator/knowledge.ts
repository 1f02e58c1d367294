// Picks the knowledge article most relevant to the email by plain keyword overlap (title hits
// count double). The app retrieves the articles already, so the first one is a fair fallback.
import type { KnowledgeArticle } from './prompt-reader';
import { words } from './text';

const IGNORED = new Set(
  'this that with have from your about there their what when where which would could should thanks thank please hello dear regards'.split(' '),
);

function keywords(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length >= 4 && !IGNORED.has(word)));
}

export function mostRelevantArticle(articles: readonly KnowledgeArticle[], emailText: string): KnowledgeArticle | null {
  const wanted = keywords(emailText);
  let best: KnowledgeArticle | null = articles[0] ?? null;
  let bestScore = 0;
  for (const article of articles) {
    const title = keywords(article.title);
    const body = keywords(article.body);
    let score = 0;
    for (const word of wanted) score += (title.has(word) ? 2 : 0) + (body.has(word) ? 1 : 0);
    if (score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return best;
}

/** The article's sentence that best matches the email (the first one on a tie): what a reply quotes. */
export function mostRelevantSentence(article: KnowledgeArticle, emailText: string): string {
  // Singular and plural meet ("idea" and "ideas").
  const stems = (text: string) => new Set([...keywords(text)].map((word) => word.replace(/s$/, '')));
  const wanted = stems(emailText);
  const sentences = article.body.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+(?=\s|$)|[^.!?]+$/g) ?? [article.body];
  let best = sentences[0] ?? '';
  let bestScore = 0;
  for (const sentence of sentences) {
    let score = 0;
    for (const word of stems(sentence)) if (wanted.has(word)) score += 1;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best.trim();
}
