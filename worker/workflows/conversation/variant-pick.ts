import type { VariantLabel } from '../../../lib/core/ab/variants';
import type { ConversationMemory } from '../conversation-state';

/** Why an approval's pick cannot be taken: a side that was not offered for this draft (draft-variants.ts). */
export function variantPickRefusal(memory: ConversationMemory, draftVersion: number, variant: VariantLabel | undefined): string | undefined {
  if (variant === undefined) return undefined;
  const offered = memory.abVariants?.draftVersion === draftVersion ? memory.abVariants.labels : [];
  return offered.includes(variant) ? undefined : `variant ${String(variant)} was not offered for draft version ${draftVersion}`;
}
