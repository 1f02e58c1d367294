/** Set by proxy.ts: server components have no other way to learn the requested path. */
export const REQUEST_PATH_HEADER = 'x-countersign-path';
