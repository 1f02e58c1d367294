/**
 * Whether an error means the database (or the network to it) is unavailable, as opposed to a
 * query that is wrong or a row that is missing. Prisma wraps the driver's error in one or more
 * causes, so the whole chain is searched for a known code.
 */
const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach, timed out, closed the connection, pool exhausted.
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  // Node sockets.
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  // PostgreSQL: connection exceptions (08xxx), shutting down or starting (57P01-57P03), too many connections.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const CONNECTION_MESSAGE = /connection terminated|server closed the connection|terminating connection|connection refused|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, originalCode } = current as { code?: unknown; message?: unknown; originalCode?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof originalCode === 'string' && UNAVAILABLE_CODES.has(originalCode)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
