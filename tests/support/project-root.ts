import path from 'node:path';

/** The checkout's root, wherever a test file sits in the tree. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
