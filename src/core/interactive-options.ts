import type { ButtonInteractive, ListInteractive, Message } from '../types/generated.js';

/** One thing the user can pick, whether a reply button or a list row. */
export interface InteractiveOption {
  id: string;
  title: string;
  description?: string | undefined;
}

/** The button or list content of a message; undefined for every other message. */
export function interactiveOf(message: Message): ButtonInteractive | ListInteractive | undefined {
  if (message.type !== 'interactive') return undefined;
  const interactive = (message.content as { interactive?: { type?: string } }).interactive;
  return interactive?.type === 'button' || interactive?.type === 'list'
    ? (interactive as ButtonInteractive | ListInteractive)
    : undefined;
}

/** Buttons in order, or the rows of every section in order. */
export function optionsOf(interactive: ButtonInteractive | ListInteractive): InteractiveOption[] {
  if (interactive.type === 'button') return interactive.action.buttons.map((b) => ({ id: b.id, title: b.title }));
  return interactive.action.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, title: r.title, description: r.description })));
}
