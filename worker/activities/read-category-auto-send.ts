// Older runs only (before the one-send-decision patch); new runs read readSendFacts.
import { describeCategoryAutoSend, getCategoryState } from '../../lib/features/autonomy/category-state';
import type { ActivityDeps } from './deps';

export interface ReadCategoryAutoSendInput {
  category: string;
}

export interface ReadCategoryAutoSendResult {
  enabled: boolean;
  reason: string;
}

/**
 * Whether auto-send is on for a category right now (an explicit setting, or earned and
 * enabled by a manager, and not demoted), read live when a draft is routed: a workflow
 * started last week sees today's trust.
 */
export function createReadCategoryAutoSend(deps: ActivityDeps) {
  return async function readCategoryAutoSend(input: ReadCategoryAutoSendInput): Promise<ReadCategoryAutoSendResult> {
    const state = await getCategoryState(input.category, { thresholds: deps.config.trustThresholds }, deps.db);
    return describeCategoryAutoSend(state);
  };
}
