import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { getCategoryStates, type CategoryState } from '../../features/autonomy/category-state';
import type { TrustThresholds } from '../../core/policy/trust';
import { trustThresholdsFromEnv } from '../../features/autonomy/trust-thresholds';
import { num, type OverviewWindow } from './overview-window';

/** Shadow mode for one category in the window: what the policy would have sent and how agents decided. */
export interface ShadowFigures {
  /** Drafts routed in the window. */
  drafts: number;
  /** Of them, the policy would have sent these on its own. */
  wouldSend: number;
  /** ... of which agents decided (sent, edited, rejected, revised, wrote their own). */
  decided: number;
  /** ... and sent unchanged: the policy and the agent agreed. */
  agreed: number;
  edited: number;
  /** Rejected, sent back for a revision, or answered by the agent instead. */
  overruled: number;
  autoSent: number;
  /** Automatic replies agents marked "should not have gone out". */
  markedBad: number;
  /** Drafts the second model check said no to (or could not check). */
  checkSaidNo: number;
}

export interface AutonomyRow {
  category: string;
  shadow: ShadowFigures;
  trust: CategoryState;
}

export interface AutonomyOverview {
  rows: AutonomyRow[];
  thresholds: TrustThresholds;
  /** Categories switched off by a demotion and not enabled again: a notice for managers. */
  demoted: CategoryState[];
}

const EMPTY: ShadowFigures = { drafts: 0, wouldSend: 0, decided: 0, agreed: 0, edited: 0, overruled: 0, autoSent: 0, markedBad: 0, checkSaidNo: 0 };

type Counts = Record<keyof ShadowFigures, bigint | number | null> & { category: string | null };

/**
 * Earned autonomy on the overview: the window's shadow figures per category (one grouped
 * query over the shadow records) beside each category's live trust and state.
 */
export async function readAutonomyOverview(
  window: Pick<OverviewWindow, 'since' | 'now'>,
  options: { thresholds?: TrustThresholds } = {},
  db: DbClient = getDb(),
): Promise<AutonomyOverview> {
  const thresholds = options.thresholds ?? trustThresholdsFromEnv();
  const [counts, states] = await Promise.all([
    db.$queryRaw<Counts[]>`
      SELECT "category",
        COUNT(*) AS "drafts",
        COUNT(*) FILTER (WHERE "wouldAutoSend") AS "wouldSend",
        COUNT(*) FILTER (WHERE "wouldAutoSend" AND "outcome" IN ('sent_unchanged', 'edited', 'rejected', 'revised', 'replied_themselves')) AS "decided",
        COUNT(*) FILTER (WHERE "wouldAutoSend" AND "outcome" = 'sent_unchanged') AS "agreed",
        COUNT(*) FILTER (WHERE "wouldAutoSend" AND "outcome" = 'edited') AS "edited",
        COUNT(*) FILTER (WHERE "wouldAutoSend" AND "outcome" IN ('rejected', 'revised', 'replied_themselves')) AS "overruled",
        COUNT(*) FILTER (WHERE "outcome" = 'auto_sent') AS "autoSent",
        COUNT(*) FILTER (WHERE "review" = 'should_not_have_gone_out') AS "markedBad",
        COUNT(*) FILTER (WHERE "verificationStatus" IN ('failed', 'error')) AS "checkSaidNo"
      FROM "DraftShadow" WHERE "routedAt" >= ${window.since} GROUP BY "category"`,
    getCategoryStates({ thresholds, now: window.now }, db),
  ]);
  const byCategory = new Map(counts.map((row) => [row.category, row]));
  const rows = states.map((trust) => {
    const row = byCategory.get(trust.category);
    const shadow = row
      ? (Object.fromEntries(Object.keys(EMPTY).map((key) => [key, num(row[key as keyof ShadowFigures])])) as unknown as ShadowFigures)
      : { ...EMPTY };
    return { category: trust.category, shadow, trust };
  });
  return { rows, thresholds, demoted: states.filter((state) => state.demoted) };
}
