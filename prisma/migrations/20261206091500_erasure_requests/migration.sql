-- CreateTable
CREATE TABLE "ErasureRequest" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT,
    "subjectHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "requestedBy" TEXT,
    "conversationIds" JSONB NOT NULL DEFAULT '[]',
    "messageIds" JSONB NOT NULL DEFAULT '[]',
    "pendingBlobs" JSONB NOT NULL DEFAULT '[]',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureRequest_kind_createdAt_idx" ON "ErasureRequest"("kind", "createdAt");
