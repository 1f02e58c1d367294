-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "checkProblems" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "AgentText" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendDecisionRecord" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "draftVersion" INTEGER NOT NULL,
    "send" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "shadow" JSONB NOT NULL,
    "layers" JSONB NOT NULL,
    "live" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SendDecisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgentText_conversationId_idx" ON "AgentText"("conversationId");

-- CreateIndex
CREATE INDEX "SendDecisionRecord_conversationId_draftVersion_idx" ON "SendDecisionRecord"("conversationId", "draftVersion");

-- AddForeignKey
ALTER TABLE "AgentText" ADD CONSTRAINT "AgentText_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendDecisionRecord" ADD CONSTRAINT "SendDecisionRecord_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

