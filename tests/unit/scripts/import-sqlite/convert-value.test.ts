import { describe, expect, it } from 'vitest';
import { convertValue } from '../../../../scripts/import-sqlite/convert-value';

// sql.js hands integers over as bigint, reals as number, blobs as Uint8Array.
describe('convertValue (SQLite values from sql.js into PostgreSQL columns)', () => {
  it('keeps 64-bit integers exact', () => {
    expect(convertValue(9007199254740993n, 'bigint')).toBe('9007199254740993');
    expect(convertValue(42n, 'integer')).toBe('42');
    expect(convertValue(0.0123, 'double precision')).toBe(0.0123);
  });

  it('reads 0/1 integers as booleans', () => {
    expect(convertValue(1n, 'boolean')).toBe(true);
    expect(convertValue(0n, 'boolean')).toBe(false);
  });

  it('reads epoch milliseconds (bigint) and SQLite timestamps as UTC', () => {
    expect(convertValue(1893456000123n, 'timestamp without time zone')).toBe('2030-01-01T00:00:00.123Z');
    expect(convertValue('2026-01-02 03:04:05', 'timestamp without time zone')).toBe('2026-01-02T03:04:05.000Z');
  });

  it('copies a blob byte for byte into bytea, and reads a blob in a text column as UTF-8', () => {
    const bytes = new Uint8Array([0, 255, 1, 128]);
    const copied = convertValue(bytes, 'bytea');
    expect(Buffer.isBuffer(copied)).toBe(true);
    expect([...(copied as Buffer)]).toEqual([0, 255, 1, 128]);
    expect(convertValue(new TextEncoder().encode('héllo'), 'text')).toBe('héllo');
  });

  it('keeps a bigint in a JSON column exact', () => {
    expect(convertValue(9007199254740993n, 'jsonb')).toBe('9007199254740993');
    expect(convertValue('{"a":1}', 'jsonb')).toBe('{"a":1}');
  });
});
