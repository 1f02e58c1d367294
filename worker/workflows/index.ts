export { conversationWorkflow } from './conversation';
export { escalationWorkflow } from './escalation';
export { dailyDigestWorkflow, reconcileIntakeWorkflow, slaSweepWorkflow } from './scheduled-work';
