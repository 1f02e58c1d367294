-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "imapSentFolder" TEXT,
ADD COLUMN     "oauthAccessToken" TEXT,
ADD COLUMN     "oauthError" TEXT,
ADD COLUMN     "oauthExpiresAt" TIMESTAMP(3),
ADD COLUMN     "oauthProvider" TEXT,
ADD COLUMN     "oauthRefreshToken" TEXT,
ADD COLUMN     "oauthStatus" TEXT;

-- CreateTable
CREATE TABLE "MailboxOAuthRequest" (
    "state" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "mailboxId" TEXT,
    "address" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxOAuthRequest_pkey" PRIMARY KEY ("state")
);

