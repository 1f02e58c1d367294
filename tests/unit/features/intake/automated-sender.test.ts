import { describe, expect, it } from 'vitest';
import { automatedReason } from '../../../../lib/features/intake/automated-sender';

const email = (fromAddress: string, headers: Record<string, string> = {}, subject = 'Hello') => ({ fromAddress, headers, subject });

describe('automated senders are recorded but never answered', () => {
  it.each([
    ['Auto-Submitted', email('a@b.example', { 'auto-submitted': 'auto-replied' })],
    ['bounce sender', email('MAILER-DAEMON@mx.example')],
    ['postmaster', email('postmaster@mx.example')],
    ['no-reply', email('no-reply@shop.example')],
    ['noreply with tag', email('noreply+orders@shop.example')],
    ['bulk precedence', email('news@shop.example', { precedence: 'bulk' })],
    ['list mail', email('list@groups.example', { 'list-id': '<list.groups.example>' })],
    ['bounce subject', email('x@mx.example', {}, 'Undelivered Mail Returned to Sender')],
  ])('%s', (_, input) => {
    expect(automatedReason(input)).toBeDefined();
  });

  it('leaves people alone', () => {
    expect(automatedReason(email('maria@example.com', { 'auto-submitted': 'no' }))).toBeUndefined();
    expect(automatedReason(email('noreen@example.com'))).toBeUndefined();
  });
});
