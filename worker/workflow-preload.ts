import * as zod from 'zod';

/**
 * Evaluated once in the workflows' V8 context (the SDK's `preloadModules`) and then shared,
 * frozen, by every workflow there; what workflow code imports and is not here, each workflow
 * evaluates for itself when it starts and keeps while it is cached. zod holds no per-run state.
 * Named through this file: zod declares itself free of side effects, so webpack drops a bare
 * `require('zod')` whose result is unused. Workflow code and lib/core stay per run: their
 * schemas cache lazily on themselves, which a frozen object refuses.
 */
export { zod };

// zod writes its default locale and memoizer into its global config when the first schema is
// built; building one here writes them before the SDK freezes that config.
zod.object({ warm: zod.array(zod.string()) }).safeParse({ warm: [''] });
