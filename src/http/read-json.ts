import type { Context } from 'hono';
import { errors } from '../errors.js';

/**
 * The body as a JSON object, whatever the Content-Type says: curl's `-d` sends
 * application/x-www-form-urlencoded by default and the real API is just as forgiving.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') throw errors.notAnObject('an empty body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw errors.badJson((e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.notAnObject(parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
}
