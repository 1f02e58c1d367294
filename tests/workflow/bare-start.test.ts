import { describe, expect, it } from 'vitest';
import { approveDraftUpdate } from '../../lib/core/contract';
import { HIGH_RISK } from './fake-activities';
import { AGENT, OTHER_AGENT, awaitingReview, expectRefusal, statusIs, withConversation } from './harness';

// Intake starts a run with nothing but the conversation id (store, then signal-with-start on
// the request); the run reads its policy, roster and draft versions as its first step.
const risky = { classify: () => HIGH_RISK };

describe('a run started bare by intake', () => {
  it('reads its roster and draft versions itself, and decides by them', async () => {
    const setup = async () => ({ actors: { [AGENT.id]: 'agent' as const }, lastDraftVersion: 2 });
    await withConversation({ bare: true, script: { ...risky, setup }, recordAs: 'bare-start' }, async ({ handle, calls, waitFor }) => {
      // A thread reopened after an idle close: its next draft follows the ones it already has.
      const state = await waitFor(awaitingReview, 'review');
      expect(state.draftVersion).toBe(3);
      expect(calls.loadConversationSetup).toHaveLength(1);
      await expectRefusal(handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 3, actor: { ...OTHER_AGENT, role: 'admin' } }] }), /unknown/);
      await handle.executeUpdate(approveDraftUpdate, { args: [{ draftVersion: 3, actor: AGENT }] });
      await waitFor(statusIs('sent'), 'sent');
    });
  });
});
