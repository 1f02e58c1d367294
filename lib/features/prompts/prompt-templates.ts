import { CLASSIFY_TEMPLATE } from './classify-prompt';
import { DRAFT_TEMPLATE, REVISE_TEMPLATE, TEAM_NOTES_TEMPLATE } from './draft-prompt';
import { GROUND_TEMPLATE } from './grounding-prompt';
import type { PromptTemplate } from './prompt-template';
import { VERIFY_TEMPLATE } from './verify-prompt';

/** Every prompt LangFuse manages (`npm run prompts:push` creates or updates them). */
export const PROMPT_TEMPLATES: readonly PromptTemplate[] = [CLASSIFY_TEMPLATE, DRAFT_TEMPLATE, REVISE_TEMPLATE, VERIFY_TEMPLATE, GROUND_TEMPLATE, TEAM_NOTES_TEMPLATE];
