// The layers of the tree, as allow-lists: a file may import only from the places its layer
// names. Sorted first by who may import a file, then by domain (see ARCHITECTURE.md).
// First match wins, so put a narrower folder before its parent.
import path from 'node:path';

const LIB = ['lib/core/', 'lib/platform/', 'lib/features/', 'lib/read/', 'lib/web/'];

/** @type {{ layer: string, files: string, may: string[], typeOnly?: string[], packages?: string[], why: string }[]} */
export const LAYERS = [
  {
    layer: 'core',
    files: 'lib/core/',
    may: ['lib/core/'],
    packages: ['zod', '@temporalio/workflow', 'diff'],
    why: 'lib/core is pure: workflows, the browser and the server all import it, so it imports nothing with I/O',
  },
  { layer: 'platform', files: 'lib/platform/', may: ['lib/core/', 'lib/platform/'], why: 'lib/platform is infrastructure: it knows no feature, page or query' },
  { layer: 'features', files: 'lib/features/', may: ['lib/core/', 'lib/platform/', 'lib/features/'], why: 'lib/features is the domain: no dashboard queries or web glue' },
  { layer: 'read', files: 'lib/read/', may: ['lib/core/', 'lib/platform/', 'lib/features/', 'lib/read/'], why: 'lib/read holds the dashboard queries: no web glue' },
  { layer: 'web', files: 'lib/web/', may: LIB, why: 'lib/web is the web app’s glue' },
  {
    layer: 'workflows',
    files: 'worker/workflows/',
    may: ['lib/core/', 'worker/workflows/'],
    typeOnly: ['worker/activities/'],
    why: 'workflow code is deterministic and bundled for the sandbox: only lib/core, and activities as types',
  },
  {
    layer: 'worker',
    files: 'worker/',
    may: ['lib/core/', 'lib/platform/', 'lib/features/', 'worker/'],
    why: 'the worker runs outside Next: no dashboard queries or web glue (they are server-only)',
  },
  {
    layer: 'app',
    files: 'app/',
    may: ['lib/core/', 'lib/features/', 'lib/read/', 'lib/web/', 'lib/platform/config/', 'lib/platform/health/', 'components/', 'app/'],
    why: 'pages, actions and routes go through lib/features, lib/read and lib/web, never the database or Temporal client directly',
  },
  { layer: 'components', files: 'components/', may: ['lib/core/', 'lib/web/', 'components/'], why: 'shared UI primitives know no data layer' },
  {
    layer: 'web-server',
    files: 'web/',
    may: ['lib/platform/config/', 'lib/platform/db/database-url', 'lib/platform/db/migrations/', 'lib/features/users/first-run', 'lib/web/forwarded-headers', 'lib/web/direct/'],
    why: 'the web server entry only checks migrations, makes the first run every entry makes, listens, settles forwarding headers and answers mail intake itself (lib/web/direct/: Next’s pipeline cost more CPU than the intake); the app is Next',
  },
  { layer: 'proxy', files: 'proxy.ts', may: ['lib/web/'], why: 'the proxy runs on every request: web glue only' },
  { layer: 'scripts', files: 'scripts/', may: ['lib/core/', 'lib/platform/', 'lib/features/', 'scripts/'], why: 'operator scripts use the domain, not the web app' },
  { layer: 'evals', files: 'evals/', may: [...LIB, 'devstack/', 'evals/'], why: 'evaluations use the domain and, offline, the Claude simulator; nothing imports them' },
  { layer: 'devstack', files: 'devstack/', may: [...LIB, 'devstack/'], why: 'the dev stack may use the product; the product never uses it' },
  { layer: 'bench', files: 'bench/', may: [...LIB, 'devstack/', 'worker/', 'tests/support/', 'tests/integration/support/', 'bench/'], why: 'benchmarks measure the product with the test harness' },
];

function layerOf(file) {
  return LAYERS.find((entry) => (entry.files.endsWith('/') ? file.startsWith(entry.files) : file === entry.files));
}

const NODE_BUILTIN = /^node:/;

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer allow-lists in lint/layers.mjs' },
    schema: [],
    messages: {
      forbidden: '{{layer}} may not import {{target}}: {{why}}.',
      typeOnly: '{{layer}} may import {{target}} as types only: {{why}}.',
      package: '{{layer}} may not import the package {{target}}: {{why}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string') return;
      const isPath = spec.startsWith('.') || spec.startsWith('@/');
      if (!isPath) {
        const allowed = layer.packages;
        if (allowed && !typeOnly && (NODE_BUILTIN.test(spec) || !allowed.some((name) => spec === name || spec.startsWith(`${name}/`)))) {
          context.report({ node, messageId: 'package', data: { layer: layer.files, target: spec, why: layer.why } });
        }
        return;
      }
      const absolute = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(context.filename), spec);
      const target = path.relative(root, absolute).split(path.sep).join('/');
      const within = (prefixes) => (prefixes ?? []).some((prefix) => target.startsWith(prefix) || `${target}/` === prefix || `${target}.ts` === prefix);
      if (within(layer.may)) return;
      if (within(layer.typeOnly)) {
        if (!typeOnly) context.report({ node, messageId: 'typeOnly', data: { layer: layer.files, target, why: layer.why } });
        return;
      }
      context.report({ node, messageId: 'forbidden', data: { layer: layer.files, target, why: layer.why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value, false),
    };
  },
};

export const layersPlugin = { rules: { imports: layersRule } };
