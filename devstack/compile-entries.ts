import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { COMPILED_DIR, ENTRIES } from './compiled-entries';
import { PROJECT_ROOT } from './project-root';

/**
 * Compiles the entries to plain JavaScript (our code bundled, packages left to node), so each
 * runs as `node .build/<name>.mjs` without tsx's loader: no loader thread, no esbuild service
 * beside every process, no transformed sources kept. Measured in bench/README.md ("Pipeline").
 * Stacks starting at once from one checkout (the tests start several) compile the same sources
 * to the same bytes; each file is written aside and renamed into place, so none reads half a
 * file. A started process has loaded its file whole, so a later compile cannot change it.
 * Source maps sit beside them for `--enable-source-maps`.
 */
export async function compileEntries(options: { root?: string; entries?: Record<string, string>; outdir?: string } = {}): Promise<void> {
  const root = options.root ?? PROJECT_ROOT;
  const outdir = options.outdir ?? path.join(root, COMPILED_DIR);
  const result = await build({
    absWorkingDir: root,
    entryPoints: options.entries ?? ENTRIES,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [packageFilesByPath],
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

/**
 * A file inside a package that declares no `exports` (`nodemailer/lib/addressparser`): tsx and
 * CommonJS find its index.js, Node's ES module resolution does not. Such imports point at the
 * file itself; everything else stays a package import for node to resolve.
 */
const packageFilesByPath: Plugin = {
  name: 'package-files-by-path',
  setup(builder) {
    builder.onResolve({ filter: /^(?:@[^/:]+\/)?[^./@:][^/:]*\/./ }, (args) => {
      const [scopeOrName = '', second = ''] = args.path.split('/');
      const packageName = scopeOrName.startsWith('@') ? `${scopeOrName}/${second}` : scopeOrName;
      const require = createRequire(path.join(args.resolveDir, 'noop.js'));
      let manifest: { exports?: unknown };
      try {
        manifest = JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), 'utf8')) as { exports?: unknown };
      } catch {
        // Its exports do not list package.json: it has exports, and node follows them.
        return { path: args.path, external: true };
      }
      if (manifest.exports !== undefined) return { path: args.path, external: true };
      return { path: require.resolve(args.path), external: true };
    });
  },
};

// `tsx devstack/compile-entries.ts`: `npm start` runs it before the compiled supervisor, and the
// supervisor runs it again as a step of its own (./stack.ts) for a supervisor started from the
// sources (the tests, `tsx devstack/start.ts`); in its own process, so esbuild's memory goes with it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  compileEntries().then(
    () => console.log(`compiled ${Object.values(ENTRIES).join(', ')} to ${COMPILED_DIR}/`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
