/**
 * PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form
 * (the driver would write U+FFFD silently). Hostile or broken mail carries both, in any field:
 * the body, a header, a DKIM selector that ends up in the auth results, an SMTP envelope. One
 * rule for all of them: each becomes U+FFFD, visibly, and the caller learns that it happened
 * so the mail is stored and flagged instead of failing (451) on every delivery.
 */
const UNSTORABLE = new RegExp(`${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`, 'g');

export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}

/**
 * Every string in a value (object keys too, through plain objects and arrays) made storable.
 * Bytes (`Uint8Array`), dates and other class instances pass through untouched: raw MIME is
 * bytea and keeps exactly what arrived.
 */
export function storable<T>(value: T): { value: T; replaced: boolean } {
  let replaced = false;
  const clean = (text: string): string => {
    const result = storableText(text);
    if (result !== text) replaced = true;
    return result;
  };
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return clean(item);
    if (Array.isArray(item)) return item.map(walk);
    if (item !== null && typeof item === 'object' && isPlain(item)) {
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [clean(key), walk(entry)]));
    }
    return item;
  };
  const result = walk(value) as T;
  return { value: result, replaced };
}

function isPlain(item: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(item);
  return prototype === Object.prototype || prototype === null;
}
