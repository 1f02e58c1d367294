import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readMarkdownArticle } from './read-markdown-article';
import type { KnowledgeArticle } from './types';

/**
 * The Markdown files of a knowledge folder (title from the first "# " heading), sorted by slug.
 * The product reads articles from the database (seeded from this folder at start); the offline
 * evaluations and benchmarks read the folder itself.
 */
export async function loadKnowledge(options: { dir: string }): Promise<KnowledgeArticle[]> {
  let names: string[];
  try {
    names = await readdir(options.dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const markdown = names.filter((name) => name.endsWith('.md')).sort();
  return Promise.all(markdown.map(async (name) => readMarkdownArticle(name, await readFile(path.join(options.dir, name), 'utf8'))));
}
