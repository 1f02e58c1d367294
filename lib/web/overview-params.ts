import { z } from 'zod';

/** The overview's window choices; anything else in the URL falls back to two weeks. */
export const OVERVIEW_WINDOWS = [7, 14, 30, 90] as const;

export const overviewParamsSchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((days) => (OVERVIEW_WINDOWS as readonly number[]).includes(days))
    .catch(14),
});

export function parseOverviewDays(searchParams: Record<string, string | string[] | undefined>): number {
  const days = searchParams.days;
  return overviewParamsSchema.parse({ days: Array.isArray(days) ? days[0] : (days ?? 14) }).days;
}
