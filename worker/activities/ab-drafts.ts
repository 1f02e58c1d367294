import type { LabelledVariant } from '../../lib/core/ab/variants';
import { offerDraftVariants, type OfferDraftVariantsInput } from '../../lib/features/ab-tests/offer-draft-variants';
import { readEnabledAbTest } from '../../lib/features/ab-tests/read-ab-test';
import type { ActivityDeps } from './deps';

export interface ReadAbTestInput {
  category: string;
}

export interface ReadAbTestResult {
  /** The two sides when the category's A/B test is enabled; absent otherwise. */
  variants?: LabelledVariant[];
}

/** The category's A/B test, read live when a draft is about to be written (settings reach running conversations). */
export function createReadAbTest(deps: ActivityDeps) {
  return async function readAbTest(input: ReadAbTestInput): Promise<ReadAbTestResult> {
    const test = await readEnabledAbTest(input.category, deps.db);
    return test ? { variants: test.variants } : {};
  };
}

export type { OfferDraftVariantsInput };

/** Stores failed sides and makes the primary side the draft version the agent decides. */
export function createOfferDraftVariants(deps: ActivityDeps) {
  return async function offerDraftVariantsActivity(input: OfferDraftVariantsInput) {
    return offerDraftVariants(input, deps.db);
  };
}
