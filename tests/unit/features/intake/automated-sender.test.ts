import { describe, expect, it } from 'vitest';
import { automatedReason } from '../../../../lib/features/intake/automated-sender';

const email = (fromAddress: string, headers: Record<string, string> = {}, subject = 'Hello') => ({ fromAddress, headers, subject });

describe('automated senders are recorded but never answered', () => {
  // Each case names the reason it must be recorded with: a right answer for a wrong reason
  // (a list mail called a bounce) would mislead whoever reads the conversation.
  it.each([
    ['Auto-Submitted', email('a@b.example', { 'auto-submitted': 'auto-replied' }), 'Auto-Submitted: auto-replied'],
    ['X-Autoreply', email('a@b.example', { 'x-autoreply': 'yes' }), 'auto-reply header'],
    ['bounce sender', email('MAILER-DAEMON@mx.example'), 'bounce'],
    ['postmaster', email('postmaster@mx.example'), 'bounce'],
    ['no-reply', email('no-reply@shop.example'), 'no-reply sender'],
    ['noreply with tag', email('noreply+orders@shop.example'), 'no-reply sender'],
    ['bulk precedence', email('news@shop.example', { precedence: 'bulk' }), 'Precedence: bulk'],
    ['list mail', email('list@groups.example', { 'list-id': '<list.groups.example>' }), 'mailing list'],
    ['list-unsubscribe only', email('deals@shop.example', { 'list-unsubscribe': '<mailto:u@shop.example>' }), 'mailing list'],
    ['bounce subject', email('x@mx.example', {}, 'Undelivered Mail Returned to Sender'), 'bounce'],
    ['X-Failed-Recipients', email('x@mx.example', { 'x-failed-recipients': 'jo@example.com' }), 'bounce'],
  ])('%s', (_, input, reason) => {
    expect(automatedReason(input)).toBe(reason);
  });

  it('leaves people alone', () => {
    expect(automatedReason(email('maria@example.com', { 'auto-submitted': 'no' }))).toBeUndefined();
    expect(automatedReason(email('noreen@example.com'))).toBeUndefined();
  });
});
