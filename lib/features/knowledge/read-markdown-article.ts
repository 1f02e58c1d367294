/**
 * A Markdown file as an article: the title from its first "# " heading (else the file name),
 * the body without that heading, the slug from the file name. Keywords come from front matter
 * as static help centres write it (`keywords:` or `tags:`, comma-separated, in brackets or as
 * a `- item` list); the front matter is not part of the body.
 */
export function readMarkdownArticle(fileName: string, text: string): { slug: string; title: string; body: string; keywords: string[] } {
  const { keywords, rest } = frontMatter(text);
  const heading = /^#\s+(.+)$/m.exec(rest);
  const base = fileName.replace(/\.(md|markdown)$/i, '');
  return {
    slug: base,
    title: heading?.[1]?.trim() ?? base,
    body: (heading ? rest.replace(heading[0], '') : rest).trim(),
    keywords,
  };
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const YAML_LINE = /^(?:[\w-]+:.*|\s+.*|\s*-\s.*|\s*#.*|\s*)$/;
const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

function frontMatter(text: string): { keywords: string[]; rest: string } {
  const found = FRONT_MATTER.exec(text);
  // Only YAML-looking lines: an article that opens with a rule ("---") keeps its text.
  if (!found?.[1] || !found[1].split(/\r?\n/).every((line) => YAML_LINE.test(line))) return { keywords: [], rest: text };
  const keywords: string[] = [];
  let inList = false;
  for (const line of found[1].split(/\r?\n/)) {
    const key = /^(\w[\w-]*):\s*(.*)$/.exec(line);
    if (key) {
      inList = /^(keywords|tags)$/i.test(key[1] ?? '');
      const inline = (key[2] ?? '').replace(/^\[|\]$/g, '');
      if (inList && inline.trim()) keywords.push(...inline.split(',').map(unquote));
      continue;
    }
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (inList && item?.[1]) keywords.push(unquote(item[1]));
  }
  return { keywords: keywords.filter(Boolean), rest: text.slice(found[0].length) };
}
