export interface KnowledgeArticle {
  /** Stable id used in "knowledge used" lists: file name or database slug. */
  slug: string;
  title: string;
  body: string;
}
