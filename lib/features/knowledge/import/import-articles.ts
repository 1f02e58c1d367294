import { KNOWLEDGE_LIMITS } from '../../../core/knowledge/limits';
import { getDb, type Db } from '../../../platform/db';
import { saveArticleIn } from '../save-article';
import { parseImportFile, type ImportProblem } from './parse-import-file';

export type ImportResult = { ok: true; created: string[] } | { ok: false; problems: ImportProblem[] };

/**
 * Imports a folder's files (Markdown, HTML, Zendesk Guide or Help Scout Docs JSON) as new
 * articles, all or nothing: any unreadable file, article over the limit, or slug that repeats
 * (within the upload or against an existing article) refuses the whole import with every
 * problem's file, line and reason. Otherwise one transaction creates and indexes them all.
 */
export async function importArticles(
  input: { files: { name: string; bytes: Uint8Array }[]; authorId?: string; authorRole?: string },
  db: Db = getDb(),
): Promise<ImportResult> {
  if (input.files.length === 0) return { ok: false, problems: [{ file: '(none)', line: 1, reason: 'no files were uploaded' }] };
  if (input.files.length > KNOWLEDGE_LIMITS.maxImportFiles) {
    return { ok: false, problems: [{ file: '(upload)', line: 1, reason: `${input.files.length} files, over the limit of ${KNOWLEDGE_LIMITS.maxImportFiles}` }] };
  }
  const parsed = input.files.map((file) => parseImportFile(file.name, file.bytes));
  const problems = parsed.flatMap((one) => one.problems);
  const articles = parsed.flatMap((one) => one.articles);
  const seen = new Map<string, { file: string; line: number }>();
  for (const article of articles) {
    const first = seen.get(article.slug);
    if (first) problems.push({ file: article.file, line: article.line, reason: `duplicate slug "${article.slug}" (also ${first.file}, line ${first.line})` });
    else seen.set(article.slug, { file: article.file, line: article.line });
  }
  const existing = await db.article.findMany({ where: { slug: { in: [...seen.keys()] } }, select: { slug: true } });
  for (const { slug } of existing) {
    const at = seen.get(slug);
    if (at) problems.push({ file: at.file, line: at.line, reason: `duplicate slug "${slug}": an article with it exists already` });
  }
  if (problems.length > 0) return { ok: false, problems };
  await db.$transaction(
    async (tx) => {
      for (const article of articles) {
        await saveArticleIn(
          { slug: article.slug, title: article.title, body: article.body, keywords: article.keywords, source: 'import', createOnly: true, authorId: input.authorId, authorRole: input.authorRole, note: `imported from ${article.file}` },
          tx,
        );
      }
    },
    { timeout: 300_000 },
  );
  return { ok: true, created: articles.map((article) => article.slug) };
}
