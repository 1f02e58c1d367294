import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { EscalationWorkflowInput } from '../../lib/core/contract';
import { dbActivity } from './activity-options';

const { notifyEscalation } = wf.proxyActivities<Activities>(dbActivity);

/** Runs beside the conversation (abandoned on its close) so notification retries never block it. */
export async function escalationWorkflow(input: EscalationWorkflowInput): Promise<void> {
  await notifyEscalation(input);
}
