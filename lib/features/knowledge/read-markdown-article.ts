/**
 * A Markdown file as an article: the title from its first "# " heading (else the file name),
 * the body without that heading, the slug from the file name.
 */
export function readMarkdownArticle(fileName: string, text: string): { slug: string; title: string; body: string } {
  const heading = /^#\s+(.+)$/m.exec(text);
  const base = fileName.replace(/\.(md|markdown)$/i, '');
  return {
    slug: base,
    title: heading?.[1]?.trim() ?? base,
    body: (heading ? text.replace(heading[0], '') : text).trim(),
  };
}
