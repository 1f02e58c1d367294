/**
 * Where to go after signing in. Only same-site absolute paths are honoured: `//evil.com`,
 * `/\evil.com` and full URLs would turn the sign-in page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines from URLs, so `/\t/evil.com` would become `//evil.com`.
  if ([...next].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/api/')) return fallback;
  return next;
}
