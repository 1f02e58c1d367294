/**
 * What an agent writes travels to the workflow by id: the web stores the text first (an
 * `AgentText` row) and the Temporal Update carries only the row's id, so no workflow history
 * holds it. One vocabulary of kinds, defined once.
 */
export const AGENT_TEXT_KINDS = ['edited_body', 'reason', 'instructions', 'reply'] as const;
export type AgentTextKind = (typeof AGENT_TEXT_KINDS)[number];

/** The id fields an Update (and the activity that stores the decision) may carry instead of the text. */
export interface AgentTextRefs {
  editedBodyId?: string;
  reasonId?: string;
  instructionsId?: string;
  bodyId?: string;
}

/** Which text field each id field stands for, and the kind of row it names. */
export const AGENT_TEXT_FIELDS = {
  editedBodyId: { field: 'editedBody', kind: 'edited_body' },
  reasonId: { field: 'reason', kind: 'reason' },
  instructionsId: { field: 'instructions', kind: 'instructions' },
  bodyId: { field: 'body', kind: 'reply' },
} as const satisfies Record<keyof AgentTextRefs, { field: string; kind: AgentTextKind }>;
