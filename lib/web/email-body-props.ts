import 'server-only';
import { emailDocument } from './email-document';
import { sanitizeEmailHtml } from './sanitize-email-html';

/** What the EmailBody viewer needs: plain text and/or ready-made sandbox documents. */
export interface EmailBodyProps {
  text: string | null;
  /** Sanitized HTML with remote images blocked; null when the mail has no HTML part. */
  htmlDocument: string | null;
  /** The same with remote images allowed, only when some were blocked. */
  htmlDocumentWithImages: string | null;
  blockedImages: number;
}

/**
 * Sanitizes on the server: the browser never receives the customer's raw HTML. Inline `cid:`
 * images become the data: URIs given (already checked raster images) before sanitizing, so the
 * sandboxed view shows them without fetching anything.
 */
export function emailBodyProps(text: string | null, rawHtml: string | null, cidImages: Record<string, string> = {}): EmailBodyProps {
  if (!rawHtml || rawHtml.trim() === '') return { text, htmlDocument: null, htmlDocumentWithImages: null, blockedImages: 0 };
  const html = withCidImages(rawHtml, cidImages);
  const blocked = sanitizeEmailHtml(html);
  const withImages = blocked.blockedImages > 0 ? sanitizeEmailHtml(html, { allowRemoteImages: true }) : null;
  return {
    text: text && text.trim() !== '' ? text : null,
    htmlDocument: emailDocument(blocked.html),
    htmlDocumentWithImages: withImages ? emailDocument(withImages.html, { allowRemoteImages: true }) : null,
    blockedImages: blocked.blockedImages,
  };
}

/** src="cid:…" (quoted either way, any case) replaced by the matching data: URI; unknown cids stay as they are. */
function withCidImages(html: string, images: Record<string, string>): string {
  if (Object.keys(images).length === 0) return html;
  const lower = new Map(Object.entries(images).map(([cid, uri]) => [cid.toLowerCase(), uri]));
  return html.replace(/(\ssrc\s*=\s*)(["']?)cid:([^"'\s>]+)\2/gi, (match, prefix: string, quote: string, cid: string) => {
    const uri = lower.get(safeDecode(cid).replace(/^<|>$/g, '').toLowerCase());
    return uri ? `${prefix}"${uri}"` : match;
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
