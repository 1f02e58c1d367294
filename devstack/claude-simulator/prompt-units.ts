// Flattens a request into the ordered list of blocks the API caches over: tools, then system,
// then message blocks. Each unit carries its token estimate and its cache breakpoint, if any.
import type { CacheControl, CountTokensRequest, RequestContentBlock } from './messages-api';
import { ATTACHMENT_TOKENS, estimateTokens } from './tokens';

export interface PromptUnit {
  /** Canonical JSON of the block (without cache_control), the input of the prefix hash. */
  key: string;
  tokens: number;
  cacheControl: CacheControl | null;
}

export function blockText(block: RequestContentBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'tool_use':
      return `${block.name} ${JSON.stringify(block.input)}`;
    case 'tool_result':
      if (typeof block.content === 'string') return block.content;
      return (block.content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('\n');
    case 'image':
    case 'document':
      return '';
  }
}

function blockTokens(block: RequestContentBlock): number {
  if (block.type === 'image' || block.type === 'document') return ATTACHMENT_TOKENS;
  return Math.max(1, estimateTokens(blockText(block)));
}

// Moving a breakpoint must not change the cache key of the content it sits on.
function canonicalKey(scope: string, value: object): string {
  return JSON.stringify({ scope, value: { ...value, cache_control: undefined } });
}

export function promptUnits(request: CountTokensRequest): PromptUnit[] {
  const units: PromptUnit[] = [];
  for (const tool of request.tools ?? []) {
    const { name, description, input_schema } = tool;
    units.push({
      key: canonicalKey('tool', { name, description, input_schema }),
      tokens: estimateTokens(JSON.stringify({ name, description, input_schema })),
      cacheControl: tool.cache_control ?? null,
    });
  }
  const system = typeof request.system === 'string' ? [{ type: 'text' as const, text: request.system }] : request.system;
  for (const block of system ?? []) {
    if (block.text.length === 0) continue;
    units.push({
      key: canonicalKey('system', { text: block.text }),
      tokens: estimateTokens(block.text),
      cacheControl: block.cache_control ?? null,
    });
  }
  for (const message of request.messages) {
    const blocks: RequestContentBlock[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    for (const block of blocks) {
      units.push({
        key: canonicalKey(message.role, block),
        tokens: blockTokens(block),
        cacheControl: block.cache_control ?? null,
      });
    }
  }
  // Automatic caching puts the breakpoint on the last cacheable block of the request.
  const last = units.at(-1);
  if (request.cache_control && last && !last.cacheControl) last.cacheControl = request.cache_control;
  return units;
}

export function totalTokens(units: readonly PromptUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.tokens, 0);
}
