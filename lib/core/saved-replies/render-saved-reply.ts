/**
 * Saved replies: text with {{variables}} a manager writes once and agents insert. This file is
 * the one place that knows the variables and how a reply becomes text, so saving, inserting and
 * "revise with" all agree; it is pure, for the browser, the server and tests alike.
 */
export const SAVED_REPLY_VARIABLES = ['customer_name', 'order_number', 'agent_name', 'signature'] as const;
export type SavedReplyVariable = (typeof SAVED_REPLY_VARIABLES)[number];

/** What each variable becomes, for the editor's help text and the "no value" message. */
export const VARIABLE_MEANING: Record<SavedReplyVariable, string> = {
  customer_name: 'the customer’s name',
  order_number: 'the order number in the customer’s mail',
  agent_name: 'your name',
  signature: 'the mailbox’s signature',
};

export type SavedReplyValues = Partial<Record<SavedReplyVariable, string | null | undefined>>;

export type RenderedSavedReply =
  | { ok: true; text: string }
  /** unknown: names no variable; missing: a known variable with no value for this conversation. */
  | { ok: false; unknown: string[]; missing: SavedReplyVariable[]; message: string };

// `{{ name }}`; anything else with braces is a typo the writer must see, never text for a customer.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isVariable(name: string): name is SavedReplyVariable {
  return (SAVED_REPLY_VARIABLES as readonly string[]).includes(name);
}

/** The problems of a saved reply's text, found when it is saved: unknown names and stray braces. */
export function savedReplyProblems(body: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isVariable(name)) unknown.add(name);
  }
  for (const name of unknown) {
    problems.push(name === '' ? 'An empty {{ }} names no variable.' : `Unknown variable {{${name}}}: use ${SAVED_REPLY_VARIABLES.map((known) => `{{${known}}}`).join(', ')}.`);
  }
  const rest = body.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.push('A {{ or }} is not closed: write variables as {{name}}.');
  return problems;
}

/**
 * The saved reply with every variable filled in, or why it cannot be: a value that is missing or
 * blank is reported by name, never left as a blank or a literal {{...}} in mail to a customer.
 */
export function renderSavedReply(body: string, values: SavedReplyValues): RenderedSavedReply {
  const unknown = new Set<string>();
  const missing = new Set<SavedReplyVariable>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isVariable(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name]?.trim();
    if (!value) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  const stray = text.replace(PLACEHOLDER, '').includes('{{');
  if (unknown.size === 0 && missing.size === 0 && !stray) return { ok: true, text };
  const parts: string[] = [];
  if (missing.size > 0) parts.push(`No value for ${[...missing].map((name) => `{{${name}}} (${VARIABLE_MEANING[name]})`).join(', ')} in this conversation: type it in yourself.`);
  if (unknown.size > 0) parts.push(`Unknown variable ${[...unknown].map((name) => `{{${name}}}`).join(', ')}: a manager must correct this saved reply.`);
  if (stray && unknown.size === 0) parts.push('This saved reply has an unclosed {{: a manager must correct it.');
  return { ok: false, unknown: [...unknown], missing: [...missing], message: parts.join(' ') };
}
