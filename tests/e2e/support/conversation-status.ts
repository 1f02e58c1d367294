import { createDb } from '../../../lib/platform/db/client';
import type { RunningStack } from './running-stack';

const WORKFLOW_MS = 90_000;
const POLL_MS = 250;

/** The conversation's status as the stack stored it. */
export async function statusOf(stack: RunningStack, conversationId: string): Promise<string | undefined> {
  const db = createDb(stack.databaseUrl);
  try {
    return (await db.conversation.findUnique({ where: { id: conversationId }, select: { status: true } }))?.status;
  } finally {
    await db.$disconnect();
  }
}

/**
 * Polls the store until the conversation's status satisfies `wanted` (the workflow mirrors each
 * step there), failing with the last status seen after `timeoutMs`.
 */
export async function waitForStatus(
  stack: RunningStack,
  conversationId: string,
  wanted: (status: string | undefined) => boolean,
  what: string,
  timeoutMs = WORKFLOW_MS,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(stack, conversationId);
    if (wanted(status)) return status;
    if (Date.now() > deadline) throw new Error(`${conversationId} never reached ${what}: ${status}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
