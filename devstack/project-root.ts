import { fileURLToPath } from 'node:url';

/** The repository root, wherever the process was started from (npm scripts, tests, CI). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url)).replace(/\/$/, '');
