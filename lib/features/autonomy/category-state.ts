import { getDb, type DbClient } from '../../platform/db';
import { env } from '../../platform/config/env';
import { assessTrust, percent, type TrustEvidence, type TrustFigures, type TrustThresholds } from '../../core/policy/trust';
import type { CategoryAutonomy } from '../../platform/db/generated/client';
import type { AutomationPolicy } from '../../core/contract';
import { getAutomationPolicy } from '../settings/automation-policy';
import { loadEvidence } from './load-evidence';
import { trustThresholdsFromEnv } from './trust-thresholds';

/** What a demotion recorded: when, why in one sentence, and the figures behind it. */
export interface DemotionRecord {
  at: string;
  summary: string;
  figures: Pick<TrustFigures, 'decisions' | 'agreement' | 'counts' | 'recent'>;
  threshold: number;
}

export interface CategoryState {
  category: string;
  /** Listed in the automation policy (AUTO_SEND_CATEGORIES or the settings page): on at once. */
  explicit: boolean;
  /** Enabled by a manager after the category earned it. */
  enabled: boolean;
  enabledBy: string | null;
  enabledAt: Date | null;
  /** Auto-send is on for it: explicit or enabled. A demotion turns both off. */
  active: boolean;
  demotion: DemotionRecord | null;
  /** Switched off by a demotion and not enabled again since. */
  demoted: boolean;
  evidenceSince: Date | null;
  noticeEmailedTo: string | null;
  noticeError: string | null;
  figures: TrustFigures;
}

export interface CategoryStateOptions {
  categories?: readonly string[];
  thresholds?: TrustThresholds;
  now?: Date;
  policy?: AutomationPolicy;
}

/** The autonomy of each category, computed live from the policy, the stored state and the evidence. */
export async function getCategoryStates(options: CategoryStateOptions = {}, db: DbClient = getDb()): Promise<CategoryState[]> {
  const thresholds = options.thresholds ?? trustThresholdsFromEnv();
  const now = options.now ?? new Date();
  const policy = options.policy ?? (await getAutomationPolicy({}, db));
  const categories = [...new Set(options.categories ?? [...env().CATEGORIES, ...policy.autoSendCategories])];
  const [rows, evidence] = await Promise.all([
    db.categoryAutonomy.findMany({ where: { category: { in: categories } } }),
    loadEvidence({ categories, thresholds, now }, db),
  ]);
  const byCategory = new Map(rows.map((row) => [row.category, row]));
  return categories.map((category) => categoryStateOf({ category, policy, row: byCategory.get(category), evidence: evidence.get(category) ?? [], thresholds, now }));
}

/** A category's stored autonomy row, as categoryStateOf reads it. */
export type CategoryAutonomyRow = Pick<
  CategoryAutonomy,
  'enabled' | 'enabledBy' | 'enabledAt' | 'demotion' | 'demotedAt' | 'evidenceSince' | 'noticeEmailedTo' | 'noticeError'
>;

/** One category's autonomy from the policy, its stored row and its evidence (for a read that fetched them with others). */
export function categoryStateOf(input: {
  category: string;
  policy: AutomationPolicy;
  row: CategoryAutonomyRow | undefined;
  evidence: readonly TrustEvidence[];
  thresholds: TrustThresholds;
  now: Date;
}): CategoryState {
  const { category, policy, row, thresholds, now } = input;
  const explicit = policy.autoSendCategories.includes(category);
  const enabled = row?.enabled ?? false;
  const demotion = (row?.demotion as DemotionRecord | null | undefined) ?? null;
  const active = explicit || enabled;
  return {
    category,
    explicit,
    enabled,
    enabledBy: row?.enabledBy ?? null,
    enabledAt: row?.enabledAt ?? null,
    active,
    demotion,
    demoted: !active && row?.demotedAt != null,
    evidenceSince: row?.evidenceSince ?? null,
    noticeEmailedTo: row?.noticeEmailedTo ?? null,
    noticeError: row?.noticeError ?? null,
    figures: assessTrust(input.evidence, thresholds, now, row?.evidenceSince),
  };
}

export async function getCategoryState(category: string, options: Omit<CategoryStateOptions, 'categories'> = {}, db: DbClient = getDb()): Promise<CategoryState> {
  const [state] = await getCategoryStates({ ...options, categories: [category] }, db);
  if (!state) throw new Error(`no state for category ${category}`);
  return state;
}

/** Why auto-send is or is not on for a category, in the words routing shows an agent. */
export function describeCategoryAutoSend(state: CategoryState): { enabled: boolean; reason: string } {
  const name = `"${state.category}"`;
  if (state.explicit) return { enabled: true, reason: `Auto-send is on for ${name} (explicit setting)` };
  if (state.enabled) {
    return { enabled: true, reason: `Auto-send is on for ${name} (earned: agents agreed with ${percent(state.figures.agreement)} of ${state.figures.decisions} decisions)` };
  }
  if (state.demoted && state.demotion) return { enabled: false, reason: `${state.demotion.summary} It stays off until a manager enables it again.` };
  if (state.figures.eligible) return { enabled: false, reason: `Auto-send is not enabled for ${name}: it has earned it and waits for a manager to enable it` };
  return { enabled: false, reason: `Auto-send is not enabled for ${name} (shadow mode: ${state.figures.blockers.join('; ')})` };
}
