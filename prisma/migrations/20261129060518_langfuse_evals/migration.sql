-- CreateTable
CREATE TABLE "EvalItem" (
    "id" TEXT NOT NULL,
    "dataset" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "expectedOutput" JSONB NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "sourceTraceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvalItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvalItem_messageId_key" ON "EvalItem"("messageId");

-- CreateIndex
CREATE INDEX "EvalItem_dataset_createdAt_idx" ON "EvalItem"("dataset", "createdAt");

-- AddForeignKey
ALTER TABLE "EvalItem" ADD CONSTRAINT "EvalItem_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

