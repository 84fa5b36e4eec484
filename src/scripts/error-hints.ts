import type { ErrorObject } from 'ajv/dist/2020.js';
import { isScalar } from 'yaml';

/** Edit distance counting a swap of neighbours as one edit (mtach → match); keys are short. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** For an unknown key: the key the schema allows there that it is a likely typo of, else the allowed keys. */
export function spellingHint(e: ErrorObject): string {
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  if (extra === undefined || known.length === 0) return '';
  const [best] = known
    .map((key) => ({ key, d: distance(extra.toLowerCase(), key.toLowerCase()) }))
    .sort((x, y) => x.d - y.d);
  const likely = best !== undefined && best.d <= Math.max(1, Math.floor(best.key.length / 3));
  return likely ? `; did you mean "${best.key}"?` : `; allowed here: ${known.join(', ')}`;
}

/** YAML reads an unquoted +31612345678 as a number; say so rather than only "must be string". */
export function quoteHint(e: ErrorObject, node: unknown, text: string): string {
  if (e.keyword !== 'type' || (e.params as { type?: string }).type !== 'string') return '';
  if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return '';
  return `; quote it ("${text.slice(node.range[0], node.range[1])}"): unquoted, YAML reads it as a number`;
}
