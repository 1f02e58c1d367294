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
    import('../../lib/data/inbox/count-queues'),
    import('../../lib/data/inbox/inbox-cursor'),
    import('../../lib/data/inbox/inbox-filters'),
    import('../../lib/data/inbox/inbox-order'),
    import('../../lib/data/inbox/get-mirror-version'),
    import('../../lib/data/inbox/list-inbox'),
    import('../../lib/data/inbox/walk-inbox'),
  ]);
  return { ...counts, ...cursor, ...filters, ...order, ...mirror, ...list, ...walk };
}

export type DataLayer = Awaited<ReturnType<typeof loadDataLayer>>;
export type ListInboxOptions = Parameters<DataLayer['listInbox']>[0];
