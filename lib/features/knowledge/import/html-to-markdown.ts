import { htmlToText } from '../../intake/html-to-text';

/**
 * Help-centre HTML as the Markdown articles are kept in: headings stay headings (passages are
 * cut at them), list items stay items, everything else becomes text. Scripts and styles go.
 */
export function htmlToMarkdown(html: string): string {
  const marked = html
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_match, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inner.replace(/<[^>]+>/g, ' ').trim()}\n\n`)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|ul|ol|table)>/gi, '\n\n');
  return htmlToText(marked);
}

/** The title of an HTML page: its <title>, else its first <h1>. */
export function htmlTitle(html: string): string | null {
  const found = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = found?.[1] ? htmlToText(found[1]).trim() : '';
  return text || null;
}
