/** Bounds on knowledge, in one place: the editor, the import and the prompt all honour them. */
export const KNOWLEDGE_LIMITS = {
  /** An article's Markdown; longer ones are refused (split them) rather than cut. */
  maxArticleChars: 100_000,
  maxTitleChars: 200,
  /** Keywords (labels, other ways customers ask) per article, and characters in one. */
  maxKeywords: 50,
  maxKeywordChars: 200,
  /** A passage aims below this many characters (about 250 tokens), split at paragraphs. */
  passageTargetChars: 1_000,
  /** A single paragraph longer than this is split at sentences. */
  passageMaxChars: 1_600,
  /** Retrieved passages in one drafting prompt: at most this many... */
  maxPassages: 6,
  /** ...and at most this many tokens (about 4 characters a token), after the cache breakpoint. */
  passageBudgetTokens: 1_500,
  /** Files in one import, and bytes in one file (a help centre's whole JSON export is one file). */
  maxImportFiles: 10_000,
  maxImportFileBytes: 25 * 1024 * 1024,
  /**
   * Bytes in one import upload, all files together: the route (POST /api/knowledge/import)
   * stops reading past it and answers 413; the form refuses it before sending.
   */
  maxImportUploadBytes: 50 * 1024 * 1024,
} as const;

/** The estimate used for budgets: about four characters a token, as Anthropic documents. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
