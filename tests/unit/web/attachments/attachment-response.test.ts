import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadResponse, previewResponse } from '@/lib/web/attachments/attachment-response';
import { emailBodyProps } from '@/lib/web/email-body-props';
import { PDF_BYTES, PNG_BYTES } from '../../../fixtures/mime';

describe('attachment downloads', () => {
  it('are always saved, never sniffed, and can run nothing', async () => {
    const response = downloadResponse({ filename: 'Rechnung März.pdf', contentType: 'application/pdf', bytes: PDF_BYTES });
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('never echoes a declared type that is not a plain type token', () => {
    const response = downloadResponse({ filename: 'x.html', contentType: 'text/html; charset=utf-8\r\nX-Evil: 1', bytes: Buffer.from('<script>') });
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(contentDisposition('attachment', 'a"b\\c;d.txt')).toBe(`attachment; filename="a_b_c_d.txt"; filename*=UTF-8''a%22b%5Cc%3Bd.txt`);
  });

  it('previews only bytes that are a raster image, as the type the bytes are', async () => {
    const png = previewResponse({ filename: 'shot.jpg', bytes: PNG_BYTES });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toMatch(/^inline;/);
    const svg = previewResponse({ filename: 'logo.png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    expect(svg.status).toBe(415);
  });
});

describe('inline cid: images in the HTML view', () => {
  const dataUri = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;

  it('shows a known cid as its data: URI inside the sandboxed document and drops unknown ones', () => {
    const props = emailBodyProps(null, '<p>Look:</p><img src="cid:shot@x" alt="shot"><img src=\'cid:other@x\'>', { 'shot@x': dataUri });
    expect(props.htmlDocument).toContain(`src="${dataUri}"`);
    expect(props.htmlDocument).not.toContain('cid:other@x');
    expect(props.htmlDocument).toContain("img-src data:");
  });
});
