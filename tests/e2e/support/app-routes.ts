import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface AppRoute {
  kind: 'page' | 'route';
  /** A concrete URL path; dynamic segments get placeholder values. */
  path: string;
  file: string;
}

const PAGE = /^page\.(tsx|ts|jsx|js)$/;
const ROUTE = /^route\.(ts|js)$/;

/** Every page and route handler under app/, as the App Router would serve them. */
export function discoverAppRoutes(appDir: string): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const segment = urlSegment(entry.name);
        if (segment !== null) walk(full, segment === '' ? segments : [...segments, segment]);
      } else if (PAGE.test(entry.name) || ROUTE.test(entry.name)) {
        routes.push({ kind: PAGE.test(entry.name) ? 'page' : 'route', path: `/${segments.join('/')}`, file: path.relative(appDir, full) });
      }
    }
  };
  walk(appDir, []);
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** '' for segments that add nothing to the URL, null for folders that are not routes. */
function urlSegment(name: string): string | null {
  if (name.startsWith('_') || name.startsWith('@') || name.startsWith('(.')) return null; // private, slots, intercepts
  if (name.startsWith('(') && name.endsWith(')')) return ''; // route group
  if (name.startsWith('[[...')) return '';
  if (name.startsWith('[...')) return 'sweep';
  if (name.startsWith('[')) return 'sweep-id';
  return name;
}
