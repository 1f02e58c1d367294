import { z } from 'zod';
import { KNOWLEDGE_LIMITS } from '../../../core/knowledge/limits';
import { slugify } from '../../../core/knowledge/passage-id';
import { articleInputSchema, type ArticleInput } from '../article-schemas';
import { readMarkdownArticle } from '../read-markdown-article';
import { htmlTitle, htmlToMarkdown } from './html-to-markdown';

/** Why one file (or one article in it) cannot be imported, and where. */
export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ParsedFile {
  articles: (ArticleInput & { file: string; line: number })[];
  problems: ImportProblem[];
}

// Zendesk Guide (Help Center API: {"articles": [...]}, or one {"article": {...}}) and Help Scout
// Docs ({"articles": {"items": [...]}} or {"article": {...}}); extra fields are ignored.
// Their keywords come along: Zendesk's `label_names`, Help Scout's `keywords`.
const zendeskArticle = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  title: z.string(),
  body: z.string().nullable(),
  draft: z.boolean().optional(),
  label_names: z.array(z.string()).optional(),
});
const helpScoutArticle = z.object({
  id: z.string().optional(),
  name: z.string(),
  text: z.string(),
  slug: z.string().optional(),
  status: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});
const exportSchema = z.union([
  z.object({ articles: z.array(z.unknown()) }),
  z.object({ articles: z.object({ items: z.array(z.unknown()) }) }),
  z.object({ article: z.unknown() }),
]);

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

function check(file: string, line: number, input: { slug: string; title: string; body: string; keywords?: string[] }): ParsedFile {
  const parsed = articleInputSchema.safeParse(input);
  if (parsed.success) return { articles: [{ ...parsed.data, file, line }], problems: [] };
  const issue = parsed.error.issues[0];
  // An article over the limit: the line where it crosses it.
  const over = issue?.path[0] === 'body' && input.body.length > KNOWLEDGE_LIMITS.maxArticleChars;
  const where = over ? line + lineAt(input.body, KNOWLEDGE_LIMITS.maxArticleChars) - 1 : line;
  return { articles: [], problems: [{ file, line: where, reason: `${String(issue?.path[0] ?? 'article')}: ${issue?.message ?? 'invalid'}` }] };
}

function titleOf(item: unknown): string {
  const record = (item ?? {}) as { title?: unknown; name?: unknown };
  return JSON.stringify(record.title ?? record.name ?? '');
}

function parseJson(file: string, text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'parse error';
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    return { articles: [], problems: [{ file, line: line ? Number(line) : position ? lineAt(text, Number(position)) : 1, reason: `not valid JSON (${message})` }] };
  }
  const shape = exportSchema.safeParse(data);
  if (!shape.success) return { articles: [], problems: [{ file, line: 1, reason: 'not a Zendesk Guide or Help Scout Docs export (no "articles" or "article")' }] };
  const items = 'article' in shape.data ? [shape.data.article] : Array.isArray(shape.data.articles) ? shape.data.articles : shape.data.articles.items;
  const result: ParsedFile = { articles: [], problems: [] };
  let searchFrom = 0;
  items.forEach((item, index) => {
    // The item's line: where its title (or name) appears, searched in order through the file.
    const key = titleOf(item);
    const at = text.indexOf(key, searchFrom);
    if (at >= 0) searchFrom = at + key.length;
    const line = at >= 0 ? lineAt(text, at) : 1;
    const zendesk = zendeskArticle.safeParse(item);
    const helpScout = helpScoutArticle.safeParse(item);
    let one: ParsedFile;
    if (zendesk.success) {
      if (zendesk.data.draft) return;
      const { title, body, id, label_names: keywords } = zendesk.data;
      one = check(file, line, { slug: slugify(title) || `article-${String(id ?? index + 1)}`, title, body: htmlToMarkdown(body ?? ''), keywords });
    } else if (helpScout.success) {
      if (helpScout.data.status === 'notpublished') return;
      const { name, text: html, slug, keywords } = helpScout.data;
      one = check(file, line, { slug: slugify(slug ?? name), title: name, body: htmlToMarkdown(html), keywords });
    } else {
      one = { articles: [], problems: [{ file, line, reason: `article ${index + 1}: needs a title and a body (Zendesk) or a name and a text (Help Scout)` }] };
    }
    result.articles.push(...one.articles);
    result.problems.push(...one.problems);
  });
  return result;
}

/**
 * One uploaded file as articles: Markdown (title from the first "# "), HTML (title from
 * <title> or <h1>), or a help-centre JSON export. Never throws: what cannot be read is a
 * problem with its line.
 */
export function parseImportFile(file: string, bytes: Uint8Array): ParsedFile {
  if (bytes.byteLength > KNOWLEDGE_LIMITS.maxImportFileBytes) {
    return { articles: [], problems: [{ file, line: 1, reason: `the file has ${bytes.byteLength} bytes, over the limit of ${KNOWLEDGE_LIMITS.maxImportFileBytes}` }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { articles: [], problems: [{ file, line: 1, reason: 'not UTF-8 text' }] };
  }
  const base = file.split('/').pop() ?? file;
  const lower = base.toLowerCase();
  if (lower.endsWith('.json')) return parseJson(file, text);
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const article = readMarkdownArticle(base, text);
    return check(file, 1, { ...article, slug: slugify(article.slug) });
  }
  if (lower.endsWith('.html') || lower.endsWith('.htm')) {
    const name = base.replace(/\.html?$/i, '');
    const body = text.replace(/<title\b[\s\S]*?<\/title>/i, '').replace(/<h1\b[\s\S]*?<\/h1>/i, '');
    return check(file, 1, { slug: slugify(name), title: htmlTitle(text) ?? name, body: htmlToMarkdown(body) });
  }
  return { articles: [], problems: [{ file, line: 1, reason: 'not a Markdown, HTML or JSON file' }] };
}
