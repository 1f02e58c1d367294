import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own script, injected into each page as it is (nothing else from the package runs here). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** WCAG 2 A and AA, as the issue asks; best-practice rules are left out on purpose. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa'];

/** Runs axe-core in the page and returns its violations, each with the elements it found. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String), summary: node.failureSummary ?? '' })),
    }));
  }, WCAG_TAGS);
}

/** One line per element, for a failure message a person can act on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact ?? '?'}): ${node.target.join(' ')} — ${node.summary.replace(/\s+/g, ' ').slice(0, 300)}`))
    .join('\n');
}
