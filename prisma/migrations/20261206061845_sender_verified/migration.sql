-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "senderVerified" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "senderVerification" TEXT,
ADD COLUMN     "senderVerified" BOOLEAN NOT NULL DEFAULT false;

-- Mail stored before this: verified where its stored DMARC result passed for the From's domain
-- (the organizational domain it recorded, or one below it; operators' allow rules did not exist
-- yet); a conversation takes its first message's.
UPDATE "Message" SET "senderVerified" = true, "senderVerification" = 'dmarc_pass'
WHERE "senderAddress" IS NOT NULL
  AND "authResults"->'dmarc'->>'result' = 'pass'
  AND (lower("authResults"->'dmarc'->>'domain') = lower(substring("senderAddress" from '@([^@]*)$'))
       OR lower(substring("senderAddress" from '@([^@]*)$')) LIKE '%.' || lower("authResults"->'dmarc'->>'domain'));

UPDATE "Message" SET "senderVerification" = 'dmarc_fail'
WHERE "senderVerification" IS NULL AND "authResults"->'dmarc'->>'result' = 'fail';

UPDATE "Conversation" AS c SET "senderVerified" = true
WHERE (SELECT m."senderVerified" FROM "Message" AS m
       WHERE m."conversationId" = c."id" AND m."direction" = 'inbound'
       ORDER BY m."createdAt" ASC LIMIT 1);
