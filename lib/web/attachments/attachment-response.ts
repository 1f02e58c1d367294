import { sniffPreviewImage } from '../../core/mail/attachment-policy';

const SIMPLE_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

// Nothing in a served file may run or load anything, wherever a browser shows it.
const SAFE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
};

/**
 * A customer's file as a download: always `Content-Disposition: attachment` (the browser saves
 * it, never renders it on our origin), its declared type only when that is a plain type token.
 */
export function downloadResponse(file: { filename: string; contentType: string; bytes: Buffer }): Response {
  const type = SIMPLE_TYPE.test(file.contentType) ? file.contentType : 'application/octet-stream';
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...SAFE_HEADERS, 'Content-Type': type, 'Content-Length': String(file.bytes.length), 'Content-Disposition': contentDisposition('attachment', file.filename) },
  });
}

/**
 * An image preview: only when the bytes are a raster image (PNG, JPEG, GIF, WebP), served as
 * the type the bytes are, never the type the sender claimed; SVG and everything else: 415.
 */
export function previewResponse(file: { filename: string; bytes: Buffer }): Response {
  const type = sniffPreviewImage(file.bytes);
  if (!type) return Response.json({ error: 'not_previewable', message: `${file.filename} is not an image that can be previewed; download it instead.` }, { status: 415 });
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...SAFE_HEADERS, 'Content-Type': type, 'Content-Length': String(file.bytes.length), 'Content-Disposition': contentDisposition('inline', file.filename) },
  });
}
