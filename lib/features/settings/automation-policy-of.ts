import { automationPolicyPatchSchema, type AutomationPolicy } from '../../core/policy/automation-policy';

/**
 * The policy in force from its Setting row (null: none saved): the saved fields over the
 * defaults. Apart from the read, so a query that carries the row with others applies the same rule.
 */
export function automationPolicyOf(saved: { value: unknown } | null, defaults: AutomationPolicy): AutomationPolicy {
  if (!saved) return defaults;
  const parsed = automationPolicyPatchSchema.safeParse(saved.value);
  // Fail closed: a row nobody can read must not leave automatic sending on.
  if (!parsed.success) return { ...defaults, autoSendEnabled: false };
  return { ...defaults, ...parsed.data };
}
