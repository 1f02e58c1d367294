import { Prisma } from '../../platform/db/generated/client';
import type { DbClient } from '../../platform/db';
import { env } from '../../platform/config/env';
import { createEmbedder, type Embedder } from '../../platform/embeddings/embedder';
import { EMBEDDING_MODEL } from '../../platform/embeddings/embedding-model';

/**
 * Every embedded passage's vector, held in this process's memory and searched there (the
 * database has no vector type here). PostgreSQL is the truth: vectors are written there by
 * whichever worker embeds a passage, and each process loads what is new since it last looked.
 * Only ids leave this module: which passages are current, unarchived and fit is decided by SQL.
 */
export interface PassageVectors {
  /** Passage ids nearest in meaning to `text`, best first, cosine at least `minScore`. */
  nearest(text: string, k: number, minScore: number): Promise<string[]>;
}

const DIM = EMBEDDING_MODEL.dimensions;
/** How often a retrieval looks for vectors other processes wrote (one small query). */
const REFRESH_EVERY_MS = 1_000;
/** Passages a retrieval embeds itself when it finds them missing: the article just saved. */
const INLINE_EMBED = 16;
/**
 * Rows per model call when embedding. Measured on 256 passages: batches of 8 as fast as 32 (less
 * padding) and about 50 MB less resident, since attention's memory grows with batch × length².
 */
const BATCH = 8;
/**
 * Vectors written up to this long before the newest one seen are read again: embeddedAt is set
 * by the writer's clock at commit time, and a slower writer can commit an older stamp later.
 */
const OVERLAP_MS = 10_000;

/** The text a passage is embedded as: its heading (article title › section) and its words. */
const passageText = (heading: string, text: string) => `${heading}\n${text}`;

let sharedEmbedder: Promise<Embedder> | undefined;

/** The process's one model, loaded on first use (about 60 MB; never in the web process). */
export function processEmbedder(): Promise<Embedder> {
  sharedEmbedder ??= createEmbedder(env().KNOWLEDGE_EMBEDDING_MODEL_DIR).catch((error: unknown) => {
    sharedEmbedder = undefined;
    throw error;
  });
  return sharedEmbedder;
}

/**
 * Embeds current passages of unarchived articles that have no vector from this model yet,
 * `limit` at most, and stores the vectors. Returns how many it embedded. `newOnly` looks only
 * at passages never embedded (an index lookup, cheap enough for every retrieval's refresh);
 * otherwise vectors of another model are replaced too (the scheduled job, after a model change).
 */
export async function embedMissingPassages(
  db: DbClient,
  options: { limit?: number; newOnly?: boolean; embedder?: Embedder; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const embedder = options.embedder ?? (await processEmbedder());
  let done = 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  while (done < limit) {
    const rows = await db.$queryRaw<{ id: string; heading: string; text: string }[]>`
      SELECT p."id", p."heading", p."text"
      FROM "Passage" p
      JOIN "Article" a ON a."id" = p."articleId" AND NOT a."archived"
      JOIN "ArticleVersion" v ON v."id" = p."articleVersionId" AND v."version" = a."currentVersion"
      WHERE ${options.newOnly ? Prisma.sql`p."embeddingModel" IS NULL` : Prisma.sql`p."embeddingModel" IS DISTINCT FROM ${embedder.modelId}`}
      ORDER BY p."id"
      LIMIT ${Math.min(BATCH, limit - done)}`;
    if (rows.length === 0) break;
    const vectors = await embedder.embed(rows.map((row) => passageText(row.heading, row.text)));
    await db.$executeRaw`
      UPDATE "Passage" AS p
      SET "embedding" = data.e, "embeddingModel" = ${embedder.modelId}, "embeddedAt" = clock_timestamp()
      FROM unnest(${rows.map((row) => row.id)}::text[], ${vectors.map((vector) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength))}::bytea[]) AS data(id, e)
      WHERE p."id" = data.id`;
    done += rows.length;
    options.onBatch?.(done);
  }
  return done;
}

class VectorTable {
  private ids: string[] = [];
  private rowOf = new Map<string, number>();
  private matrix = new Float32Array(1024 * DIM);
  private newestSeen: Date | undefined;
  private lastRefresh = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  private readonly embedder: () => Promise<Embedder>;
  private readonly now: () => number;

  constructor(
    private readonly db: DbClient,
    options: VectorOptions,
  ) {
    this.embedder = options.embedder ?? processEmbedder;
    this.now = options.now ?? Date.now;
  }

  async nearest(text: string, k: number, minScore: number): Promise<string[]> {
    const embedder = await this.embedder();
    await this.refresh(embedder);
    if (this.ids.length === 0) return [];
    const [query] = await embedder.embed([text]);
    const found = await embedder.nearest(query!, this.matrix, this.ids.length, k);
    return found.rows.filter((_, i) => found.scores[i]! >= minScore).map((row) => this.ids[row]!);
  }

  /** At most once a second per process; concurrent retrievals share one refresh. */
  private refresh(embedder: Embedder): Promise<void> {
    if (this.now() - this.lastRefresh < REFRESH_EVERY_MS) return Promise.resolve();
    this.refreshing ??= this.load(embedder).finally(() => {
      this.lastRefresh = this.now();
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(embedder: Embedder): Promise<void> {
    // An article saved a moment ago is searchable by meaning at once; a bulk import is embedded
    // by the scheduled job (embedKnowledge), and found by its words meanwhile.
    await embedMissingPassages(this.db, { limit: INLINE_EMBED, newOnly: true, embedder });
    const since = this.newestSeen ? new Date(this.newestSeen.getTime() - OVERLAP_MS) : new Date(0);
    const rows = await this.db.$queryRaw<{ id: string; embedding: Uint8Array; embeddedAt: Date }[]>(Prisma.sql`
      SELECT "id", "embedding", "embeddedAt" FROM "Passage"
      WHERE "embeddingModel" = ${embedder.modelId} AND "embeddedAt" > ${since}
      ORDER BY "embeddedAt"`);
    for (const row of rows) {
      if (row.embedding.byteLength !== DIM * 4) continue;
      this.put(row.id, new Float32Array(Uint8Array.from(row.embedding).buffer));
      if (!this.newestSeen || row.embeddedAt > this.newestSeen) this.newestSeen = row.embeddedAt;
    }
  }

  private put(id: string, vector: Float32Array): void {
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if ((row + 1) * DIM > this.matrix.length) {
        const grown = new Float32Array(this.matrix.length * 2);
        grown.set(this.matrix);
        this.matrix = grown;
      }
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.matrix.set(vector, row * DIM);
  }
}

export interface VectorOptions {
  /** Default: the process's one model. */
  embedder?: () => Promise<Embedder>;
  /** The clock the once-a-second refresh reads; tests move it. */
  now?: () => number;
}

/** A table of its own (a test standing for another worker, or another clock). */
export function createPassageVectors(db: DbClient, options: VectorOptions = {}): PassageVectors {
  return new VectorTable(db, options);
}

// One table per database client: tests run several databases in one process.
const tables = new WeakMap<object, VectorTable>();

/** This process's vectors for `db`'s knowledge base. */
export function passageVectors(db: DbClient): PassageVectors {
  let table = tables.get(db);
  if (!table) {
    table = new VectorTable(db, {});
    tables.set(db, table);
  }
  return table;
}
