import Anthropic from '@anthropic-ai/sdk';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { parseEnv } from '../../lib/platform/config/env';
import { loadKnowledge } from '../../lib/features/knowledge/load-knowledge';
import { selectRelevantPassages } from '../../lib/features/knowledge/select-relevant';
import { extractCitations } from '../../lib/core/knowledge/citations';
import { buildClassifyRequest, CLASSIFY_TEMPLATE } from '../../lib/features/prompts/classify-prompt';
import { buildDraftRequest, DRAFT_TEMPLATE } from '../../lib/features/prompts/draft-prompt';
import { codePromptSource } from '../../lib/features/prompts/prompt-source';
import type { ThreadEntry } from '../../lib/features/prompts/thread';
import { buildVerifyRequest, VERIFY_TEMPLATE } from '../../lib/features/prompts/verify-prompt';
import type { BenchEmail } from './bench-emails';

export interface NaiveEndpoints {
  claudeUrl: string;
  smtpUrl: string;
  databaseUrl: string;
}

export interface NaiveRun {
  /** From the first email handed over to the last reply accepted by SMTP. */
  seconds: number;
  /** Per email, from its arrival to its reply accepted by SMTP. */
  latenciesMs: number[];
  sent: number;
}

const text = (message: Anthropic.Message) => message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');

/**
 * The comparison: what a script without durability does with the same mail, inline and all at
 * once. It stores each email, then makes the same three Claude calls with the same prompts
 * (classify, draft, check the draft) against the same simulator and sends the reply through
 * the same SMTP server. No Temporal, no mirror, no retries, no routing: every draft goes out,
 * and a crash anywhere loses the email's reply.
 */
export async function runNaiveScript(emails: readonly BenchEmail[], endpoints: NaiveEndpoints): Promise<NaiveRun> {
  const config = parseEnv({});
  const claude = new Anthropic({ apiKey: 'offline-simulator', baseURL: endpoints.claudeUrl, maxRetries: 0 });
  const smtp = createTransport(endpoints.smtpUrl);
  const db = new pg.Pool({ connectionString: endpoints.databaseUrl, max: 10 });
  try {
    await db.query('CREATE TABLE IF NOT EXISTS naive_bench_email (id serial PRIMARY KEY, received jsonb NOT NULL, reply text, sent_at timestamptz)');
    const [knowledge, classifyPrompt, draftPrompt, verifyPrompt] = await Promise.all([
      loadKnowledge({ dir: config.KNOWLEDGE_DIR }),
      codePromptSource.resolve(CLASSIFY_TEMPLATE),
      codePromptSource.resolve(DRAFT_TEMPLATE),
      codePromptSource.resolve(VERIFY_TEMPLATE),
    ]);

    const handle = async (email: BenchEmail): Promise<number> => {
      const arrived = performance.now();
      const stored = await db.query<{ id: number }>('INSERT INTO naive_bench_email (received) VALUES ($1) RETURNING id', [JSON.stringify(email)]);
      const thread: ThreadEntry[] = [{ direction: 'inbound', from: email.from, sentAt: new Date().toISOString(), subject: email.subject, text: email.text }];
      const classification = await claude.messages.create(
        buildClassifyRequest({ model: config.CLAUDE_CLASSIFY_MODEL, categories: config.CATEGORIES, thread, cacheTtl: config.CLAUDE_CACHE_TTL, template: classifyPrompt.text }),
      );
      const triage = classification.content.find((block) => block.type === 'tool_use')?.input as Record<string, string> | undefined;
      const passages = selectRelevantPassages(knowledge, `${email.subject}\n${email.text}`);
      const draft = await claude.messages.create(
        buildDraftRequest({
          model: config.CLAUDE_DRAFT_MODEL,
          thread,
          triage: triage && { category: triage.category ?? '', priority: triage.priority ?? '', sentiment: triage.sentiment ?? '', summary: triage.summary ?? '' },
          passages,
          cacheTtl: config.CLAUDE_CACHE_TTL,
          templates: { draft: draftPrompt.text },
        }),
      );
      const reply = extractCitations(text(draft)).text;
      await claude.messages.create(
        buildVerifyRequest({ model: config.CLAUDE_VERIFY_MODEL, thread, draft: reply, passages, cacheTtl: config.CLAUDE_CACHE_TTL, template: verifyPrompt.text }),
      );
      await smtp.sendMail({ from: config.MAIL_FROM, to: email.from, subject: `Re: ${email.subject}`, text: reply, inReplyTo: email.messageId });
      await db.query('UPDATE naive_bench_email SET reply = $2, sent_at = now() WHERE id = $1', [stored.rows[0]?.id, reply]);
      return performance.now() - arrived;
    };

    const started = performance.now();
    const latenciesMs = await Promise.all(emails.map(handle));
    return { seconds: (performance.now() - started) / 1000, latenciesMs, sent: latenciesMs.length };
  } finally {
    smtp.close();
    await db.end();
  }
}
