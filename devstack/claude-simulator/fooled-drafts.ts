// What a fully fooled drafter writes: the reply the email's author wanted. A test registers,
// per email, a piece of its text and the reply a fooled model would write for it; the drafter
// answers with it when `fooled.drafter` is on and the newest email contains that text.
import { z } from 'zod';

export const fooledDraftsSchema = z.strictObject({
  drafts: z
    .array(z.strictObject({ match: z.string().min(8).max(2_000), draft: z.string().min(1).max(20_000) }))
    .max(1_000),
});

export class FooledDrafts {
  private entries: { match: string; draft: string }[] = [];

  add(drafts: readonly { match: string; draft: string }[]): number {
    this.entries.push(...drafts);
    return this.entries.length;
  }

  /** The registered reply for this email, the most specific (longest) match first. */
  draftFor(emailText: string): string | null {
    let best: { match: string; draft: string } | null = null;
    for (const entry of this.entries) {
      if (emailText.includes(entry.match) && (!best || entry.match.length > best.match.length)) best = entry;
    }
    return best?.draft ?? null;
  }

  clear(): void {
    this.entries = [];
  }
}
