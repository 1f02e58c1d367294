-- CreateTable
CREATE TABLE "AbTest" (
    "category" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "variantA" JSONB NOT NULL,
    "variantB" JSONB NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AbTest_pkey" PRIMARY KEY ("category")
);

-- CreateTable
CREATE TABLE "DraftVariant" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "draftVersion" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT,
    "model" TEXT NOT NULL,
    "promptName" TEXT,
    "promptVersion" INTEGER,
    "status" TEXT NOT NULL,
    "failureReason" TEXT,
    "body" TEXT NOT NULL DEFAULT '',
    "knowledgeUsed" JSONB NOT NULL DEFAULT '[]',
    "passages" JSONB,
    "inventedCitations" JSONB NOT NULL DEFAULT '[]',
    "problems" JSONB NOT NULL DEFAULT '[]',
    "stopReason" TEXT,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "basedOnMessageId" TEXT NOT NULL,
    "picked" BOOLEAN,
    "editSize" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DraftVariant_category_decidedAt_idx" ON "DraftVariant"("category", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftVariant_conversationId_draftVersion_label_key" ON "DraftVariant"("conversationId", "draftVersion", "label");

-- AddForeignKey
ALTER TABLE "DraftVariant" ADD CONSTRAINT "DraftVariant_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

