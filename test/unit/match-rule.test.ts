import { describe, expect, it } from 'vitest';
import { buildOutboundMessage } from '../../src/core/outbound-message.js';
import { matchesRule, offeredIds, visibleTexts } from '../../src/scripts/match-rule.js';
import type { Message, ScriptMatch, SendRequest } from '../../src/types/generated.js';
import { seedButton, seedList } from '../helpers/seed.js';

const CHANNEL = '0181d0bb76c54g9aae4309s822d35ba5';

/** A message as the mock stores it after the app sent `request` to `to`. */
function sent(request: Pick<SendRequest, 'type' | 'content'>, to = '+31612345678'): Message {
  return buildOutboundMessage({
    id: 'a'.repeat(32),
    conversationId: 'b'.repeat(32),
    channelId: CHANNEL,
    to,
    from: '+31970102030',
    request,
    nowMs: Date.UTC(2026, 0, 1),
  });
}

const list = sent(seedList);
const buttons = sent(seedButton, '+31600000009');
const text = sent({ type: 'text', content: { text: 'Hello from the bot' } });
const matches = (match: ScriptMatch, message: Message) => matchesRule(match, message);

describe('matchesRule', () => {
  it('matches every message with an empty match', () => {
    for (const message of [list, buttons, text]) expect(matches({}, message)).toBe(true);
  });

  it('tells buttons from lists with `interactive`', () => {
    expect(matches({ interactive: 'list' }, list)).toBe(true);
    expect(matches({ interactive: 'list' }, buttons)).toBe(false);
    expect(matches({ interactive: 'button' }, buttons)).toBe(true);
    expect(matches({ interactive: 'button' }, text)).toBe(false);
  });

  it('compares `type` with the message type', () => {
    expect(matches({ type: 'text' }, text)).toBe(true);
    expect(matches({ type: 'text' }, list)).toBe(false);
    expect(matches({ type: 'interactive' }, buttons)).toBe(true);
  });

  it('compares `to` and `channelId` exactly', () => {
    expect(matches({ to: '+31612345678' }, list)).toBe(true);
    expect(matches({ to: '+3161234567' }, list)).toBe(false);
    expect(matches({ channelId: CHANNEL }, list)).toBe(true);
    expect(matches({ channelId: CHANNEL.slice(1) }, list)).toBe(false);
  });

  it('finds `offers` among the buttons and the rows of every section', () => {
    expect(matches({ offers: 'yes-unique-id' }, buttons)).toBe(true);
    expect(matches({ offers: 'unique-row-identifier-2' }, list)).toBe(true);
    expect(matches({ offers: 'yes-unique-id' }, list)).toBe(false);
    expect(matches({ offers: 'yes-unique-id' }, text)).toBe(false);
  });

  it('needs every condition given to hold', () => {
    expect(matches({ interactive: 'button', to: '+31600000009', offers: 'no-unique-id' }, buttons)).toBe(true);
    expect(matches({ interactive: 'button', to: '+31612345678' }, buttons)).toBe(false);
  });
});

describe('match.text', () => {
  it.each([
    ['header text', 'your-header'],
    ['body', 'text-message'],
    ['footer', 'footer-content'],
    ['list button label', 'Main Menu'],
    ['row title', 'row-title-content-2'],
  ])('searches a list message’s %s', (_where, needle) => {
    expect(matches({ text: needle }, list)).toBe(true);
  });

  it('searches a button message’s body, footer and button titles', () => {
    for (const needle of ['t shirt', 'other colors', 'Yes']) expect(matches({ text: needle }, buttons)).toBe(true);
  });

  it('searches a text message’s text', () => {
    expect(matches({ text: 'from the bot' }, text)).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(matches({ text: 'main menu' }, list)).toBe(false);
  });

  it('does not search ids, row descriptions or section titles', () => {
    for (const needle of ['unique-row-identifier', 'row-description', 'your-section-title']) {
      expect(matches({ text: needle }, list)).toBe(false);
    }
  });

  it('skips media headers, which have no text', () => {
    expect(visibleTexts(buttons)).toEqual(['Do you like this t shirt?', 'We have this one in other colors.', 'Yes', 'No']);
  });
});

describe('offeredIds', () => {
  it('lists button ids, then row ids across sections, and nothing for other messages', () => {
    expect(offeredIds(buttons)).toEqual(['yes-unique-id', 'no-unique-id']);
    expect(offeredIds(list)).toEqual(['unique-row-identifier-1', 'unique-row-identifier-2']);
    expect(offeredIds(text)).toEqual([]);
  });
});
