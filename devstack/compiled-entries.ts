// What `npm start` runs compiled, and where (devstack/compile-entries.ts compiles them).
/** The TypeScript entries `npm start` runs, by the name their process goes by. */
export const ENTRIES = {
  // The supervisor itself: `npm start` compiles, then runs `node .build/start.mjs`.
  start: 'devstack/start.ts',
  worker: 'worker/main.ts',
  web: 'web/main.ts',
  'claude-sim': 'devstack/claude-simulator/main.ts',
  mail: 'devstack/mail-catcher/main.ts',
  // Short-lived: the supervisor's readiness checks against Temporal, so it never loads the client.
  'temporal-ready': 'devstack/temporal-ready/main.ts',
} as const;

export type EntryName = keyof typeof ENTRIES;

/**
 * One level below the root, like every entry's own folder: paths the code derives from
 * `import.meta.url` ('../prisma/migrations', the project root) resolve the same compiled.
 */
export const COMPILED_DIR = '.build';

/** Where an entry's JavaScript is, relative to the root: `node .build/worker.mjs`. */
export const compiledPath = (name: EntryName): string => `${COMPILED_DIR}/${name}.mjs`;
