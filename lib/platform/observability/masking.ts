/**
 * What leaves the process for LangFuse is scrubbed here, on the values themselves and before
 * anything is serialized: a pattern run over serialized JSON misses a phone number after a
 * `\n` escape and can leave an invalid escape behind, so masking walks objects and arrays and
 * masks each string. Secrets are always redacted (an API key echoed in an error message must
 * never reach a third party), so are the operator's own patterns (LANGFUSE_MASK_PATTERNS);
 * personal data (email addresses, phone numbers) while LANGFUSE_MASK_PII is on (the default).
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A run of digits with phone-like separators; phoneLike() decides whether it is one.
const PHONE_CANDIDATE = /(?<![\w+.-])\+?\(?\d[\d ().-]{5,22}\d(?![\w])/g;
const DATE_PREFIX = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function phoneLike(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (DATE_PREFIX.test(candidate) || IPV4.test(candidate)) return false;
  // A bare run of digits is more often an order or invoice number than a phone number.
  const structured = candidate.startsWith('+') || /[ ().-]/.test(candidate);
  return structured || digits >= 10;
}

export function redactPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(PHONE_CANDIDATE, (candidate) => (phoneLike(candidate) ? '[phone]' : candidate));
}

const SECRET_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g, // Anthropic API keys
  /\b[ps]k-lf-[A-Za-z0-9-]{8,}/g, // LangFuse project keys
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]{12,}=*/g, // credentials copied from a header
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An operator's pattern (LANGFUSE_MASK_PATTERNS): every match becomes `[label]`. */
export interface MaskPattern {
  label: string;
  pattern: RegExp;
}

export interface MaskOptions {
  maskPii: boolean;
  /** Exact values to redact wherever they appear (configured keys); short values are ignored. */
  secrets?: readonly (string | undefined)[];
  patterns?: readonly MaskPattern[];
}

export type TextMask = (text: string) => string;

function global(pattern: RegExp): RegExp {
  return pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

export function createTextMask(options: MaskOptions): TextMask {
  const exact = (options.secrets ?? [])
    .filter((value): value is string => typeof value === 'string' && value.length >= 8)
    .map((value) => new RegExp(escapeRegExp(value), 'g'));
  const secrets = [...exact, ...SECRET_PATTERNS];
  const custom = (options.patterns ?? []).map(({ label, pattern }) => ({ label: `[${label}]`, pattern: global(pattern) }));
  return (text) => {
    let masked = text;
    for (const pattern of secrets) {
      masked = masked.replace(pattern, (match, scheme?: unknown) =>
        typeof scheme === 'string' && /^(Bearer|Basic)$/.test(scheme) ? `${scheme} [redacted]` : '[redacted]',
      );
    }
    for (const { label, pattern } of custom) masked = masked.replace(pattern, label);
    return options.maskPii ? redactPii(masked) : masked;
  };
}

const MAX_DEPTH = 64;

/**
 * A copy of `value` with every string masked (object keys too: a customer's address can be a
 * key). Plain data only comes out: class instances go through their toJSON (a Date becomes its
 * ISO string) or become plain objects, a cycle becomes "[circular]", so whatever this returns
 * serializes to valid JSON that means what the input meant.
 */
export function maskValue(mask: TextMask, value: unknown): unknown {
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return mask(item);
    if (item === null || typeof item !== 'object') return typeof item === 'bigint' ? item.toString() : item;
    if (seen.has(item)) return '[circular]';
    if (depth > MAX_DEPTH) return '[too deep]';
    const json = (item as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return walk((json as () => unknown).call(item), depth + 1);
    seen.add(item);
    try {
      if (Array.isArray(item)) return item.map((entry: unknown) => walk(entry, depth + 1));
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(item)) {
        if (entry === undefined || typeof entry === 'function') continue;
        out[mask(key)] = walk(entry, depth + 1);
      }
      return out;
    } finally {
      seen.delete(item);
    }
  };
  return walk(value, 0);
}

/**
 * The shape LangfuseSpanProcessor's `mask` hook receives: attribute values, usually JSON text
 * (input, output, metadata). A second line of defence after maskValue: JSON is parsed, masked
 * on its structure and serialized again, so the hook can never make it invalid.
 */
export function maskAttributeValue(mask: TextMask, data: unknown): unknown {
  if (Array.isArray(data)) return data.map((item: unknown) => maskAttributeValue(mask, item));
  if (typeof data !== 'string') return data;
  const trimmed = data.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
    try {
      return JSON.stringify(maskValue(mask, JSON.parse(data)));
    } catch {
      // Not JSON after all: masked as text below.
    }
  }
  return mask(data);
}
