import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type MockConfig } from '../src/config.js';
import { booleanEnv, FLAGS, type FlagSpec } from './flags.js';
import { renderHelp } from './help.js';
import { parseReplyArgs, type ReplyCommand } from './reply-command.js';

export type Env = Record<string, string | undefined>;

export type CliCommand = { kind: 'run'; config: MockConfig } | ReplyCommand;


const invalid = (source: string, raw: string, expected: string): CliCommand => ({
  kind: 'error',
  message: `${source} ${JSON.stringify(raw)} is not valid: expected ${expected}`,
});

/** Blank variables count as unset, so `PORT= conversations-mock` keeps the default. */
const fromEnv = (env: Env, name: string): string | undefined => (env[name]?.trim() ? env[name] : undefined);

/** parseArgs' own messages name the flag already; unknown flags also get the list of valid ones. */
function argsError(error: unknown, validFlags: string[]): CliCommand {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return { kind: 'error', message: `unknown flag ${unknown[1]}; valid flags: ${validFlags.join(', ')}` };
  return { kind: 'error', message: message.replace(/\s*\n\s*/g, ' ') };
}

type FlagValue = string | boolean | (string | boolean)[] | undefined;
type Resolved = { value: unknown } | { error: CliCommand } | undefined;

/** One flag's value: from the flag if given, else from its variable, else undefined (the default stays). */
function resolveFlag(spec: FlagSpec, flagValue: FlagValue, env: Env): Resolved {
  const envValue = fromEnv(env, spec.env);
  if (spec.shape === 'switch') {
    if (flagValue === true) return { value: spec.whenSet };
    if (envValue === undefined) return undefined;
    const parsed = booleanEnv(envValue);
    return 'value' in parsed ? parsed : { error: invalid(spec.env, envValue, parsed.expected) };
  }
  const source = flagValue !== undefined ? `--${spec.name}` : spec.env;
  const raw = (flagValue ?? envValue) as string | string[] | undefined;
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && spec.shape === 'single') {
    const parsed = spec.parse(raw);
    return 'value' in parsed ? parsed : { error: invalid(source, raw, parsed.expected) };
  }
  // A repeated flag's values are taken whole (a URL may hold a comma); a comma list forgives stray commas.
  const items = Array.isArray(raw) ? raw : raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const values: unknown[] = [];
  for (const item of items) {
    const parsed = spec.parse(item);
    if (!('value' in parsed)) return { error: invalid(source, item, parsed.expected) };
    values.push(parsed.value);
  }
  return { value: values };
}

function parseRun(argv: string[], env: Env): CliCommand {
  const options = Object.fromEntries(
    FLAGS.map((f) => [f.name, { type: f.shape === 'switch' ? 'boolean' : 'string', multiple: f.shape === 'repeatable' }] as const),
  );
  let parsed;
  try {
    // Positionals are allowed here only to reject them with a better message than parseArgs'.
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return argsError(error, [...FLAGS.map((f) => `--${f.name}`), '--help']);
  }
  if (parsed.values.help) return { kind: 'help', text: renderHelp(FLAGS) };
  const [positional] = parsed.positionals;
  if (positional !== undefined) {
    const hint = 'to answer a message, use: conversations-mock reply <messageId>';
    return { kind: 'error', message: `unexpected argument ${JSON.stringify(positional)}: the server takes only flags (${hint})` };
  }
  const values: Record<string, FlagValue> = parsed.values;
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const spec of FLAGS) {
    const resolved = resolveFlag(spec, values[spec.name], env);
    if (resolved === undefined) continue;
    if ('error' in resolved) return resolved.error;
    config[spec.key] = resolved.value;
  }
  return { kind: 'run', config: config as unknown as MockConfig };
}

/** Pure: the arguments after the script name and the environment in, what the process should do out. */
export function parseCli(argv: string[], env: Env): CliCommand {
  return argv[0] === 'reply' ? parseReplyArgs(argv.slice(1), env) : parseRun(argv, env);
}
