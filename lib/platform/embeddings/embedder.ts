import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { EMBEDDING_MODEL, modelFilePath } from './embedding-model';
import { embeddingModelPresent, EmbeddingModelError } from './fetch-embedding-model';
import { topKGraph } from './top-k-graph';

const DIM = EMBEDDING_MODEL.dimensions;

export interface Nearest {
  /** Row numbers in the matrix searched, best first. */
  rows: number[];
  /** Their cosine similarity to the query. */
  scores: number[];
}

export interface Embedder {
  readonly modelId: string;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** The `k` rows of `matrix` (`rows` x dimensions, unit rows) nearest to `query`. */
  nearest(query: Float32Array, matrix: Float32Array, rows: number, k: number): Promise<Nearest>;
}

/**
 * One thread per session: on a shared 2-core machine two threads measured slower under load
 * (p95 40 ms against 8 ms), and the worker runs other activities beside retrieval. No CPU
 * memory arena: it keeps the largest run's buffers (a batch of passages) for the process's
 * life; without it a process measured 40-65 MB smaller after embedding batches of 8, as fast.
 */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  enableCpuMemArena: false,
};

/**
 * Loads the model (about 60 MB resident) and the search graph. The files must be in place
 * (`npm run knowledge:model`, or devstack and the tests fetch them).
 */
export async function createEmbedder(modelsDir: string): Promise<Embedder> {
  if (!embeddingModelPresent(modelsDir)) {
    throw new EmbeddingModelError(`The knowledge embedding model is missing from ${modelsDir}: run \`npm run knowledge:model\`.`);
  }
  const tokenizerJson: object = JSON.parse(readFileSync(modelFilePath(modelsDir, 'tokenizer'), 'utf8')) as object;
  const tokenizer = new Tokenizer(tokenizerJson, EMBEDDING_MODEL.tokenizerConfig);
  const sepId = tokenizer.token_to_id(EMBEDDING_MODEL.tokenizerConfig.sep_token) ?? 102;
  const model = await ort.InferenceSession.create(modelFilePath(modelsDir, 'model'), SESSION_OPTIONS);
  const search = await ort.InferenceSession.create(topKGraph(DIM), SESSION_OPTIONS);

  const encode = (text: string): number[] => {
    const ids = tokenizer.encode(text).ids;
    return ids.length <= EMBEDDING_MODEL.maxTokens ? ids : [...ids.slice(0, EMBEDDING_MODEL.maxTokens - 1), sepId];
  };

  return {
    modelId: EMBEDDING_MODEL.id,
    async embed(texts) {
      if (texts.length === 0) return [];
      const encoded = texts.map(encode);
      const width = Math.max(...encoded.map((ids) => ids.length));
      const ids = new BigInt64Array(texts.length * width);
      const mask = new BigInt64Array(texts.length * width);
      encoded.forEach((row, i) => row.forEach((id, j) => { ids[i * width + j] = BigInt(id); mask[i * width + j] = 1n; }));
      const dims = [texts.length, width];
      const out = await model.run({
        input_ids: new ort.Tensor('int64', ids, dims),
        attention_mask: new ort.Tensor('int64', mask, dims),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(texts.length * width), dims),
      });
      const hidden = out[model.outputNames[0]!]!.data as Float32Array;
      // Mean over the real tokens (padding left out), then unit length: cosine is a dot product.
      return encoded.map((row, i) => {
        const vector = new Float32Array(DIM);
        for (let j = 0; j < row.length; j++) {
          const offset = (i * width + j) * DIM;
          for (let d = 0; d < DIM; d++) vector[d]! += hidden[offset + d]!;
        }
        let norm = 0;
        for (let d = 0; d < DIM; d++) norm += vector[d]! * vector[d]!;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < DIM; d++) vector[d]! /= norm;
        return vector;
      });
    },
    async nearest(query, matrix, rows, k) {
      const take = Math.min(k, rows);
      if (take <= 0) return { rows: [], scores: [] };
      const out = await search.run({
        q: new ort.Tensor('float32', query, [1, DIM]),
        V: new ort.Tensor('float32', matrix.subarray(0, rows * DIM), [rows, DIM]),
        k: new ort.Tensor('int64', BigInt64Array.from([BigInt(take)]), [1]),
      });
      return { rows: Array.from(out.indices!.data as BigInt64Array, Number), scores: Array.from(out.values!.data as Float32Array) };
    },
  };
}
