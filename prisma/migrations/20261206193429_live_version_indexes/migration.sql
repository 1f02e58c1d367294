-- CreateIndex
CREATE INDEX "ConversationNote_createdAt_idx" ON "ConversationNote"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

