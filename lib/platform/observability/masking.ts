/**
 * What leaves the process for LangFuse is scrubbed here. Secrets are always redacted (an API
 * key echoed in an error message must never reach a third party); personal data (emails,
 * phone numbers) only when LANGFUSE_MASK_PII is on, because reviewers usually want to see the
 * real conversation in traces. Works on serialized JSON too: replacements add no quotes.
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

export interface MaskOptions {
  maskPii: boolean;
  /** Exact values to redact wherever they appear (configured keys); short values are ignored. */
  secrets?: readonly (string | undefined)[];
}

export type TextMask = (text: string) => string;

export function createTextMask(options: MaskOptions): TextMask {
  const exact = (options.secrets ?? [])
    .filter((value): value is string => typeof value === 'string' && value.length >= 8)
    .map((value) => new RegExp(escapeRegExp(value), 'g'));
  const patterns = [...exact, ...SECRET_PATTERNS];
  return (text) => {
    let masked = text;
    for (const pattern of patterns) {
      masked = masked.replace(pattern, (match, scheme?: unknown) =>
        typeof scheme === 'string' && /^(Bearer|Basic)$/.test(scheme) ? `${scheme} [redacted]` : '[redacted]',
      );
    }
    return options.maskPii ? redactPii(masked) : masked;
  };
}

/** The shape LangfuseSpanProcessor's `mask` hook receives: attribute values, usually strings. */
export function maskAttributeValue(mask: TextMask, data: unknown): unknown {
  if (typeof data === 'string') return mask(data);
  if (Array.isArray(data)) return data.map((item: unknown) => (typeof item === 'string' ? mask(item) : item));
  return data;
}
