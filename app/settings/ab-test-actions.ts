'use server';

import { revalidatePath } from 'next/cache';
import { abTestFromFields } from '@/lib/core/ab/ab-test-form';
import { abTestInputSchema } from '@/lib/core/ab/ab-test-schema';
import { promptVersionOf } from '@/lib/features/ab-tests/prompt-version';
import { saveAbTest } from '@/lib/features/ab-tests/save-ab-test';
import { createPromptSource } from '@/lib/features/prompts/create-prompt-source';
import { DRAFT_TEMPLATE } from '@/lib/features/prompts/draft-prompt';
import { env } from '@/lib/platform/config/env';
import { fail, ok, type ActionResult } from '@/lib/web/actions/action-result';
import { serverAction } from '@/lib/web/actions/server-action';

export type AbTestResult = ActionResult<{ saved: true }> | null;

/** A category's A/B test of drafts: two variants (a model or a prompt version each), checked to exist; audited. */
export const saveAbTestAction = serverAction(
  {
    role: 'manager',
    schema: abTestInputSchema,
    fromForm: (form) => abTestFromFields((name) => form.get(name) as string | null),
    onInvalid: (error): AbTestResult => fail(error.issues.slice(0, 2).map((issue) => issue.message).join(' ')),
  },
  async (input, manager): Promise<AbTestResult> => {
    const prompts = createPromptSource(env());
    await saveAbTest(input, { actorId: manager.id, promptVersionExists: async (version) => (await promptVersionOf(prompts, DRAFT_TEMPLATE, version)) !== undefined });
    revalidatePath('/settings');
    return ok({ saved: true });
  },
);
