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

/** Sanitizes on the server: the browser never receives the customer's raw HTML. */
export function emailBodyProps(text: string | null, html: string | null): EmailBodyProps {
  if (!html || html.trim() === '') return { text, htmlDocument: null, htmlDocumentWithImages: null, blockedImages: 0 };
  const blocked = sanitizeEmailHtml(html);
  const withImages = blocked.blockedImages > 0 ? sanitizeEmailHtml(html, { allowRemoteImages: true }) : null;
  return {
    text: text && text.trim() !== '' ? text : null,
    htmlDocument: emailDocument(blocked.html),
    htmlDocumentWithImages: withImages ? emailDocument(withImages.html, { allowRemoteImages: true }) : null,
    blockedImages: blocked.blockedImages,
  };
}
