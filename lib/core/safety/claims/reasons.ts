import type { ClaimRule } from './types';

/** One sentence per hold, for the agent who reads the conversation page. */
const WHAT: Record<ClaimRule, string> = {
  amount: 'an amount of money',
  percentage: 'a percentage',
  code: 'a code or number',
  phone: 'a phone number',
  url: 'a link',
  email: 'an email address',
  street_address: 'a street address',
  date: 'a date, time or deadline',
  person: 'a person',
  completed_action: '',
  promised_action: '',
};

export function holdReason(rule: ClaimRule, token: string): string {
  if (rule === 'completed_action') {
    return `The draft says an account or money action was done ("${token}"), but the pipeline performs no actions.`;
  }
  if (rule === 'promised_action') {
    return `The draft promises an account or money action ("${token}"); only a person may promise one.`;
  }
  return `The draft names ${WHAT[rule]} ("${token}") that is not in the knowledge passages given, nor the customer's own details.`;
}
