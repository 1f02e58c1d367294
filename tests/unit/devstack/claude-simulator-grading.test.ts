// The grading request of an evaluation (lib/features/evals/grade-reply.ts) is answered like
// every other request: validated with the same rules, faults injectable by purpose, and a grade
// that follows the rubric: unbacked promises and facts cost grounding, style slips cost tone.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startClaudeSimulator, type ClaudeSimulator } from '@/devstack/claude-simulator/server';
import { buildGradeRequest, gradeOf, type Grade } from '@/lib/features/evals/grade-reply';

let sim: ClaudeSimulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startClaudeSimulator({ port: 0 });
  client = new Anthropic({ apiKey: 'sim', baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const knowledge = [
  { slug: 'refunds', title: 'Refund policy', body: 'Annual plans can be refunded in full within 14 days of the initial purchase. Refunds are always decided by a person on the billing team.' },
  { slug: 'invoices', title: 'Finding and downloading invoices', body: 'Account owners find all invoices under Settings → Billing → Invoices, where each one can be downloaded as a PDF.' },
];
const email = { from: 'Tom <tom@example.com>', sentAt: '2026-02-02T09:30:00.000Z', subject: 'Invoices', text: 'Hello, where do I download my invoices? Thanks, Tom' };
const good = 'Hi Tom,\n\nYou can download every invoice as a PDF under Settings → Billing → Invoices.\n\nBest regards,\nThe Support Team';

async function grade(candidate: string, options: { model?: string; from?: typeof email } = {}): Promise<Grade> {
  const message = await client.messages.create(
    buildGradeRequest({ model: options.model ?? 'claude-haiku-4-5', email: options.from ?? email, knowledge, candidate, reference: good }),
  );
  const result = gradeOf(message);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('grading requests', () => {
  it('gives a grounded reply in the team’s style full marks, through the forced tool', async () => {
    expect(await grade(good)).toEqual({ grounding: 5, tone: 5, unsupported_claims: [], tone_problems: [] });
    expect(sim.stats().byPurpose).toMatchObject({ grade: 1, classify: 0, draft: 0 });
  });

  it('marks down promises and facts the knowledge does not back', async () => {
    const invented = `Hi Tom,\n\nI have refunded your last payment and added a 20% discount. Invoices arrive by post within 2 days.\n\nBest regards,\nThe Support Team`;
    const result = await grade(invented);
    expect(result.grounding).toBeLessThanOrEqual(2);
    expect(result.unsupported_claims.join(' ')).toMatch(/refund/);
    expect(result.unsupported_claims.join(' ')).toMatch(/within 2 days/);
  });

  it('marks down the tone for no greeting, shouting, another sign-off, or the wrong language', async () => {
    const sloppy = await grade('Invoices are under Settings → Billing → Invoices! Amazing, right?\n\nCheers');
    expect(sloppy.tone).toBeLessThanOrEqual(2);
    expect(sloppy.tone_problems).toEqual(expect.arrayContaining(['no greeting', 'exclamation marks the customer did not use', 'marketing language']));
    const german = { ...email, text: 'Hallo, wo kann ich die Rechnungen herunterladen? Ich finde die Seite nicht und bitte um Hilfe.' };
    expect((await grade(good, { from: german })).tone_problems).toContain('not in the customer\'s language (de)');
  });

  it('answers in JSON for a model that refuses forced tools, and the same grade', async () => {
    expect(await grade(good, { model: 'claude-sonnet-5-5' })).toMatchObject({ grounding: 5, tone: 5 });
  });

  it('rejects what the API rejects, as for any request', async () => {
    const request = buildGradeRequest({ model: 'claude-haiku-4-5', email, knowledge, candidate: good });
    await expect(client.messages.create({ ...request, model: 'claude-3-7-sonnet-20250219' })).rejects.toMatchObject({ status: 404 });
    await expect(client.messages.create({ ...request, max_tokens: 100_000 }, { timeout: 10_000 })).rejects.toMatchObject({ status: 400 });
    // A forced tool on a model that refuses forced tool use.
    await expect(client.messages.create({ ...request, model: 'claude-sonnet-5-5' })).rejects.toMatchObject({ status: 400 });
  });

  it('takes faults aimed at grading only, and can answer in a broken shape that validation catches', async () => {
    await fetch(`${sim.url}/__simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ purpose: 'grade', fault: '529', times: 1 }] }),
    });
    await expect(grade(good)).rejects.toMatchObject({ status: 529 });
    expect(await grade(good)).toMatchObject({ grounding: 5 });
    sim.configure({ malformedRate: 1 });
    const message = await client.messages.create(buildGradeRequest({ model: 'claude-haiku-4-5', email, knowledge, candidate: good }));
    expect(gradeOf(message)).toMatchObject({ problem: expect.stringMatching(/grounding/) as unknown });
  });
});
