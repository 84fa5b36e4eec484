import { parseArgs } from 'node:util';
import { REPLY_HELP } from './help.js';

/** `conversations-mock reply <messageId> [choice]`: answer an interactive message as the simulated user. */
export interface ReplyRequest {
  messageId: string;
  /** Id of the button or list row to answer with. */
  choice?: string;
  /** Position of the button or list row, from 0. */
  index?: number;
  /** Free text instead of a button or row. */
  text?: string;
  /** Base URL of the running mock, without a trailing slash. */
  url: string;
}

export type ReplyCommand =
  | ({ kind: 'reply' } & ReplyRequest)
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export const DEFAULT_MOCK_URL = 'http://127.0.0.1:4010';
const URL_ENV = 'CONVERSATIONS_MOCK_URL';

const invalid = (source: string, raw: string, expected: string): ReplyCommand => ({
  kind: 'error',
  message: `${source} ${JSON.stringify(raw)} is not valid: expected ${expected}`,
});

const isHttpUrl = (raw: string) => URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol);

/** Pure: the arguments after `reply` and the environment in, the request (or what is wrong) out. */
export function parseReplyArgs(argv: string[], env: Record<string, string | undefined>): ReplyCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { url: { type: 'string' }, index: { type: 'string' }, text: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec(String((error as Error).message));
    if (unknown) return { kind: 'error', message: `unknown flag ${unknown[1]} for reply; valid flags: --index, --text, --url, --help` };
    return { kind: 'error', message: (error as Error).message.replace(/\s*\n\s*/g, ' ') };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: REPLY_HELP };
  const [messageId, choice, extra] = positionals;
  if (messageId === undefined) {
    return { kind: 'error', message: 'reply needs the id of the message to answer: conversations-mock reply <messageId> [choice]' };
  }
  if (extra !== undefined) {
    return { kind: 'error', message: `reply takes at most <messageId> [choice], but also got ${JSON.stringify(extra)}` };
  }
  if ([choice, values.index, values.text].filter((answer) => answer !== undefined).length > 1) {
    return { kind: 'error', message: 'reply takes one answer: a [choice] id, or --index <n>, or --text "..."' };
  }
  const request: ReplyRequest = { messageId, url: DEFAULT_MOCK_URL };
  if (choice !== undefined) request.choice = choice;
  if (values.index !== undefined) {
    if (!/^\d+$/.test(values.index)) return invalid('--index', values.index, 'an integer of at least 0');
    request.index = Number(values.index);
  }
  if (values.text !== undefined) {
    if (!values.text.trim()) return invalid('--text', values.text, 'a non-empty text');
    request.text = values.text;
  }
  const rawUrl = values.url ?? (env[URL_ENV]?.trim() ? env[URL_ENV] : undefined);
  if (rawUrl !== undefined) {
    if (!isHttpUrl(rawUrl)) return invalid(values.url !== undefined ? '--url' : URL_ENV, rawUrl, 'an absolute http:// or https:// URL');
    request.url = rawUrl.replace(/\/+$/, '');
  }
  return { kind: 'reply', ...request };
}

function replyBody({ choice, index, text }: ReplyRequest): object {
  if (choice !== undefined) return { choice };
  if (index !== undefined) return { index };
  if (text !== undefined) return { text };
  return {};
}

/** Asks the running mock to answer; resolves to the process exit code. */
export async function runReply(request: ReplyRequest, fetchImpl: typeof fetch = fetch): Promise<number> {
  const endpoint = `${request.url}/__mock/messages/${encodeURIComponent(request.messageId)}/reply`;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(replyBody(request)),
    });
  } catch (error) {
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, or "bad port" for ports fetch refuses).
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const reason = cause?.code ?? cause?.message;
    process.stderr.write(
      `the mock is not reachable at ${request.url}${reason ? ` (${reason})` : ''}; ` +
        `start it, or point to it with --url or ${URL_ENV}\n`,
    );
    return 1;
  }
  const text = await response.text();
  const body = parseJson(text);
  if (response.ok) {
    process.stdout.write(`${body === undefined ? text : JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const descriptions = errorDescriptions(body);
  process.stderr.write(
    descriptions.length > 0 ? descriptions.join('\n') + '\n' : `the mock answered ${response.status}: ${text}\n`,
  );
  return 1;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorDescriptions(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e: { description?: unknown }) => e?.description)
    .filter((d): d is string => typeof d === 'string');
}
