import { DEFAULT_CONFIG } from '../src/config.js';
import type { FlagGroup, FlagSpec } from './flags.js';

const WIDTH = 100;
const LABEL_WIDTH = 30;
const ENV_WIDTH = 21;
/** Joins words that should not be split across lines, like "Default: 4010.". */
const NBSP = '\u00a0';
const TEXT_COLUMN = LABEL_WIDTH + ENV_WIDTH;

const GROUP_TITLES: Record<FlagGroup, string> = {
  server: 'Server',
  api: 'API',
  webhooks: 'Webhooks',
  replies: 'Replies and status updates',
};

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** One table row; the text wraps in its own column, and a label or variable too wide for theirs pushes it a line down. */
function row(label: string, env: string, text: string): string {
  const head = `  ${label}`.padEnd(LABEL_WIDTH) + env;
  const [first = '', ...rest] = wrap(text, WIDTH - TEXT_COLUMN);
  const lines = head.length < TEXT_COLUMN ? [head.padEnd(TEXT_COLUMN) + first] : [head, ' '.repeat(TEXT_COLUMN) + first];
  return [...lines, ...rest.map((line) => ' '.repeat(TEXT_COLUMN) + line)].join('\n').replaceAll(NBSP, ' ');
}

/** Switches are off and unset values absent by default; neither needs saying. */
function defaultOf(spec: FlagSpec): string {
  if (spec.shape === 'switch') return '';
  const value = DEFAULT_CONFIG[spec.key];
  const shown = Array.isArray(value) ? value.join(',') : value;
  return shown === undefined || shown === '' ? '' : ` Default:${NBSP}${shown}.`;
}

export const REPLY_HELP = [
  'Reply: answer an interactive message the mock sent, as the user would; prints the inbound message',
  '  conversations-mock reply <messageId> [choice | --index <n> | --text "..."] [--url <url>]',
  '',
  row('<messageId>', '', 'Id of the interactive message to answer.'),
  row('[choice]', '', 'Id of the button or list row to pick.'),
  row('--index <n>', '', 'Pick the button or row at position n (0 is the first).'),
  row('--text <text>', '', 'Answer with free text instead.'),
  row('--url <url>', 'CONVERSATIONS_MOCK_URL', `Where the mock runs. Default:${NBSP}http://127.0.0.1:4010.`),
  '',
  'With no choice, the mock picks one itself (as an auto-reply would).',
].join('\n');

export function renderHelp(flags: readonly FlagSpec[]): string {
  const groups = Object.entries(GROUP_TITLES).map(([group, title]) => [
    title,
    ...flags
      .filter((spec) => spec.group === group)
      .map((spec) => row(`--${spec.name}${spec.arg ? ` ${spec.arg}` : ''}`, spec.env, spec.help + defaultOf(spec))),
  ]);
  return [
    'conversations-mock: a local stand-in for the MessageBird Conversations API (WhatsApp channel)',
    '',
    'Usage',
    '  conversations-mock [flags]                      run the mock; prints its URL once it listens',
    '  conversations-mock reply <messageId> [choice]   answer a message as the user (see below)',
    '  conversations-mock --help                       show this help',
    '',
    'Every flag can also be set by the environment variable beside it; the flag wins when both are',
    'set. A repeatable flag takes a comma-separated list in its variable.',
    '',
    ...groups.flatMap((lines) => [...lines, '']),
    row('-h, --help', '', 'Show this help.'),
    '',
    REPLY_HELP,
  ].join('\n');
}
