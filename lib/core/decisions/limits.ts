/** How long an agent's decision texts may be: the form, the REST API and the workflow's validators share these. */
export const DECISION_LIMITS = {
  editedBody: 20_000,
  reason: 2_000,
  instructions: 4_000,
} as const;
