import type { RouterRoute } from 'hono/types';

/** `/v1/conversations/:id` → a regex matching concrete paths. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * For the 405 answer: which methods the app serves on a path. Hono has no notion of "path known,
 * method not"; this derives it from the registered routes, skipping middleware (method ALL).
 */
export function allowedMethods(routes: readonly RouterRoute[]): (path: string) => string[] {
  const table = routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, pattern: pathPattern(r.path) }));
  return (path) => [...new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
}
