import { errors as apiErrors, type ApiErrorItem } from '../errors.js';
import type { SchemaTypes } from '../types/generated.js';
import { describeError, isExtraFieldError, usefulErrors } from './describe-error.js';
import type { SchemaName, SchemaRegistry } from './schema-registry.js';
import { whatsappRuleErrors } from './whatsapp-rules.js';

export interface Validated<T> {
  value: T;
  /** Tolerated problems (extra fields) to log and report in the `Mock-Warning` header. */
  warnings: string[];
}

export interface ValidationOutcome {
  errors: ApiErrorItem[];
  extras: ApiErrorItem[];
}

/** Schema errors plus the rules a schema cannot express, all of them, never just the first. */
export function checkAgainst(registry: SchemaRegistry, name: SchemaName, body: unknown): ValidationOutcome {
  const validate = registry.validator(name);
  const raw = validate(body) ? [] : usefulErrors(validate.errors ?? []);
  return {
    errors: distinct([...raw.filter((e) => !isExtraFieldError(e)).map(describeError), ...whatsappRuleErrors(body)]),
    extras: distinct(raw.filter(isExtraFieldError).map(describeError)),
  };
}

/** A field reached through two schema paths (a base property and a oneOf branch) fails twice. */
function distinct(items: ApiErrorItem[]): ApiErrorItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.parameter}|${i.description}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Validates a request body. Extra fields are tolerated as warnings (real apps, MessageBird's own
 * tutorial bot among them, send some), unless `strict`; WhatsApp's limits are enforced either way.
 * Throws the 422 ApiError listing every violation.
 */
export function validateRequest<N extends SchemaName>(
  registry: SchemaRegistry,
  name: N,
  body: unknown,
  strict: boolean,
): Validated<SchemaTypes[N]> {
  const { errors, extras } = checkAgainst(registry, name, body);
  const rejected = strict ? [...errors, ...extras] : errors;
  if (rejected.length > 0) throw apiErrors.validation(rejected);
  return { value: body as SchemaTypes[N], warnings: extras.map((e) => e.description) };
}
