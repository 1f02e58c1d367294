-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "autoSentReview" TEXT;

-- CreateTable
CREATE TABLE "DraftShadow" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "draftVersion" INTEGER NOT NULL,
    "category" TEXT,
    "wouldAutoSend" BOOLEAN NOT NULL DEFAULT false,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "route" TEXT,
    "verificationStatus" TEXT,
    "verification" JSONB,
    "routedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "editSize" INTEGER,
    "outcomeBy" TEXT,
    "outcomeAt" TIMESTAMP(3),
    "review" TEXT,
    "reviewReason" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "evidenceAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftShadow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryAutonomy" (
    "category" TEXT NOT NULL,
    "eligibleAt" TIMESTAMP(3),
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "enabledBy" TEXT,
    "enabledAt" TIMESTAMP(3),
    "demotedAt" TIMESTAMP(3),
    "demotion" JSONB,
    "evidenceSince" TIMESTAMP(3),
    "noticeEmailedTo" TEXT,
    "noticeError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CategoryAutonomy_pkey" PRIMARY KEY ("category")
);

-- CreateIndex
CREATE INDEX "DraftShadow_category_evidenceAt_idx" ON "DraftShadow"("category", "evidenceAt");

-- CreateIndex
CREATE INDEX "DraftShadow_routedAt_idx" ON "DraftShadow"("routedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftShadow_conversationId_draftVersion_key" ON "DraftShadow"("conversationId", "draftVersion");

-- CreateIndex
CREATE INDEX "Conversation_autoSentReview_lastMessageAt_id_idx" ON "Conversation"("autoSentReview", "lastMessageAt", "id");

-- AddForeignKey
ALTER TABLE "DraftShadow" ADD CONSTRAINT "DraftShadow_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

