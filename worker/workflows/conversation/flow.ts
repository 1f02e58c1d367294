import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { AutomationPolicy } from '../../../lib/core/contract';
import { dbActivity, dbLocalActivity, modelActivity, smtpActivity, verifyActivity } from '../activity-options';
import type { ConversationMemory } from '../conversation-state';
import type { ModelFailure } from '../model-failure';
import type { Patches } from './patches';
import { searchFactsWanted, upsertSearchFacts } from './search-attributes';
import type { ConversationSearchFacts } from '../../../lib/core/conversation/search-attributes';

const remoteDb = wf.proxyActivities<Activities>(dbActivity);
export const localDb = wf.proxyLocalActivities<Activities>(dbLocalActivity);
export const model = wf.proxyActivities<Activities>(modelActivity);
export const smtp = wf.proxyActivities<Activities>(smtpActivity);
export const verifier = wf.proxyActivities<Activities>(verifyActivity);

/** How a draft's turn ended, for the phase that comes next. */
export type Outcome = 'send' | 'review' | 'rejected' | 'superseded' | 'person' | 'taken_over';

type MirrorStatusInput = Parameters<Activities['mirrorStatus']>[0];

export type NeedsPersonStage = 'classify' | 'draft' | 'revise';

/** What every phase works on: the memory, the patch branches, the policy and the shared steps. */
export interface Flow {
  readonly memory: ConversationMemory;
  readonly patches: Patches;
  readonly policy: AutomationPolicy;
  /** Database activities: local in runs with the local-mirror patch, scheduled before it. */
  readonly db: ReturnType<typeof wf.proxyActivities<Activities>>;
  setStatus(status: ConversationMemory['status'], extra?: Omit<MirrorStatusInput, 'conversationId' | 'status'>): Promise<void>;
  /** A status an activity already wrote with its own result (folded writes), with the search facts that write returned. */
  statusWritten(status: ConversationMemory['status'], facts: ConversationSearchFacts): void;
  /** An agent's own reply or resend is queued (only in runs with the needs-person patch). */
  agentActionWaiting(): boolean;
  /** Claude could not produce a usable answer: a person takes over, with the reason. */
  handToPerson(stage: NeedsPersonStage, failure: ModelFailure, key: string): Promise<'person'>;
  /** A newer customer message replaces whatever draft is open. */
  supersede(draftVersion: number): Promise<void>;
  /**
   * Runs model work that an agent's own reply may overtake: when a manual reply arrives first,
   * the model call is cancelled (its heartbeats carry the cancellation) and its result ignored.
   */
  unlessAgentTakesOver<T>(work: () => Promise<T>): Promise<{ value: T } | { takenOver: true }>;
}

export function createFlow(memory: ConversationMemory, patches: Patches, policy: AutomationPolicy): Flow {
  const db = patches.localMirror ? localDb : remoteDb;
  const agentActionWaiting = () => patches.needsPerson && memory.agentAction !== undefined;

  const setStatus: Flow['setStatus'] = async (status, extra = {}) => {
    memory.status = status;
    memory.statusReason = extra.reason;
    upsertSearchFacts(memory, await db.mirrorStatus({ conversationId: memory.conversationId, status, ...extra, ...searchFactsWanted(memory) }));
  };

  const unlessAgentTakesOver: Flow['unlessAgentTakesOver'] = async (work) => {
    if (!patches.needsPerson) return { value: await work() };
    if (agentActionWaiting()) return { takenOver: true };
    const workScope = new wf.CancellationScope();
    const waitScope = new wf.CancellationScope();
    const done = workScope.run(work);
    const arrived = waitScope.run(() => wf.condition(agentActionWaiting));
    try {
      const winner = await Promise.race([done.then((value) => ({ value })), arrived.then(() => ({ takenOver: true as const }))]);
      if ('takenOver' in winner) {
        workScope.cancel();
        done.catch(() => undefined);
      }
      return winner;
    } finally {
      waitScope.cancel();
      arrived.catch(() => undefined);
    }
  };

  return {
    memory,
    patches,
    policy,
    db,
    setStatus,
    statusWritten(status, facts) {
      memory.status = status;
      memory.statusReason = undefined;
      upsertSearchFacts(memory, facts);
    },
    agentActionWaiting,
    unlessAgentTakesOver,
    async handToPerson(stage, failure, key) {
      memory.phase = 'idle';
      memory.openDraftVersion = undefined;
      await setStatus('needs_person', { reason: failure.reason, needsPerson: { key, stage, failureType: failure.type } });
      return 'person';
    },
    async supersede(draftVersion) {
      memory.supersededVersions.add(draftVersion);
      memory.phase = 'idle';
      memory.openDraftVersion = undefined;
      await db.markDraftSuperseded({ conversationId: memory.conversationId, draftVersion, byMessageId: memory.queue.at(-1) ?? '' });
    },
  };
}
