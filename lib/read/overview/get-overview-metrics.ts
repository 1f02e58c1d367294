import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { readAgentStats, type AgentStats } from './agent-stats';
import { readCategoryStats, type CategoryStats } from './category-stats';
import { readCostStats, type CostStats } from './cost-stats';
import { readDailySeries, type DayPoint } from './daily-series';
import { readDecisionStats, type DecisionStats } from './decision-stats';
import { readModelStats, type ModelStats } from './model-stats';
import { overviewWindow } from './overview-window';
import { readSendStats, type SendStats } from './send-stats';
import { readSlaStats, type SlaStats } from './sla-stats';

export type { AgentStats, CategoryStats, CostStats, DayPoint, DecisionStats, ModelStats, SendStats, SlaStats };

export interface OverviewMetrics {
  days: number;
  since: Date;
  daily: DayPoint[];
  sends: SendStats;
  decisions: DecisionStats;
  sla: SlaStats;
  cost: CostStats;
  categories: CategoryStats[];
  model: ModelStats;
  agents: AgentStats[];
}

export interface OverviewOptions {
  /** Whole UTC days, ending today. */
  days: number;
  /** The clock, for tests. */
  now?: Date;
}

/**
 * The manager overview, aggregated in SQL over the window (a handful of GROUP BY queries
 * on indexed timestamps), so its cost follows the window's activity, not the table size.
 */
export async function getOverviewMetrics(options: OverviewOptions, db: DbClient = getDb()): Promise<OverviewMetrics> {
  const days = Math.min(Math.max(Math.trunc(options.days), 1), 366);
  const window = overviewWindow(days, options.now);
  const [daily, sends, decisions, sla, cost, categories, model, agents] = await Promise.all([
    readDailySeries(window, db),
    readSendStats(window, db),
    readDecisionStats(window, db),
    readSlaStats(window, db),
    readCostStats(window, db),
    readCategoryStats(window, db),
    readModelStats(window, db),
    readAgentStats(window, db),
  ]);
  return { days, since: window.since, daily, sends, decisions, sla, cost, categories, model, agents };
}
