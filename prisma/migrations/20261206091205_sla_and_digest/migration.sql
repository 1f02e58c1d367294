-- CreateTable
CREATE TABLE "ConversationSla" (
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "remindAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationSla_pkey" PRIMARY KEY ("conversationId")
);

-- CreateTable
CREATE TABLE "SlaNotice" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "SlaNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyDigest" (
    "day" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "recipients" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DailyDigest_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "ConversationSla_dueAt_idx" ON "ConversationSla"("dueAt");

-- CreateIndex
CREATE INDEX "SlaNotice_kind_createdAt_idx" ON "SlaNotice"("kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaNotice_conversationId_targetKey_kind_key" ON "SlaNotice"("conversationId", "targetKey", "kind");

-- AddForeignKey
ALTER TABLE "ConversationSla" ADD CONSTRAINT "ConversationSla_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaNotice" ADD CONSTRAINT "SlaNotice_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

