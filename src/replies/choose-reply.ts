import { ApiError, ErrorCode } from '../errors.js';
import type { Random } from '../random.js';
import { interactiveOf, optionsOf, type InteractiveOption } from '../core/interactive-options.js';
import type { Message } from '../types/generated.js';
import type { ReplySpec } from './policy.js';

export type ChosenReply =
  | {
      ok: true;
      type: Message['type'];
      content: Message['content'];
      /** For the log: `button "Yes" → yes-id`, `list row "Red" → red-id`, `text "hi"`. */
      summary: string;
    }
  | { ok: false; error: ApiError };

const invalid = (description: string, parameter: string): ChosenReply => ({
  ok: false,
  error: new ApiError(422, [{ code: ErrorCode.invalidParams, description, parameter }]),
});

const specKey = (spec: ReplySpec): string => Object.keys(spec)[0] ?? 'choice';

function pick(options: InteractiveOption[], spec: ReplySpec, random: Random, what: string): InteractiveOption | ChosenReply {
  if ('choice' in spec) {
    const found = options.find((o) => o.id === spec.choice);
    if (found) return found;
    const offered = options.map((o) => JSON.stringify(o.id)).join(', ');
    return invalid(`choice ${JSON.stringify(spec.choice)} is not one of this message's ${what}s; it offers: ${offered}`, 'choice');
  }
  if ('index' in spec) {
    const found = Number.isInteger(spec.index) ? options[spec.index] : undefined;
    if (found) return found;
    return invalid(
      `index ${spec.index} is out of range; this message has ${options.length} ${what}${options.length === 1 ? '' : 's'}, so use 0–${options.length - 1} (0-based)`,
      'index',
    );
  }
  return random.pick(options);
}

/**
 * What the simulated user sends back to `sent` under `spec`: a `button_reply` / `list_reply`
 * (MessageBird's shape, `text` = the title) or a free text. Pure; randomness comes from `random`.
 */
export function chooseReply(sent: Message, spec: ReplySpec, random: Random): ChosenReply {
  if (sent.direction !== 'sent') {
    return invalid(
      `message ${sent.id} was received from the user, not sent by the app; only messages the app sent can be answered`,
      'id',
    );
  }
  if ('text' in spec) {
    return { ok: true, type: 'text', content: { text: spec.text }, summary: `text ${JSON.stringify(spec.text)}` };
  }
  const interactive = interactiveOf(sent);
  if (!interactive) {
    const kind = sent.type === 'interactive' ? `an interactive message of another kind` : `a ${sent.type} message`;
    return invalid(
      `message ${sent.id} is ${kind}; only interactive button or list messages can be answered with a choice, index or random pick. Send {"text": "..."} to answer any message`,
      specKey(spec),
    );
  }
  const what = interactive.type === 'button' ? 'button' : 'row';
  const chosen = pick(optionsOf(interactive), spec, random, what);
  if ('ok' in chosen) return chosen;
  if (interactive.type === 'button') {
    return {
      ok: true,
      type: 'interactive',
      content: { interactive: { type: 'button_reply', reply: { id: chosen.id, text: chosen.title } } },
      summary: `button ${JSON.stringify(chosen.title)} → ${chosen.id}`,
    };
  }
  const reply = { id: chosen.id, text: chosen.title, ...(chosen.description === undefined ? {} : { description: chosen.description }) };
  return {
    ok: true,
    type: 'interactive',
    content: { interactive: { type: 'list_reply', reply } },
    summary: `list row ${JSON.stringify(chosen.title)} → ${chosen.id}`,
  };
}
