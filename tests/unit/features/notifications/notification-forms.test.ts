import { describe, expect, it } from 'vitest';
import { preferencesFromForm, preferencesSchema } from '@/lib/features/notifications/preferences-schema';
import { webhookUrlSchema } from '@/lib/features/notifications/webhook-url';

describe('the preferences form', () => {
  it('turns ticked boxes into each kind’s channels, unticked kinds into none', () => {
    const form = new FormData();
    form.set('mention:in_app', 'on');
    form.set('mention:webhook', 'on');
    form.set('escalation:email', 'on');
    const parsed = preferencesSchema.parse(preferencesFromForm(form));
    expect(parsed.mention).toEqual(['in_app', 'webhook']);
    expect(parsed.escalation).toEqual(['email']);
    expect(parsed.digest).toEqual([]);
  });

  it('refuses a channel that does not exist and ignores fields named after Object’s own keys', () => {
    const form = new FormData();
    form.set('mention:carrier_pigeon', 'on');
    form.set('constructor:email', 'on');
    form.set('__proto__:email', 'on');
    const raw = preferencesFromForm(form);
    expect(preferencesSchema.safeParse(raw).success).toBe(false);
    expect(Object.keys(raw as object)).not.toContain('constructor');
  });
});

describe('webhook URLs', () => {
  it('accept https anywhere and plain http only to this machine', () => {
    expect(webhookUrlSchema.safeParse('https://hooks.slack.com/services/T0/B0/x').success).toBe(true);
    expect(webhookUrlSchema.safeParse('http://127.0.0.1:8080/hook').success).toBe(true);
    expect(webhookUrlSchema.safeParse('http://localhost/hook').success).toBe(true);
    for (const refused of ['http://hooks.example.com/x', 'ftp://example.com/x', 'javascript:alert(1)', 'not a url', '']) {
      expect(webhookUrlSchema.safeParse(refused).success, refused).toBe(false);
    }
  });
});
