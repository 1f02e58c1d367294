import sanitizeHtml from 'sanitize-html';

/**
 * Customer HTML made inert: formatting survives; scripts, event handlers, forms, frames,
 * <style>/<link>, `javascript:` URLs and CSS that can fetch anything do not. Remote images
 * (tracking pixels, and a way to confirm a mailbox is read) are swapped for a placeholder
 * unless the agent asks for them. The result is still shown in a sandboxed iframe with a
 * restrictive CSP (emailDocument), so a sanitizer gap is not enough on its own.
 */
export interface SanitizedEmail {
  html: string;
  /** Remote images replaced by the placeholder; 0 means no "show images" toggle is needed. */
  blockedImages: number;
}

export const BLOCKED_IMAGE_SRC =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="24"><rect width="120" height="24" fill="#e2e8f0"/><text x="60" y="16" font-size="11" text-anchor="middle" fill="#475569" font-family="sans-serif">image blocked</text></svg>',
  );

// No display/visibility/height: hidden text is how injected instructions hide from people.
// CSS values may not call functions (url(), image-set(), expression(), var()...) or escape.
const SAFE_VALUE = [/^(?!.*[()\\]).*$/];
const STYLE_PROPERTIES = [
  'color', 'background-color', 'text-align', 'text-decoration', 'font-weight', 'font-style', 'font-size',
  'font-family', 'line-height', 'margin', 'margin-top', 'margin-bottom', 'margin-left', 'margin-right',
  'padding', 'padding-top', 'padding-bottom', 'padding-left', 'padding-right', 'border', 'border-collapse',
  'width', 'max-width', 'vertical-align', 'white-space',
];

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'center', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'ol', 'p', 'pre', 's', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];

function isRemote(src: string): boolean {
  return /^https?:/i.test(src.trim());
}

export function sanitizeEmailHtml(html: string, options: { allowRemoteImages?: boolean } = {}): SanitizedEmail {
  let blockedImages = 0;
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['style', 'title', 'align', 'dir', 'lang'],
      // target and rel are always overwritten by transformTags.a below.
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      font: ['color', 'size', 'face'],
      table: ['width', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
      td: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor'],
      th: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor'],
      col: ['span', 'width'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((property) => [property, SAFE_VALUE])) },
    // Their text is code or chrome, not message: drop it with the tag.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object', 'svg', 'math'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: (tagName, attribs) => {
        const src = attribs.src ?? '';
        if (options.allowRemoteImages || !isRemote(src)) return { tagName, attribs };
        blockedImages += 1;
        return { tagName, attribs: { ...attribs, src: BLOCKED_IMAGE_SRC, alt: attribs.alt ? `[blocked image: ${attribs.alt}]` : '[blocked image]' } };
      },
    },
  });
  return { html: clean, blockedImages };
}
