import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DbClient } from '../../platform/db/client';
import type { KnowledgeArticle } from './types';

/**
 * Team knowledge: markdown files (title from the first "# " heading) plus database
 * articles. Sorted by slug so the prompt prefix is byte-identical between calls and the
 * prompt cache can serve it.
 */
export async function loadKnowledge(options: { dir: string; db?: DbClient }): Promise<KnowledgeArticle[]> {
  const [files, rows] = await Promise.all([loadMarkdownDir(options.dir), options.db?.knowledgeArticle.findMany() ?? []]);
  const fromDb = rows.map((row) => ({ slug: row.slug, title: row.title, body: row.body }));
  const bySlug = new Map([...files, ...fromDb].map((article) => [article.slug, article]));
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

async function loadMarkdownDir(dir: string): Promise<KnowledgeArticle[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const markdown = names.filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    markdown.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      const heading = /^#\s+(.+)$/m.exec(text);
      return {
        slug: name.replace(/\.md$/, ''),
        title: heading?.[1]?.trim() ?? name,
        body: text.replace(/^#\s+.+$/m, '').trim(),
      };
    }),
  );
}
