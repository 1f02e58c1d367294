/**
 * A passage's id names the article version it came from: `<slug>@v<version>#<n>`. Drafts cite
 * it, the page links it to that version, and it never changes: a later edit makes new ids.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_CHARS = 80;

const PASSAGE_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)@v(\d{1,6})#(\d{1,4})$/;

export function passageId(slug: string, version: number, ordinal: number): string {
  return `${slug}@v${version}#${ordinal}`;
}

export function parsePassageId(id: string): { slug: string; version: number; ordinal: number } | null {
  const match = PASSAGE_ID.exec(id);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { slug: match[1], version: Number(match[2]), ordinal: Number(match[3]) };
}

/** A slug from a title or file name: lowercase ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_CHARS)
    .replace(/-+$/, '');
}
