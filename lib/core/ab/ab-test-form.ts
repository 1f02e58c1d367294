/**
 * The A/B settings form's fields as the schema's input (ab-test-schema.ts): each side has a
 * model field and a prompt-version field, and the manager fills one of them.
 */
export function abTestFromFields(get: (name: string) => string | null): unknown {
  const side = (prefix: 'a' | 'b') => {
    const model = get(`${prefix}_model`)?.trim();
    const prompt = get(`${prefix}_prompt`)?.trim();
    return { ...(model ? { model } : {}), ...(prompt ? { promptVersion: Number(prompt) } : {}) };
  };
  return { category: get('category') ?? '', enabled: get('enabled') === 'on', variantA: side('a'), variantB: side('b') };
}
