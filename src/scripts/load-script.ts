import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { ErrorCode, type ApiErrorItem } from '../errors.js';
import type { Script } from '../types/generated.js';
import { describeError, toParameter, usefulErrors } from '../validation/describe-error.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';
import { quoteHint, spellingHint } from './error-hints.js';

/** One thing wrong with a script; `path` is where in it (`rules[1].reply`), absent for the file as a whole. */
export interface ScriptProblem {
  path?: string;
  problem: string;
}

/** A script that cannot be used. The message has one `<file>: <path>: <problem>` line per problem. */
export class ScriptError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ScriptProblem[],
  ) {
    super(problems.map((p) => [source, p.path, p.problem].filter((s) => s !== undefined).join(': ')).join('\n'));
    this.name = 'ScriptError';
  }
}

type Segment = string | number;

const segmentsOf = (pointer: string): Segment[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Where the error points: the offending key for an unknown key, else the value checked. */
const segmentsOfError = (e: ErrorObject): Segment[] => {
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  return [...segmentsOf(e.instancePath), ...(extra === undefined ? [] : [extra])];
};

function describeScriptError(e: ErrorObject): ApiErrorItem {
  // The schema states "only one of reply, replies, status" as a `not` whose description says what is wrong.
  const why = e.keyword === 'not' ? (e.schema as { description?: string }).description : undefined;
  if (why) return { code: ErrorCode.invalidParams, description: why, parameter: toParameter(e.instancePath) || null };
  const item = describeError(e);
  // describeError speaks of HTTP bodies; at the top level of a script, say "the script".
  const description = e.instancePath === '' ? item.description.replace(/\bthe (body|request)\b/, 'the script') : item.description;
  return { ...item, description: `${description}${spellingHint(e)}` };
}

function scriptErrors(registry: SchemaRegistry, value: unknown): ErrorObject[] {
  const validate = registry.validator('script');
  if (validate(value)) return [];
  const raw = validate.errors ?? [];
  const kept = new Set([...usefulErrors(raw.filter((e) => e.keyword !== 'not')), ...raw.filter((e) => e.keyword === 'not')]);
  return raw.filter((e) => kept.has(e));
}

/** Every schema violation of a parsed script, as the API's error items (PUT /__mock/script answers them in a 422). */
export function checkScript(registry: SchemaRegistry, value: unknown): ApiErrorItem[] {
  return scriptErrors(registry, value).map(describeScriptError);
}

/** The line of the deepest node on the error's path that exists (a missing key points at its parent). */
function lineOf(doc: Document, lines: LineCounter, at: Segment[]): number | undefined {
  for (let n = at.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

function syntaxProblem(error: YAMLError): ScriptProblem {
  const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const pos = error.linePos?.[0];
  return { ...(pos ? { path: `line ${pos.line}, column ${pos.col}` } : {}), problem: `not valid YAML or JSON: ${firstLine}` };
}

/**
 * Parses and validates a script. YAML and JSON both go through the YAML parser (JSON is YAML), which
 * also rejects duplicate keys and knows lines, so every problem says where it is.
 */
export function parseScript(text: string, sourceName: string, registry: SchemaRegistry): Script {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new ScriptError(sourceName, doc.errors.map(syntaxProblem));
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) {
    throw new ScriptError(sourceName, [
      { problem: 'the script is empty; write a mapping with `rules` and/or `start` (see fixtures/scripts/rules-example.yaml)' },
    ]);
  }
  const problems = scriptErrors(registry, value).map((e) => {
    const item = describeScriptError(e);
    const at = segmentsOfError(e);
    const line = lineOf(doc, lines, at);
    const where = line === undefined ? '' : ` (line ${line})`;
    return { path: item.parameter ?? '(top level)', problem: `${item.description}${quoteHint(e, doc.getIn(at, true), text)}${where}`, line };
  });
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ScriptError(sourceName, problems.map(({ path, problem }) => ({ path, problem })));
  }
  return value as Script;
}

/** Reads and parses a script file (--script FILE); the errors name `path` as given. */
export function loadScriptFile(path: string, registry: SchemaRegistry): Script {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ScriptError(path, [{ problem: `cannot read the script file (${reason}); check the --script path (or SCRIPT)` }]);
  }
  return parseScript(text, path, registry);
}
