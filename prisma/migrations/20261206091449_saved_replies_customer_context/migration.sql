-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "customerDomain" TEXT;

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "signature" TEXT;

-- CreateTable
CREATE TABLE "SavedReply" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedReply_archivedAt_title_idx" ON "SavedReply"("archivedAt", "title");

-- CreateIndex
CREATE INDEX "Conversation_customerDomain_lastMessageAt_idx" ON "Conversation"("customerDomain", "lastMessageAt");

-- CreateIndex
CREATE INDEX "OutboundSend_conversationId_sentAt_idx" ON "OutboundSend"("conversationId", "sentAt");


-- Backfill: the domain of every customer address already stored.
UPDATE "Conversation" SET "customerDomain" = lower(split_part("customerAddress", '@', 2)) WHERE "customerAddress" LIKE '%@%';
