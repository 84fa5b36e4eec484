import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { fixturesDir, packageRoot } from '../../src/paths.js';
import { scriptRoutes } from '../../src/routes/script.js';
import { ScriptError, checkScript, loadScriptFile, parseScript } from '../../src/scripts/load-script.js';
import type { Script } from '../../src/types/generated.js';
import { sharedSchemaRegistry } from '../../src/validation/schema-registry.js';

const registry = sharedSchemaRegistry();
const fixturePath = (dir: string, name: string) => relative(packageRoot, join(fixturesDir, dir, name));
const yamlFiles = (dir: string) => readdirSync(join(fixturesDir, dir)).filter((f) => f.endsWith('.yaml'));

function failure(run: () => unknown): ScriptError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error('expected a ScriptError, but the script loaded');
}

describe('example scripts', () => {
  it.each(yamlFiles('scripts'))('%s loads', (file) => {
    const script = loadScriptFile(fixturePath('scripts', file), registry);
    expect((script.rules?.length ?? 0) + (script.start?.length ?? 0)).toBeGreaterThan(0);
  });

  it('rules-example.yaml reads as the spec example', () => {
    const script = loadScriptFile(fixturePath('scripts', 'rules-example.yaml'), registry);
    expect(script.seed).toBe(42);
    expect(script.defaults).toEqual({ delayMs: 500 });
    expect(script.rules?.map((r) => r.match)).toEqual([
      { interactive: 'list', text: 'Main Menu' },
      { interactive: 'button', to: '+31612345678' },
      { interactive: 'button', offers: 'yes-unique-id' },
      { to: '+31600000009' },
      { to: '+31600000010' },
    ]);
    expect(script.rules?.[4]?.status).toEqual({ failed: { code: 470, description: 'outside the 24 hour window' } });
  });
});

/** Each invalid fixture: the path its error names (null: the file as a whole) and a part of the problem. */
const EXPECTED: Record<string, [path: string | null, problem: string]> = {
  'unknown-key.yaml': ['rules[0].reply.choise', 'did you mean "choice"?'],
  'unknown-top-level-key.yaml': ['sedd', 'is not a field of the script'],
  'reply-and-replies.yaml': ['rules[0]', 'exactly one of reply, replies or status'],
  'status-and-reply.yaml': ['rules[0]', 'a failed message never reaches the user'],
  'rule-without-outcome.yaml': ['rules[0]', 'exactly one of reply, replies or status'],
  'rule-without-match.yaml': ['rules[0].match', 'is required'],
  'two-reply-kinds.yaml': ['rules[0].reply', 'only one of choice, index, text, random or none'],
  'none-with-delay.yaml': ['rules[0].reply', 'takes no delayMs'],
  'unquoted-number.yaml': ['rules[0].match.to', 'quote it ("+31612345678")'],
  'interactive-with-other-type.yaml': ['rules[0].match.type', 'must be "interactive", got "text"'],
  'unknown-interactive-kind.yaml': ['rules[0].match.interactive', 'use one of: "button", "list"'],
  'negative-delay.yaml': ['defaults.delayMs', 'it must be >= 0'],
  'times-zero.yaml': ['rules[0].times', 'it must be >= 1'],
  'empty-replies.yaml': ['rules[0].replies', 'at least 1 item'],
  'start-without-from.yaml': ['start[0].from', 'is required'],
  'yaml-syntax-error.yaml': ['line 3, column 5', 'not valid YAML or JSON'],
  'duplicate-key.yaml': ['line 4, column 5', 'Map keys must be unique'],
  'not-a-mapping.yaml': ['(top level)', 'the script must be object, got array'],
  'empty-file.yaml': [null, 'the script is empty'],
};

describe('invalid scripts stop start-up with file, path and problem', () => {
  it.each(yamlFiles('invalid/script'))('%s', (file) => {
    const expected = EXPECTED[file];
    expect(expected, `add ${file} to EXPECTED in this test`).toBeDefined();
    const path = fixturePath('invalid/script', file);
    const error = failure(() => loadScriptFile(path, registry));
    const [where, problem] = expected!;
    expect(error.message).toContain(where === null ? `${path}: ${problem}` : `${path}: ${where}: `);
    expect(error.message).toContain(problem);
  });

  it('has a fixture for every expectation', () => {
    expect(Object.keys(EXPECTED).filter((f) => !yamlFiles('invalid/script').includes(f))).toEqual([]);
  });

  it('names a file that cannot be read', () => {
    expect(failure(() => loadScriptFile('no/such/script.yaml', registry)).message).toBe(
      'no/such/script.yaml: cannot read the script file (ENOENT); check the --script path (or SCRIPT)',
    );
  });

  it('reports every problem, one line each, in file order with its line', () => {
    const text = ['sedd: 1', 'rules:', '  - match: { mtach: x }', '    reply: { index: -1 }'].join('\n');
    const error = failure(() => parseScript(text, 'many.yaml', registry));
    expect(error.message.split('\n')).toEqual([
      expect.stringMatching(/^many\.yaml: sedd: .*did you mean "seed"\? \(line 1\)$/),
      expect.stringMatching(/^many\.yaml: rules\[0\]\.match\.mtach: .*allowed here: interactive, type, text, to, channelId, offers \(line 3\)$/),
      expect.stringMatching(/^many\.yaml: rules\[0\]\.reply\.index: .*>= 0 \(line 4\)$/),
    ]);
    expect(error.problems).toHaveLength(3);
  });
});

describe('parseScript', () => {
  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({ rules: [{ match: { interactive: 'button' }, reply: { choice: 'yes-unique-id' } }] }, null, '\t');
    expect(parseScript(json, 'script.json', registry).rules?.[0]?.reply).toEqual({ choice: 'yes-unique-id' });
  });

  it('rejects duplicate keys in JSON, which JSON.parse would silently drop', () => {
    expect(failure(() => parseScript('{"seed": 1, "seed": 2}', 'script.json', registry)).message).toMatch(
      /^script\.json: line 1, column 13: .*unique/,
    );
  });

  it('accepts an empty object: no rules, no starts', () => {
    expect(parseScript('{}', 'empty.json', registry)).toEqual({});
  });
});

describe('/__mock/script routes', () => {
  function setup(initial: Script | null = null) {
    let current = initial;
    const onScript = vi.fn((script: Script | null) => void (current = script));
    const app = new Hono();
    app.route('/__mock', scriptRoutes({ registry, current: () => current, state: () => [], onScript }));
    app.onError((err, c) => (err instanceof ApiError ? c.json(err.toBody(), err.status) : c.text(String(err), 500)));
    const put = (body: unknown) =>
      app.request('/__mock/script', { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    return { app, onScript, put };
  }

  it('GET answers {script: null} when there is none', async () => {
    const res = await setup().app.request('/__mock/script');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ script: null });
  });

  it('PUT puts a valid script in force and GET then shows it', async () => {
    const { app, onScript, put } = setup();
    const script: Script = { rules: [{ match: { to: '+31600000009' }, reply: { none: true } }] };
    const res = await put(script);
    expect(res.status).toBe(200);
    expect(onScript).toHaveBeenCalledWith(script);
    expect(await (await app.request('/__mock/script')).json()).toEqual({ script, rules: [] });
  });

  it('PUT answers 422 in the API error format, every problem, and changes nothing', async () => {
    const { onScript, put } = setup();
    const res = await put({ rules: [{ match: { interactiv: 'list' }, reply: { choice: 'a' }, replies: [{}] }] });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: unknown[] };
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        { code: 10, parameter: 'rules[0]', description: expect.stringContaining('exactly one of reply') },
        { code: 10, parameter: 'rules[0].match.interactiv', description: expect.stringContaining('did you mean "interactive"?') },
      ]),
    );
    expect(onScript).not.toHaveBeenCalled();
  });

  it('DELETE drops the script', async () => {
    const { app, onScript } = setup({ rules: [] });
    const res = await app.request('/__mock/script', { method: 'DELETE' });
    expect(await res.json()).toEqual({ script: null });
    expect(onScript).toHaveBeenCalledWith(null);
  });

  it('checkScript gives the same items the route answers', () => {
    expect(checkScript(registry, { seed: 'x' })).toEqual([
      { code: 10, description: 'seed must be integer, got string', parameter: 'seed' },
    ]);
  });
});
