import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evalItemSchema, type EvalItem } from './eval-item';

/** A dataset as a JSONL file: one item per line, the shape of evalItemSchema. */

export class DatasetFileError extends Error {
  override name = 'DatasetFileError';
}

export function readDatasetFile(file: string): EvalItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const items: EvalItem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new DatasetFileError(`${file}:${index + 1} is not JSON`);
    }
    const parsed = evalItemSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DatasetFileError(`${file}:${index + 1}: ${issue ? `${issue.path.join('.') || '(item)'}: ${issue.message}` : 'invalid item'}`);
    }
    items.push(parsed.data);
  });
  if (items.length === 0) throw new DatasetFileError(`${file} has no items`);
  return items;
}

export function writeDatasetFile(file: string, items: readonly EvalItem[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, items.map((item) => JSON.stringify(item)).join('\n') + (items.length > 0 ? '\n' : ''), { mode: 0o600 });
}
