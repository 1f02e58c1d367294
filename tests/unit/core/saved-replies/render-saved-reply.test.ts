import { describe, expect, it } from 'vitest';
import { renderSavedReply, savedReplyProblems } from '../../../../lib/core/saved-replies/render-saved-reply';

const values = { customer_name: 'Ada Lovelace', order_number: 'A-58213', agent_name: 'Grace', signature: 'Acme Support\nacme.example' };

describe('renderSavedReply', () => {
  it('fills every variable, spaces inside the braces allowed, each as often as it appears', () => {
    const result = renderSavedReply('Hi {{customer_name}},\nyour order {{ order_number }} ships today ({{order_number}}).\n{{agent_name}}\n{{signature}}', values);
    expect(result).toEqual({ ok: true, text: 'Hi Ada Lovelace,\nyour order A-58213 ships today (A-58213).\nGrace\nAcme Support\nacme.example' });
  });

  it('leaves text without variables as it is', () => {
    expect(renderSavedReply('Thanks, we are on it.', {})).toEqual({ ok: true, text: 'Thanks, we are on it.' });
  });

  it('names a variable with no value or a blank one instead of sending a blank or the braces', () => {
    const result = renderSavedReply('Hi {{customer_name}}, order {{order_number}}.', { customer_name: '  ', order_number: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.missing).toEqual(['customer_name', 'order_number']);
    expect(result.message).toContain('{{customer_name}}');
    expect(result.message).toContain('{{order_number}}');
  });

  it('refuses an unknown variable by name even when the rest has values', () => {
    const result = renderSavedReply('Hi {{customer_name}}, {{coupon_code}}', values);
    expect(result).toMatchObject({ ok: false, unknown: ['coupon_code'], missing: [] });
  });

  it('does not treat a value that contains braces as a variable to fill again', () => {
    const result = renderSavedReply('Hi {{customer_name}}', { customer_name: '{{agent_name}}' });
    expect(result).toEqual({ ok: true, text: 'Hi {{agent_name}}' });
  });
});

describe('savedReplyProblems', () => {
  it('accepts the known variables', () => {
    expect(savedReplyProblems('{{customer_name}} {{order_number}} {{agent_name}} {{signature}}')).toEqual([]);
  });

  it('names each unknown variable once', () => {
    const problems = savedReplyProblems('{{customer}} and {{customer}} and {{Customer_Name}}');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('{{customer}}');
    expect(problems[1]).toContain('{{Customer_Name}}');
  });

  it('refuses an empty or unclosed placeholder', () => {
    expect(savedReplyProblems('Hello {{ }}')[0]).toContain('empty');
    expect(savedReplyProblems('Hello {{customer_name')[0]).toContain('not closed');
    expect(savedReplyProblems('Hello customer_name}}')[0]).toContain('not closed');
  });
});

describe('orderNumberIn', () => {
  it('finds an order number the customer wrote, in several languages', async () => {
    const { orderNumberIn } = await import('../../../../lib/core/saved-replies/order-number');
    expect(orderNumberIn('Hi, where is my order #A-58213? Thanks')).toBe('A-58213');
    expect(orderNumberIn('Meine Bestellung 48817 ist nicht angekommen')).toBe('48817');
    expect(orderNumberIn('Invoice 55302 is wrong')).toBeNull();
    expect(orderNumberIn('Call me on +44 20 7946 0958')).toBeNull();
  });
});
