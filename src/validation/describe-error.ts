import type { ErrorObject } from 'ajv/dist/2020.js';
import { ErrorCode, type ApiErrorItem } from '../errors.js';

/** `/content/interactive/action/buttons/3` → `content.interactive.action.buttons[3]` */
export function toParameter(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/** Long values are cut in messages; the parameter path already says where they are. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}…" (${text.length} characters)` : text;
}

const charCount = (value: unknown) => (typeof value === 'string' ? [...value].length : 0);

/** Limits on interactive content are WhatsApp's own; say so, since the app's fix is on that side. */
const limitOwner = (param: string) => (param.startsWith('content.interactive') ? 'WhatsApp allows' : 'the API allows');

/** Errors a lenient mock tolerates (with a warning) and `--strict` rejects. */
export function isExtraFieldError(e: ErrorObject): boolean {
  return e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties';
}

export function describeError(e: ErrorObject): ApiErrorItem {
  const param = toParameter(e.instancePath);
  const label = (e.parentSchema as { label?: string } | undefined)?.label ?? (param || 'the body');
  const p = e.params as Record<string, unknown>;
  const invalid = (description: string, parameter: string = param): ApiErrorItem => ({
    code: ErrorCode.invalidParams,
    description,
    parameter: parameter || null,
  });

  switch (e.keyword) {
    case 'required': {
      const missing = join(param, String(p.missingProperty));
      return { code: ErrorCode.missingParams, description: `${missing} is required`, parameter: missing };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
      const field = join(param, extra);
      return invalid(`${field} is not a field of ${param || 'the request'}; remove it (check the spelling)`, field);
    }
    case 'maxLength':
      return invalid(`${label} ${quote(e.data)} is ${charCount(e.data)} characters; ${limitOwner(param)} at most ${p.limit}`);
    case 'minLength':
      return invalid(
        p.limit === 1 ? `${label} must not be empty` : `${label} ${quote(e.data)} is shorter than ${p.limit} characters`,
      );
    case 'maxItems': {
      const count = Array.isArray(e.data) ? e.data.length : 0;
      return invalid(`${count} ${label} given; ${limitOwner(param)} at most ${p.limit}`, `${param}[${p.limit}]`);
    }
    case 'minItems':
      return invalid(`${label} needs at least ${p.limit} item${p.limit === 1 ? '' : 's'}`);
    case 'enum': {
      const allowed = (e.schema as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return invalid(`${label} ${quote(e.data)} is not allowed; use one of: ${allowed}`);
    }
    case 'const':
      return invalid(`${label} must be ${JSON.stringify(p.allowedValue)}, got ${quote(e.data)}`);
    case 'type':
      return invalid(`${label} must be ${p.type}, got ${e.data === null ? 'null' : Array.isArray(e.data) ? 'array' : typeof e.data}`);
    case 'pattern':
      return invalid(`${label} ${quote(e.data)} does not match the expected format ${p.pattern}`);
    case 'format':
      return invalid(`${label} ${quote(e.data)} is not a valid ${p.format}`);
    case 'minimum':
    case 'maximum':
      return invalid(`${label} ${quote(e.data)} is out of range; it must be ${p.comparison} ${p.limit}`);
    case 'uniqueItems':
      return invalid(`${label} has the same item twice (positions ${p.j} and ${p.i})`);
    case 'discriminator':
      return invalid(
        p.error === 'tag'
          ? `${join(param, String(p.tag))} must be a string`
          : `${join(param, String(p.tag))} ${quote(p.tagValue)} is not supported here`,
        join(param, String(p.tag)),
      );
    default:
      return invalid(`${label} is invalid: ${e.message ?? e.keyword}`);
  }
}

/** Combinator errors only restate a more precise error about the same value; drop them. */
const COMBINATORS = new Set(['if', 'then', 'else', 'oneOf', 'anyOf', 'allOf', 'not']);

export function usefulErrors(errors: ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !COMBINATORS.has(e.keyword));
  const out = precise.length > 0 ? precise : errors;
  // A discriminator error repeats the enum or required error on its tag; keep those, which say more.
  return out.filter((e) => {
    if (e.keyword !== 'discriminator') return true;
    const tag = (e.params as { tag: string }).tag;
    const repeated = (o: ErrorObject) =>
      (o.keyword === 'enum' && o.instancePath === `${e.instancePath}/${tag}`) ||
      (o.keyword === 'required' && o.instancePath === e.instancePath && o.params.missingProperty === tag);
    return !out.some(repeated);
  });
}
