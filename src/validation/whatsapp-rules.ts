import { ErrorCode, type ApiErrorItem } from '../errors.js';

/**
 * WhatsApp limits a JSON Schema cannot state: uniqueness of ids and titles across a message and
 * the total row count across list sections. Works on unvalidated input, so every access is guarded.
 */
const MAX_LIST_ROWS = 10;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter(isObject) : []);

function duplicates(
  entries: { value: unknown; param: string }[],
  what: string,
): ApiErrorItem[] {
  const seen = new Map<unknown, string>();
  const found: ApiErrorItem[] = [];
  for (const { value, param } of entries) {
    if (typeof value !== 'string') continue;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, param);
    else
      found.push({
        code: ErrorCode.invalidParams,
        description: `${what} ${JSON.stringify(value)} is used twice (also at ${first}); WhatsApp needs each ${what} to be unique within the message`,
        parameter: param,
      });
  }
  return found;
}

export function whatsappRuleErrors(body: unknown, base = 'content.interactive'): ApiErrorItem[] {
  if (!isObject(body) || body.type !== 'interactive' || !isObject(body.content)) return [];
  const interactive = body.content.interactive;
  if (!isObject(interactive) || !isObject(interactive.action)) return [];
  const action = interactive.action;

  if (interactive.type === 'button') {
    const buttons = objects(action.buttons).map((b, i) => ({ b, param: `${base}.action.buttons[${i}]` }));
    return [
      ...duplicates(buttons.map(({ b, param }) => ({ value: b.id, param: `${param}.id` })), 'button id'),
      ...duplicates(buttons.map(({ b, param }) => ({ value: b.title, param: `${param}.title` })), 'button title'),
    ];
  }
  if (interactive.type === 'list') {
    const rows = objects(action.sections).flatMap((s, si) =>
      objects(s.rows).map((r, ri) => ({ r, param: `${base}.action.sections[${si}].rows[${ri}]` })),
    );
    const errors = duplicates(rows.map(({ r, param }) => ({ value: r.id, param: `${param}.id` })), 'row id');
    if (rows.length > MAX_LIST_ROWS)
      errors.push({
        code: ErrorCode.invalidParams,
        description: `the list has ${rows.length} rows across its sections; WhatsApp allows at most ${MAX_LIST_ROWS} in total`,
        parameter: rows[MAX_LIST_ROWS]!.param,
      });
    return errors;
  }
  return [];
}
