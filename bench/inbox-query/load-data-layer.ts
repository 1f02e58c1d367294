import { register } from 'node:module';

// The data layer starts with `import 'server-only'`, which throws outside React Server
// Components. The benchmark is a plain Node process, so the guard resolves to an empty
// module here; the data modules are imported dynamically, after the hook is in place.
register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context); }',
  )}`,
);

/** The inbox data functions under test, loaded once the server-only guard is inert. */
export async function loadDataLayer() {
  const [counts, cursor, filters, order, mirror, list, walk] = await Promise.all([
    import('../../lib/read/inbox/count-queues'),
    import('../../lib/read/inbox/inbox-cursor'),
    import('../../lib/read/inbox/inbox-filters'),
    import('../../lib/read/inbox/inbox-order'),
    import('../../lib/read/inbox/get-mirror-version'),
    import('../../lib/read/inbox/list-inbox'),
    import('../../lib/read/inbox/walk-inbox'),
  ]);
  return { ...counts, ...cursor, ...filters, ...order, ...mirror, ...list, ...walk };
}

export type DataLayer = Awaited<ReturnType<typeof loadDataLayer>>;
export type ListInboxOptions = Parameters<DataLayer['listInbox']>[0];
