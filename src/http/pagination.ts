import { ErrorCode, errors, type ApiErrorItem } from '../errors.js';
import type { ListEnvelope } from '../types/generated.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

function parseCount(name: string, raw: string | undefined, fallback: number, max: number, problems: ApiErrorItem[]) {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    problems.push({
      code: ErrorCode.invalidParams,
      description: `${name} "${raw}" is not valid: expected an integer from 0 to ${max}`,
      parameter: name,
    });
    return fallback;
  }
  return n;
}

/** Parses `limit`/`offset` query parameters; bad values are a 422 naming the parameter. */
export function pageParams(query: (name: string) => string | undefined): { limit: number; offset: number } {
  const problems: ApiErrorItem[] = [];
  const limit = parseCount('limit', query('limit'), DEFAULT_LIMIT, MAX_LIMIT, problems);
  const offset = parseCount('offset', query('offset'), 0, Number.MAX_SAFE_INTEGER, problems);
  if (problems.length > 0) throw errors.validation(problems);
  return { limit, offset };
}

export function page<T>(all: T[], { limit, offset }: { limit: number; offset: number }): Omit<ListEnvelope, 'items'> & { items: T[] } {
  const items = all.slice(offset, offset + limit);
  return { offset, limit, count: items.length, totalCount: all.length, items };
}
