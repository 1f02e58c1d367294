import proto from '@temporalio/proto';
const { temporal } = proto;
import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_KEYS } from '../../core/conversation/search-attributes';

const INDEXED = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/**
 * Registers the conversation workflow's search attributes in a namespace, adding only the
 * missing ones (adding an existing one is an error on most servers). For servers started
 * without `--search-attribute` flags: the test servers; clusters use the CLI (README).
 */
export async function registerSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  const missing = SEARCH_ATTRIBUTE_KEYS.filter(({ name }) => !known.has(name));
  if (missing.length === 0) return [];
  const searchAttributes = Object.fromEntries(
    missing.map(({ name, type }) => {
      if (type !== 'KEYWORD' && type !== 'DATETIME') throw new Error(`search attribute ${name}: type ${type} has no mapping here`);
      return [name, INDEXED[type]];
    }),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  return missing.map(({ name }) => name);
}
