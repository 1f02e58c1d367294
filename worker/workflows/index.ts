export { conversationWorkflow } from './conversation';
export { escalationWorkflow } from './escalation';
export { erasureWorkflow } from './erasure';
export { retentionWorkflow } from './retention';
export { dailyDigestWorkflow, embedKnowledgeWorkflow, reconcileIntakeWorkflow, slaSweepWorkflow } from './scheduled-work';
