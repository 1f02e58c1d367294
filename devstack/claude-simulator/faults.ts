// Fault injection: errors (429/529/500/timeout), added latency and malformed answers, chosen by a
// seeded PRNG so a test that sets a seed sees the same sequence of faults on every run.
import { z } from 'zod';

export const ERROR_KINDS = ['429', '529', '500', 'timeout'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

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
}

export const DEFAULT_FAULTS: Readonly<FaultConfig> = Object.freeze({
  errorRate: 0,
  errorKinds: [...ERROR_KINDS],
  latencyMs: 0,
  malformedRate: 0,
  seed: 1,
  timeoutMs: 30_000,
});

export const faultPatchSchema = z.strictObject({
  errorRate: z.number().min(0).max(1),
  errorKinds: z.array(z.enum(ERROR_KINDS)).min(1),
  latencyMs: z.number().int().min(0).max(600_000),
  malformedRate: z.number().min(0).max(1),
  seed: z.number().int(),
  timeoutMs: z.number().int().min(0).max(3_600_000),
}).partial();

export interface FaultDecision {
  error: ErrorKind | null;
  malformed: boolean;
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

export class FaultInjector {
  private current: FaultConfig = { ...DEFAULT_FAULTS, errorKinds: [...DEFAULT_FAULTS.errorKinds] };
  private random = prng(this.current.seed);

  config(): FaultConfig {
    return { ...this.current, errorKinds: [...this.current.errorKinds] };
  }

  /** Validates the patch (throws ZodError) and restarts the PRNG so the new settings replay identically. */
  configure(patch: Partial<FaultConfig>): FaultConfig {
    const parsed = faultPatchSchema.parse(patch);
    this.current = { ...this.current, ...parsed, errorKinds: [...(parsed.errorKinds ?? this.current.errorKinds)] };
    this.random = prng(this.current.seed);
    return this.config();
  }

  reset(): void {
    this.current = { ...DEFAULT_FAULTS, errorKinds: [...DEFAULT_FAULTS.errorKinds] };
    this.random = prng(this.current.seed);
  }

  next(): FaultDecision {
    // Always draw three numbers so one setting's outcome never shifts another's sequence.
    const [errorRoll, kindRoll, malformedRoll] = [this.random(), this.random(), this.random()];
    const kinds = this.current.errorKinds;
    const error = errorRoll < this.current.errorRate ? (kinds[Math.floor(kindRoll * kinds.length)] ?? null) : null;
    return { error, malformed: error === null && malformedRoll < this.current.malformedRate };
  }
}
