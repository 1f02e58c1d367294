-- DropIndex
DROP INDEX "Conversation_status_slaDueAt_idx";

-- DropIndex
DROP INDEX "Conversation_status_lastMessageAt_idx";

-- DropIndex
DROP INDEX "Conversation_lastMessageAt_idx";

-- DropIndex
DROP INDEX "Conversation_category_lastMessageAt_idx";

-- DropIndex
DROP INDEX "OutboundSend_status_idx";

-- CreateIndex
CREATE INDEX "Conversation_status_slaDueAt_id_idx" ON "Conversation"("status", "slaDueAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_status_lastMessageAt_id_idx" ON "Conversation"("status", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_status_priority_lastMessageAt_id_idx" ON "Conversation"("status", "priority", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_slaDueAt_id_idx" ON "Conversation"("slaDueAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_lastMessageAt_id_idx" ON "Conversation"("lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_priority_lastMessageAt_id_idx" ON "Conversation"("priority", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_category_lastMessageAt_id_idx" ON "Conversation"("category", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_updatedAt_idx" ON "Conversation"("updatedAt");

-- CreateIndex
CREATE INDEX "Message_direction_createdAt_idx" ON "Message"("direction", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundSend_status_sentAt_idx" ON "OutboundSend"("status", "sentAt");

-- CreateIndex
CREATE INDEX "ConversationEvent_type_at_idx" ON "ConversationEvent"("type", "at");

