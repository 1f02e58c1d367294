/**
 * A prompt's editable text with `{{variables}}`, the form LangFuse stores (text prompts,
 * mustache-style variables). The code holds each prompt's own version, used offline, in tests
 * and whenever LangFuse has none; a LangFuse version replaces the text, never the variables:
 * one that drops a required variable (the untrusted-data rules, say) or names an unknown one
 * is refused and the code's text used instead.
 */

export interface PromptTemplate {
  name: string;
  /** The code's version; bump it when the text changes. */
  version: number;
  text: string;
  /** Every variable the text must contain, filled in by the code that builds the request. */
  variables: readonly string[];
}

/** The text a request is built from, and where it came from (for linking generations). */
export interface ResolvedPrompt {
  name: string;
  version: number;
  source: 'langfuse' | 'code';
  text: string;
}

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function defineTemplate(template: PromptTemplate): PromptTemplate {
  const problem = templateProblem(template, template.text);
  if (problem) throw new Error(`prompt ${template.name}: ${problem}`);
  return Object.freeze({ ...template, variables: Object.freeze([...template.variables]) });
}

/** Why `text` cannot stand in for the template, or null when it can. */
export function templateProblem(template: Pick<PromptTemplate, 'variables'>, text: string): string | null {
  const used = new Set([...text.matchAll(VARIABLE)].map((match) => match[1] ?? ''));
  const missing = template.variables.filter((name) => !used.has(name));
  if (missing.length > 0) return `the text lacks {{${missing.join('}}, {{')}}}`;
  const unknown = [...used].filter((name) => !template.variables.includes(name));
  if (unknown.length > 0) return `the text uses unknown variables {{${unknown.join('}}, {{')}}}`;
  return null;
}

/**
 * Fills the variables in one pass: a value is inserted as it is, so `{{…}}` inside customer
 * text stays text and is never filled in itself.
 */
export function renderPrompt(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (whole, name: string) => values[name] ?? whole);
}

export function codePrompt(template: PromptTemplate): ResolvedPrompt {
  return { name: template.name, version: template.version, source: 'code', text: template.text };
}
