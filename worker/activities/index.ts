import { createAuthorizeAutoSend } from './authorize-auto-send';
import { createCheckGrounding } from './check-grounding';
import { createClassifyMessage } from './classify-message';
import type { ActivityDeps } from './deps';
import { createDraftReply } from './draft-reply';
import { createLoadConversationSetup } from './load-conversation-setup';
import { createMarkDraftSuperseded } from './mark-draft-superseded';
import { createMirrorStatus } from './mirror-status';
import { createNotifyEscalation } from './notify-escalation';
import { createPrepareInboundMessage } from './prepare-inbound-message';
import { createReadCategoryAutoSend } from './read-category-auto-send';
import { createRecordManualReply, createRecordResendRequest } from './record-agent-reply';
import { createRecordDecision } from './record-decision';
import { createRecordLifecycle } from './record-lifecycle';
import { createRecordSendUndone } from './record-send-undone';
import { createRecordRouting } from './record-routing';
import { createReadSendFacts } from './read-send-facts';
import { createSendReply } from './send-reply';
import { createVerifyDraft } from './verify-draft';
import { createErasureActivities } from './erasure-steps';
import { createOfferDraftVariants, createReadAbTest } from './ab-drafts';
import { createDecideSendStored, createRecordRoutingById } from './decide-send-stored';

export type { ActivityConfig, ActivityDeps } from './deps';

/** Every activity, bound to its dependencies. Called once by the worker; tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return {
    loadConversationSetup: createLoadConversationSetup(deps),
    prepareInboundMessage: createPrepareInboundMessage(deps),
    classifyMessage: createClassifyMessage(deps),
    draftReply: createDraftReply(deps),
    verifyDraft: createVerifyDraft(deps),
    checkGrounding: createCheckGrounding(deps),
    readSendFacts: createReadSendFacts(deps),
    readCategoryAutoSend: createReadCategoryAutoSend(deps),
    mirrorStatus: createMirrorStatus(deps),
    recordRouting: createRecordRouting(deps),
    markDraftSuperseded: createMarkDraftSuperseded(deps),
    recordDecision: createRecordDecision(deps),
    authorizeAutoSend: createAuthorizeAutoSend(deps),
    sendReply: createSendReply(deps),
    notifyEscalation: createNotifyEscalation(deps),
    recordManualReply: createRecordManualReply(deps),
    recordResendRequest: createRecordResendRequest(deps),
    ...createErasureActivities(deps),
    recordLifecycle: createRecordLifecycle(deps),
    recordSendUndone: createRecordSendUndone(deps),
    readAbTest: createReadAbTest(deps),
    offerDraftVariants: createOfferDraftVariants(deps),
    decideSendStored: createDecideSendStored(deps),
    recordRoutingById: createRecordRoutingById(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
