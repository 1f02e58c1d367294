import { describe, expect, it } from 'vitest';
import { mentionTokens, resolveMentions } from '../../../../lib/core/team/mentions';

const team = [
  { id: 'u1', name: 'Ana López', email: 'ana@team.example' },
  { id: 'u2', name: 'Ben Okafor', email: 'ben.okafor@team.example' },
  { id: 'u3', name: 'Ana Berg', email: 'aberg@team.example' },
];

describe('mentionTokens', () => {
  it('finds names, dotted names and emails, without a sentence’s full stop, and ignores email addresses in text', () => {
    expect(mentionTokens('@ben please look. Also @Ana.López and @aberg@team.example. Mail me at someone@example.com')).toEqual(['ben', 'Ana.López', 'aberg@team.example']);
    expect(mentionTokens('no mentions here, only x@y.example')).toEqual([]);
  });
});

describe('resolveMentions', () => {
  it('resolves each token to exactly one person, by first name, full name or email', () => {
    const resolved = resolveMentions(['ben', 'ana.lópez', 'ABERG@team.example', 'BenOkafor'], team);
    expect(resolved).toEqual({ ok: true, people: [team[1], team[0], team[2]] });
  });

  it('refuses a mention of nobody and an ambiguous one, saying what to write instead', () => {
    expect(resolveMentions(['carla'], team)).toEqual({ ok: false, message: expect.stringMatching(/^@carla matches nobody on the team/) });
    expect(resolveMentions(['ana'], team)).toEqual({ ok: false, message: '@ana matches Ana López, Ana Berg. Use their email instead; the note was not saved.' });
  });
});
