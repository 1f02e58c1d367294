export interface KnowledgeArticle {
  /** Stable id: file name or database slug. */
  slug: string;
  title: string;
  body: string;
}

/** A retrieved passage as a prompt shows it: the id the draft cites, where it is from, the text. */
export interface PromptPassage {
  id: string;
  heading: string;
  text: string;
}
