// Fault injection. Two ways: random faults (errors, added latency and malformed answers, chosen
// by a seeded PRNG so a test that sets a seed sees the same sequence on every run), and fault
// rules: "the next N classify (or draft) requests get this fault", for tests that need one
// exact failure at one exact step.
import { z } from 'zod';

/** API errors (see api-errors.ts for their exact shapes) and a held request that never answers. */
export const ERROR_KINDS = [
  '429',
  '529',
  '500',
  '504',
  'timeout',
  '400',
  '401',
  '402',
  '403',
  '404',
  'spend_limit',
  'credit_balance',
  'usage_limit',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The transient errors random faults pick from by default: the ones retrying can fix. */
const TRANSIENT_KINDS: ErrorKind[] = ['429', '529', '500', 'timeout'];

/** A 200 whose answer cannot be used as it is. */
export const ANSWER_FAULTS = [
  'refusal',
  'max_tokens',
  'empty',
  'pause_turn',
  'context_window_exceeded',
  'malformed',
  'parallel_tool_use',
  // A draft that cites a passage id it was never given (a made-up source).
  'invented_citation',
] as const;
export type AnswerFault = (typeof ANSWER_FAULTS)[number];

export type FaultKind = ErrorKind | AnswerFault;

export type FaultPurpose = 'classify' | 'draft' | 'verify' | 'ground' | 'select' | 'grade';

/**
 * Models that answer as if fooled, for safety tests: the classifier calls every email low
 * risk with no injection; the verifier (the check that reads the email) passes every draft; the
 * drafter writes what the email asked for (the reply registered for it with
 * POST /__simulator/fooled-drafts). Together: "fully fooled", every model that reads the email.
 * `grounder` fools the check that never reads the email too (only reachable through the draft's
 * own text): the worst case, where only code holds.
 */
export interface Fooled {
  classifier?: boolean;
  verifier?: boolean;
  drafter?: boolean;
  grounder?: boolean;
}

export interface FaultRule {
  /** Which requests it applies to; absent = any. */
  purpose?: FaultPurpose;
  fault: FaultKind;
  /** How many matching requests get it; absent = every one until reset. */
  times?: number;
}

export interface FaultConfig {
  /** Share of /v1/messages calls (0-1) answered with one of `errorKinds` instead of a reply. */
  errorRate: number;
  errorKinds: ErrorKind[];
  /** Added before every answer, errors included. */
  latencyMs: number;
  /** Share of replies (0-1) that are broken: schema-violating tool input, or empty text. */
  malformedRate: number;
  seed: number;
  /** How long a "timeout" fault holds the request before dropping the connection. */
  timeoutMs: number;
  /** Checked in order before the random faults; the first matching rule with uses left applies. */
  rules: FaultRule[];
  fooled: Fooled;
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = Object.freeze({
  errorRate: 0,
  errorKinds: [...TRANSIENT_KINDS],
  latencyMs: 0,
  malformedRate: 0,
  seed: 1,
  timeoutMs: 30_000,
  rules: [],
  fooled: {},
});

const faultRuleSchema = z.strictObject({
  purpose: z.enum(['classify', 'draft', 'verify', 'ground', 'select', 'grade']).optional(),
  fault: z.enum([...ERROR_KINDS, ...ANSWER_FAULTS]),
  times: z.number().int().min(1).optional(),
});

export const faultPatchSchema = z.strictObject({
  errorRate: z.number().min(0).max(1),
  errorKinds: z.array(z.enum(ERROR_KINDS)).min(1),
  latencyMs: z.number().int().min(0).max(600_000),
  malformedRate: z.number().min(0).max(1),
  seed: z.number().int(),
  timeoutMs: z.number().int().min(0).max(3_600_000),
  rules: z.array(faultRuleSchema).max(50),
  fooled: z.strictObject({
    classifier: z.boolean().optional(),
    verifier: z.boolean().optional(),
    drafter: z.boolean().optional(),
    grounder: z.boolean().optional(),
  }),
}).partial();

export interface FaultDecision {
  error: ErrorKind | null;
  answer: AnswerFault | null;
}

/** mulberry32: tiny, fast, and good enough to spread faults evenly. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const isErrorKind = (fault: FaultKind): fault is ErrorKind => (ERROR_KINDS as readonly string[]).includes(fault);

function copy(config: FaultConfig): FaultConfig {
  return { ...config, errorKinds: [...config.errorKinds], rules: config.rules.map((rule) => ({ ...rule })), fooled: { ...config.fooled } };
}

export class FaultInjector {
  private current: FaultConfig = copy(DEFAULT_FAULTS);
  private random = prng(this.current.seed);

  config(): FaultConfig {
    return copy(this.current);
  }

  /** Validates the patch (throws ZodError) and restarts the PRNG so the new settings replay identically. */
  configure(patch: Partial<FaultConfig>): FaultConfig {
    const parsed = faultPatchSchema.parse(patch);
    this.current = copy({ ...this.current, ...parsed });
    this.random = prng(this.current.seed);
    return this.config();
  }

  reset(): void {
    this.current = copy(DEFAULT_FAULTS);
    this.random = prng(this.current.seed);
  }

  next(purpose: FaultPurpose): FaultDecision {
    // Always draw three numbers so one setting's outcome never shifts another's sequence.
    const [errorRoll, kindRoll, malformedRoll] = [this.random(), this.random(), this.random()];
    const rule = this.takeRule(purpose);
    if (rule) return isErrorKind(rule.fault) ? { error: rule.fault, answer: null } : { error: null, answer: rule.fault };
    const kinds = this.current.errorKinds;
    const error = errorRoll < this.current.errorRate ? (kinds[Math.floor(kindRoll * kinds.length)] ?? null) : null;
    return { error, answer: error === null && malformedRoll < this.current.malformedRate ? 'malformed' : null };
  }

  private takeRule(purpose: FaultPurpose): FaultRule | undefined {
    const rule = this.current.rules.find((candidate) => (candidate.purpose ?? purpose) === purpose && candidate.times !== 0);
    if (rule?.times !== undefined) rule.times -= 1;
    return rule;
  }
}
