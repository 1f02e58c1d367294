import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { isCatchId, newCatchId } from './catch-id';
import { parseCaughtMessage, toSummary } from './parse';
import { sidecarSchema, type CaughtEnvelope, type CaughtMessage, type CaughtMessageSummary, type Sidecar } from './types';

const PARSE_BATCH = 16;

/**
 * Messages on disk as `<id>.eml` (raw bytes) + `<id>.json` (sidecar). The sidecar is written
 * last, so its presence is what makes a message visible; the folder is the only source of
 * truth, which is what lets messages survive restarts.
 */
export interface MailStore {
  save(raw: Buffer, envelope: CaughtEnvelope): Promise<CaughtMessageSummary>;
  list(): Promise<CaughtMessageSummary[]>;
  get(id: string): Promise<CaughtMessage | null>;
  getRaw(id: string): Promise<Buffer | null>;
  count(): Promise<number>;
  clear(): Promise<void>;
}

export async function openMailStore(storageDir: string): Promise<MailStore> {
  const dir = path.resolve(storageDir);
  await mkdir(dir, { recursive: true });
  // Stored messages never change, so a parsed summary stays valid for as long as the files exist.
  const summaries = new Map<string, CaughtMessageSummary>();
  const emlPath = (id: string): string => path.join(dir, `${id}.eml`);
  const jsonPath = (id: string): string => path.join(dir, `${id}.json`);

  async function storedIds(): Promise<string[]> {
    const names = await readdir(dir);
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter(isCatchId)
      .sort()
      .reverse();
  }

  async function readSidecar(id: string): Promise<Sidecar | null> {
    const text = await readOptional(jsonPath(id), 'utf8');
    if (text === null) return null;
    const result = sidecarSchema.safeParse(safeJson(text));
    return result.success && result.data.id === id ? result.data : null;
  }

  async function load(id: string): Promise<CaughtMessage | null> {
    if (!isCatchId(id)) return null;
    const sidecar = await readSidecar(id);
    const raw = sidecar ? await readOptional(emlPath(id)) : null;
    if (!sidecar || !raw) return null;
    const message = await parseCaughtMessage(raw, sidecar);
    summaries.set(id, toSummary(message));
    return message;
  }

  async function summaryOf(id: string): Promise<CaughtMessageSummary | null> {
    const cached = summaries.get(id);
    if (cached) return cached;
    const message = await load(id);
    return message ? toSummary(message) : null;
  }

  return {
    async save(raw, envelope) {
      const sidecar: Sidecar = { id: newCatchId(), receivedAt: new Date().toISOString(), envelope };
      await writeFileAtomic(emlPath(sidecar.id), raw);
      await writeFileAtomic(jsonPath(sidecar.id), `${JSON.stringify(sidecar, null, 2)}\n`);
      const summary = toSummary(await parseCaughtMessage(raw, sidecar));
      summaries.set(sidecar.id, summary);
      return summary;
    },
    async list() {
      const ids = await storedIds();
      const present = new Set(ids);
      for (const id of summaries.keys()) if (!present.has(id)) summaries.delete(id);
      const result: CaughtMessageSummary[] = [];
      // Batches bound open file handles when a big folder is parsed for the first time.
      for (let start = 0; start < ids.length; start += PARSE_BATCH) {
        const batch = await Promise.all(ids.slice(start, start + PARSE_BATCH).map(summaryOf));
        for (const summary of batch) if (summary) result.push(summary);
      }
      return result;
    },
    get: load,
    async getRaw(id) {
      if (!isCatchId(id) || !(await readSidecar(id))) return null;
      return readOptional(emlPath(id));
    },
    async count() {
      return (await storedIds()).length;
    },
    async clear() {
      for (const id of await storedIds()) {
        // Sidecar first: the message disappears from listings before its body goes.
        await rm(jsonPath(id), { force: true });
        await rm(emlPath(id), { force: true });
        summaries.delete(id);
      }
    },
  };
}

async function readOptional(filePath: string): Promise<Buffer | null>;
async function readOptional(filePath: string, encoding: 'utf8'): Promise<string | null>;
async function readOptional(filePath: string, encoding?: 'utf8'): Promise<Buffer | string | null> {
  try {
    return encoding ? await readFile(filePath, encoding) : await readFile(filePath);
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return null;
    throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
