// A deterministic stand-in for the real tokenizer. Roughly four characters per token is what
// Anthropic documents as a rule of thumb for English; exactness does not matter, stability does.
const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Images and documents have no text to count; the API bills them at a few hundred tokens or more. */
export const ATTACHMENT_TOKENS = 800;
