import { describe, expect, it } from 'vitest';
import { ImportUploadError, readImportUpload } from '../../../../lib/web/knowledge/read-import-upload';

const MB = 1024 * 1024;

/** A Zendesk Guide export of `count` articles: about 1 KB each. */
function zendeskExport(count: number): string {
  const articles = Array.from({ length: count }, (_, n) => ({ id: n + 1, title: `Article ${n + 1}`, body: `<p>${'Some help text. '.repeat(60)}</p>`, label_names: ['help'] }));
  return JSON.stringify({ articles }, null, 2);
}

function multipart(files: { name: string; text: string }[]): Request {
  const form = new FormData();
  for (const file of files) form.append('files', new File([file.text], file.name));
  return new Request('http://localhost/api/knowledge/import', { method: 'POST', body: form });
}

/** A body streamed without Content-Length, as a chunked upload arrives. */
function streamed(bytes: number, pulled: { count: number }): Request {
  const chunk = new Uint8Array(64 * 1024).fill(97);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      pulled.count += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Request('http://localhost/api/knowledge/import', {
    method: 'POST',
    body,
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    duplex: 'half',
  } as RequestInit);
}

describe('readImportUpload: the import route reads uploads past the 1 MB a server action allows', () => {
  it('reads a 1.5 MB export and a Markdown file with their names', async () => {
    const big = zendeskExport(1_400);
    expect(big.length).toBeGreaterThan(1.4 * MB);
    const files = await readImportUpload(multipart([{ name: 'export/zendesk.json', text: big }, { name: 'export/faq.md', text: '# FAQ\n\nHello.' }]));
    expect(files.map((file) => [file.name, file.bytes.byteLength])).toEqual([
      ['export/zendesk.json', Buffer.byteLength(big)],
      ['export/faq.md', 13],
    ]);
  });

  it('stops reading an upload over the limit and answers 413 with the limit', async () => {
    const pulled = { count: 0 };
    const refused = await readImportUpload(streamed(8 * MB, pulled), 2 * MB).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportUploadError);
    expect(refused).toMatchObject({ status: 413, message: expect.stringContaining('larger than the limit of 2.0 MB') });
    // Stopped soon after the limit, not after the whole body.
    expect(pulled.count).toBeLessThan(3 * MB);
  });

  it('refuses a declared Content-Length over the limit before reading, and a body that is not multipart', async () => {
    const declared = new Request('http://localhost/', { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * MB) } });
    await expect(readImportUpload(declared, 50 * MB)).rejects.toMatchObject({ status: 413 });
    const json = new Request('http://localhost/', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await expect(readImportUpload(json)).rejects.toMatchObject({ status: 415 });
    const garbled = new Request('http://localhost/', { method: 'POST', body: 'not multipart at all', headers: { 'content-type': 'multipart/form-data; boundary=zzz' } });
    await expect(readImportUpload(garbled)).rejects.toMatchObject({ status: 400 });
  });
});
