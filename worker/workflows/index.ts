export { conversationWorkflow } from './conversation';
export { escalationWorkflow } from './escalation';
