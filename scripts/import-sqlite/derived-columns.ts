/**
 * Columns the PostgreSQL schema has and a version-1 SQLite file does not, computed from the
 * row as the mail-boundary change computes them for new mail: only a plain, single address
 * counts as a verified sender (anything else stays unreplyable until a person looks), and
 * Message-IDs, unique in version 1, make unique dedupe keys.
 */
type Row = Record<string, unknown>;

// One address, printable ASCII, no list or group punctuation, exactly one @ with a dot after it.
const PLAIN_ADDRESS = /^[!-~]+@[^@\s]+\.[^@\s]+$/;
const LIST_PUNCTUATION = /[,<>;:"()]/;

export function plainAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return PLAIN_ADDRESS.test(value) && !LIST_PUNCTUATION.test(value) ? value : null;
}

export const DERIVED_COLUMNS: Record<string, Record<string, (row: Row) => unknown>> = {
  Conversation: {
    customerAddress: (row) => plainAddress(row.customerEmail),
  },
  Message: {
    dedupeKey: (row) => `${row.direction === 'outbound' ? 'out' : 'legacy'}:${String(row.messageIdHeader)}`,
    senderAddress: (row) => (row.direction === 'inbound' ? plainAddress(row.fromAddress) : null),
  },
};
