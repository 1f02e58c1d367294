import proto from '@temporalio/proto';
const { temporal } = proto;
import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_KEYS } from '../../core/conversation/search-attributes';

/** gRPC status 12: the server has no such method. */
const GRPC_UNIMPLEMENTED = 12;

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
  const missing = await missingSearchAttributes(connection, namespace);
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

/**
 * The attributes a namespace lacks. Their upserts would fail every conversation's workflow task
 * (retried until someone registers them), so the worker names them at start.
 */
export async function missingSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string) {
  const known = await knownSearchAttributes(connection, namespace);
  return SEARCH_ATTRIBUTE_KEYS.filter(({ name }) => !known.has(name));
}

/** Names the namespace knows; none on the time-skipping test server, which cannot list them. */
async function knownSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<Set<string>> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  } catch (error) {
    if ((error as { code?: number }).code === GRPC_UNIMPLEMENTED) return new Set();
    throw error;
  }
}
