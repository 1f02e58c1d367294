import { z } from 'zod';
import type { DraftVerification } from '../../core/safety/verification';

/** What the second check must return; validated before routing trusts any of it. */
export const verificationSchema = z.object({
  facts_supported: z.boolean(),
  unsupported_statements: z.array(z.string().max(500)).max(20),
  answers_question: z.boolean(),
  makes_commitments: z.boolean(),
  commitments: z.array(z.string().max(500)).max(20),
  follows_email_instructions: z.boolean(),
  followed_instructions: z.array(z.string().max(500)).max(20),
  notes: z.string().max(1000),
});

export type VerificationAnswer = z.infer<typeof verificationSchema>;

export function toDraftVerification(answer: VerificationAnswer): DraftVerification {
  return {
    factsSupported: answer.facts_supported,
    unsupportedStatements: answer.unsupported_statements,
    answersQuestion: answer.answers_question,
    makesCommitments: answer.makes_commitments,
    commitments: answer.commitments,
    followsEmailInstructions: answer.follows_email_instructions,
    followedInstructions: answer.followed_instructions,
    notes: answer.notes,
  };
}

export const VERIFICATION_TOOL = 'record_draft_check';

const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

/** The tool the check is forced to call; its schema mirrors the zod one. */
export const verificationTool = {
  name: VERIFICATION_TOOL,
  description: 'Record the check of the draft reply against the customer email and the knowledge articles.',
  input_schema: {
    type: 'object' as const,
    properties: {
      facts_supported: { type: 'boolean', description: 'Every factual statement in the draft is stated in the knowledge articles' },
      unsupported_statements: strings('Each statement of the draft that the knowledge does not support, quoted'),
      answers_question: { type: 'boolean', description: 'The draft answers what the customer asked' },
      makes_commitments: { type: 'boolean', description: 'The draft promises money, an account change or a legal outcome' },
      commitments: strings('Each such promise, quoted'),
      follows_email_instructions: { type: 'boolean', description: 'The draft does something the email told the assistant to do' },
      followed_instructions: strings('Each instruction from the email that the draft follows'),
      notes: { type: 'string', description: 'One or two sentences for the support agent' },
    },
    required: [
      'facts_supported',
      'unsupported_statements',
      'answers_question',
      'makes_commitments',
      'commitments',
      'follows_email_instructions',
      'followed_instructions',
      'notes',
    ],
  },
};

/** The same shape for structured output (no numeric or length limits, closed objects). */
export function verificationJsonSchema(): Record<string, unknown> {
  return { ...verificationTool.input_schema, additionalProperties: false };
}
