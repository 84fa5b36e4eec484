import { interactiveOf, optionsOf } from '../core/interactive-options.js';
import type { Message, ScriptMatch } from '../types/generated.js';

/** The ids of the buttons or list rows a message offers (none for other messages). */
export function offeredIds(sent: Message): string[] {
  const interactive = interactiveOf(sent);
  return interactive ? optionsOf(interactive).map((o) => o.id) : [];
}

/**
 * The texts a user sees, which `match.text` searches: a text message's text, or an interactive
 * message's header text, body, footer, list button label, button titles and row titles.
 */
export function visibleTexts(sent: Message): string[] {
  if (sent.type === 'text') {
    const text = (sent.content as { text?: unknown }).text;
    return typeof text === 'string' ? [text] : [];
  }
  const interactive = interactiveOf(sent);
  if (!interactive) return [];
  const header = interactive.header?.type === 'text' ? [interactive.header.text] : [];
  const shared = [...header, interactive.body.text, ...(interactive.footer ? [interactive.footer.text] : [])];
  if (interactive.type === 'button') return [...shared, ...interactive.action.buttons.map((b) => b.title)];
  return [...shared, interactive.action.button, ...interactive.action.sections.flatMap((s) => s.rows.map((r) => r.title))];
}

/** Whether every condition `match` gives holds for `sent`; `{}` matches every message. Pure. */
export function matchesRule(match: ScriptMatch, sent: Message): boolean {
  if (match.type !== undefined && sent.type !== match.type) return false;
  if (match.to !== undefined && sent.to !== match.to) return false;
  if (match.channelId !== undefined && sent.channelId !== match.channelId) return false;
  if (match.interactive !== undefined && interactiveOf(sent)?.type !== match.interactive) return false;
  if (match.offers !== undefined && !offeredIds(sent).includes(match.offers)) return false;
  if (match.text !== undefined && !visibleTexts(sent).some((t) => t.includes(match.text!))) return false;
  return true;
}
