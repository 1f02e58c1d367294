import 'dotenv/config';
import { env } from '../lib/platform/config/env';
import { ensureEmbeddingModel, EmbeddingModelError } from '../lib/platform/embeddings/fetch-embedding-model';

/** `npm run knowledge:model`: puts the knowledge embedding model where the worker loads it. */
const config = env();
try {
  await ensureEmbeddingModel(config.KNOWLEDGE_EMBEDDING_MODEL_DIR, { repositoryUrl: config.MAVEN_REPOSITORY_URL, log: (line) => console.log(line) });
  console.log(`Knowledge embedding model present in ${config.KNOWLEDGE_EMBEDDING_MODEL_DIR}`);
} catch (error) {
  console.error(error instanceof EmbeddingModelError ? error.message : error);
  process.exit(1);
}
