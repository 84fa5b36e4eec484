import type { ApiErrorItem } from '../errors.js';
import type { SchemaTypes } from '../types/generated.js';
import { sharedSchemaRegistry, type SchemaName } from '../validation/schema-registry.js';
import { checkAgainst } from '../validation/validate-request.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ApiErrorItem[] };

/**
 * Checks a value against one of the mock's schemas (plus WhatsApp's cross-field limits) and
 * answers in MessageBird's error format, for an app's own tests. Extra fields count as errors here.
 */
export function validate<N extends SchemaName>(schemaName: N, value: unknown): ValidationResult<SchemaTypes[N]> {
  const { errors, extras } = checkAgainst(sharedSchemaRegistry(), schemaName, value);
  const all = [...errors, ...extras];
  return all.length === 0 ? { ok: true, value: value as SchemaTypes[N] } : { ok: false, errors: all };
}
