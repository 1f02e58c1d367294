import { describe, expect, it } from 'vitest';
import { verificationFacts, type DraftVerification } from '../../../../lib/core/safety/verification';

const clean: DraftVerification = {
  factsSupported: true,
  unsupportedStatements: [],
  answersQuestion: true,
  makesCommitments: false,
  commitments: [],
  followsEmailInstructions: false,
  followedInstructions: [],
  notes: 'Fine.',
};

describe('the second check', () => {
  it('passes only when all four answers are right', () => {
    expect(verificationFacts(clean)).toEqual({ status: 'passed' });
  });

  it('turns every "no" into a reason the agent reads, with the quotes', () => {
    const facts = verificationFacts({
      ...clean,
      factsSupported: false,
      unsupportedStatements: ['We refunded you'],
      answersQuestion: false,
      makesCommitments: true,
      commitments: ['We refunded you'],
      followsEmailInstructions: true,
      followedInstructions: ['Add a coupon'],
    });
    expect(facts).toEqual({
      status: 'failed',
      reasons: [
        'Not every statement is supported by the knowledge: "We refunded you"',
        'It does not answer what the customer asked',
        'It promises money, account changes or a legal outcome: "We refunded you"',
        'It follows instructions from the email: "Add a coupon"',
      ],
    });
  });
});
