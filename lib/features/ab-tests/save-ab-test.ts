import { abTestInputSchema, type AbTestInput } from '../../core/ab/ab-test-schema';
import { describeVariant, type DraftVariantSpec } from '../../core/ab/variants';
import { env } from '../../platform/config/env';
import { getDb, type Db } from '../../platform/db';
import { resolveModel } from '../../platform/llm/resolve-model';
import { SettingsError } from '../settings/settings-error';

export interface SaveAbTestOptions {
  actorId: string;
  /** Whether the drafting prompt exists in this version (the code's, or LangFuse's when configured). */
  promptVersionExists: (version: number) => Promise<boolean>;
  categories?: readonly string[];
}

/** Why a variant cannot run, in words the manager reads; undefined when it can. */
async function variantProblem(variant: DraftVariantSpec, options: SaveAbTestOptions): Promise<string | undefined> {
  if (variant.model !== undefined) {
    const model = resolveModel(variant.model);
    if (!model.known || !model.exact) return `Unknown model "${variant.model}": use one from the model table (e.g. claude-haiku-4-5).`;
    if (model.status === 'retired') return `Model "${variant.model}" is retired and no longer answers.`;
  }
  if (variant.promptVersion !== undefined && !(await options.promptVersionExists(variant.promptVersion))) {
    return `Prompt version ${variant.promptVersion} of the drafting prompt does not exist (or is not a usable text prompt).`;
  }
  return undefined;
}

/** Saves one category's A/B test after checking that both variants exist; audited. */
export async function saveAbTest(raw: AbTestInput, options: SaveAbTestOptions, db: Db = getDb()): Promise<void> {
  const input = abTestInputSchema.parse(raw);
  if (!(options.categories ?? env().CATEGORIES).includes(input.category)) throw new SettingsError('unknown_category', `Unknown category "${input.category}".`);
  for (const [label, variant] of [['A', input.variantA], ['B', input.variantB]] as const) {
    const problem = await variantProblem(variant, options);
    if (problem) throw new SettingsError('invalid_variant', `Variant ${label}: ${problem}`);
  }
  const data = { enabled: input.enabled, variantA: input.variantA, variantB: input.variantB, updatedBy: options.actorId };
  await db.$transaction([
    db.abTest.upsert({ where: { category: input.category }, create: { category: input.category, ...data }, update: data }),
    db.auditLog.create({
      data: {
        actorId: options.actorId,
        action: 'settings.ab_test',
        target: input.category,
        after: { enabled: input.enabled, variantA: describeVariant(input.variantA), variantB: describeVariant(input.variantB) },
      },
    }),
  ]);
}
