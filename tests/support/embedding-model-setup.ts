import { env } from '../../lib/platform/config/env';
import { ensureEmbeddingModel } from '../../lib/platform/embeddings/fetch-embedding-model';

/**
 * Retrieval ranks knowledge with a local embedding model: fetched once (pinned by SHA-256)
 * before any test that drafts, as `npm start` does. A missing model fails the run loudly.
 */
export default async function setup(): Promise<void> {
  const config = env();
  await ensureEmbeddingModel(config.KNOWLEDGE_EMBEDDING_MODEL_DIR, { repositoryUrl: config.MAVEN_REPOSITORY_URL, log: (line) => console.log(line) });
}
