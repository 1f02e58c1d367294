/**
 * One SQLite value as PostgreSQL's column wants it. Prisma on SQLite wrote DateTime as ISO
 * text ("…000+00:00") or, in older setups, epoch milliseconds; SQLite's own CURRENT_TIMESTAMP
 * defaults are "YYYY-MM-DD HH:MM:SS" in UTC. Booleans are 0/1; Json is text. The reader
 * (sql.js) gives integers as bigint, reals as number, blobs as Uint8Array.
 */
export function convertValue(value: unknown, pgType: string): unknown {
  if (value === null || value === undefined) return null;
  switch (pgType) {
    case 'timestamp without time zone':
    case 'timestamp with time zone':
      // As UTC text: node-postgres would send a Date in the local zone, which a timestamp
      // without time zone keeps as wall-clock time (Prisma stores UTC there).
      return toDate(value).toISOString();
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 'true';
    case 'jsonb':
    case 'json':
      if (value instanceof Uint8Array) return withoutNul(Buffer.from(value).toString('utf8'));
      return typeof value === 'string' ? withoutNul(value) : typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
    case 'bytea':
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
    case 'bigint':
    case 'integer':
    case 'double precision':
      return typeof value === 'bigint' ? value.toString() : value;
    default:
      if (typeof value === 'string') return withoutNul(value);
      if (value instanceof Uint8Array) return withoutNul(Buffer.from(value).toString('utf8'));
      return typeof value === 'bigint' ? value.toString() : value;
  }
}

function toDate(value: unknown): Date {
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP: UTC without a zone, which JavaScript would read as local time.
  const bare = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?)$/.exec(text);
  const date = new Date(bare ? `${bare[1]}T${bare[2]}Z` : text);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${text}`);
  return date;
}

/** PostgreSQL text cannot hold U+0000 (SQLite could): it becomes U+FFFD, as at intake. */
function withoutNul(text: string): string {
  return text.split(String.fromCharCode(0)).join('\uFFFD');
}
