/* eslint-disable */
/**
 * GENERATED from schemas/*.schema.json by `npm run gen:types` — DO NOT EDIT.
 * Change the schema, regenerate, and commit both; the test run fails when they drift apart.
 */

/**
 * A MessageBird id: 32 lowercase hex characters.
 */
export type Id = string;
/**
 * RFC 3339 in UTC, possibly with nanoseconds.
 */
export type Datetime = string;
/**
 * POST /v1/conversations/{id}/messages: replies in an existing conversation.
 */
export type ConversationMessageRequest = TypedContent & {
  type: MessageType;
  content: {};
  channelId?: ChannelId;
  fallback?: Fallback;
  reportUrl?: ReportUrl;
  source?: Source;
  tag?: MessageTag;
  trackId?: string;
  eventType?: string;
  ttl?: Ttl;
};
/**
 * `type` names the key inside `content`. Used by every request that carries a message.
 */
export type TypedContent = (
  | TextMessage
  | ImageMessage
  | VideoMessage
  | AudioMessage
  | FileMessage
  | LocationMessage
  | HsmMessage
  | InteractiveMessage
) & {
  type: MessageType;
  content: {};
};
/**
 * A WhatsApp interactive message the app sends: reply buttons or a list. Limits are WhatsApp's (Meta's).
 */
export type Interactive = {
  type: 'button' | 'list';
} & (ButtonInteractive | ListInteractive);
/**
 * Reply-button messages take a text, image, video or document header.
 */
export type ButtonHeader = (TextHeader | ImageHeader | VideoHeader | DocumentHeader) & {
  type: 'text' | 'image' | 'video' | 'document';
};
export type MessageType = 'text' | 'image' | 'video' | 'audio' | 'file' | 'location' | 'hsm' | 'interactive';
/**
 * A channel id. Real ones are 32 hex characters, but MessageBird's own docs use ids that are not hex, so any non-empty string is accepted.
 */
export type ChannelId = string;
export type ReportUrl = string;
export type MessageTag = 'event.update' | 'purchase.update' | 'account.update' | 'human_agent';
/**
 * Time to live, e.g. "10m" or "1h".
 */
export type Ttl = string;
/**
 * POST /v1/conversations/start: starts (or resumes) a conversation with a first message.
 */
export type ConversationStartRequest = TypedContent & {
  to: Recipient;
  channelId: ChannelId;
  type: MessageType;
  content: {};
  reportUrl?: ReportUrl;
  source?: Source;
  tag?: MessageTag;
  trackId?: string;
  eventType?: string;
  ttl?: Ttl;
};
/**
 * An MSISDN (e.g. +31612345678) or a contact id.
 */
export type Recipient = string;
export type Platform =
  'sms' | 'whatsapp' | 'facebook' | 'telegram' | 'line' | 'wechat' | 'email' | 'events' | 'whatsapp_sandbox';
/**
 * The user's answer to an interactive message, as MessageBird delivers it: `reply.text` is the chosen button's or row's title.
 */
export type InteractiveReply = {
  type: 'button_reply' | 'list_reply';
} & (ButtonReply | ListReply);
/**
 * A message as GET /v1/messages/{id} returns it and as webhooks carry it.
 */
export type Message = {
  id: Id;
  conversationId: Id;
  platform: Platform;
  to: string;
  from: string;
  channelId: ChannelId;
  type: MessageType;
  content: {};
  direction: Direction;
  status: MessageStatus;
  createdDatetime: Datetime;
  updatedDatetime: Datetime;
  replyTo?: ReplyTo;
  fallback?: Fallback;
  source?: Source;
  tag?: MessageTag;
  trackId?: string;
  ttl?: Ttl;
  reportUrl?: ReportUrl;
  error?: MessageError;
} & (TypedContent | InteractiveReplyMessage);
export type Direction = 'sent' | 'received';
export type MessageStatus =
  | 'accepted'
  | 'pending'
  | 'sent'
  | 'transmitted'
  | 'delivered'
  | 'read'
  | 'received'
  | 'failed'
  | 'rejected'
  | 'deleted'
  | 'unknown'
  | 'unsupported';
/**
 * POST /v1/send: sends a message, resuming the recipient's active conversation or starting one.
 */
export type SendRequest = TypedContent & {
  to: Recipient;
  from: ChannelId;
  type: MessageType;
  content: {};
  reportUrl?: ReportUrl;
  fallback?: Fallback;
  source?: Source;
  tag?: MessageTag;
  trackId?: string;
  ttl?: Ttl;
};
export type WebhookEventType =
  'message.created' | 'message.updated' | 'conversation.created' | 'conversation.updated';

/**
 * Every schema by name (the file name without .schema.json).
 */
export interface SchemaTypes {
  common: Common;
  contact: Contact;
  content: Content;
  'conversation-message-request': ConversationMessageRequest;
  'conversation-start-request': ConversationStartRequest;
  'conversation-update-request': ConversationUpdateRequest;
  conversation: Conversation;
  error: ErrorResponse;
  hsm: Hsm;
  'inbound-request': InboundRequest;
  'interactive-reply': InteractiveReply;
  interactive: Interactive;
  list: ListEnvelope;
  message: Message;
  'reply-request': ReplyRequest;
  script: Script;
  'send-accepted': SendAccepted;
  'send-request': SendRequest;
  'webhook-create-request': WebhookCreateRequest;
  'webhook-event': WebhookEvent;
  'webhook-subscription': WebhookSubscription;
  'webhook-update-request': WebhookUpdateRequest;
}
/**
 * Building blocks shared by the other schemas.
 */
export interface Common {
  [k: string]: unknown | undefined;
}
/**
 * The end user. The mock gives each phone number a stable, realistic name.
 */
export interface Contact {
  id: Id;
  href: string;
  msisdn: string;
  firstName: string;
  lastName: string;
  displayName: string;
  customDetails: {};
  createdDatetime: Datetime;
  updatedDatetime: Datetime | null;
}
/**
 * Message content, keyed by the message type. MessageBird's shapes, not Meta's: reply buttons are flat and replies use `text`.
 */
export interface Content {
  [k: string]: unknown | undefined;
}
export interface TextMessage {
  type?: 'text';
  content?: TextContent;
}
export interface TextContent {
  text: string;
  disableUrlPreview?: boolean;
}
export interface ImageMessage {
  type?: 'image';
  content?: ImageContent;
}
export interface ImageContent {
  image: Media;
}
export interface Media {
  url: string;
  caption?: string;
}
export interface VideoMessage {
  type?: 'video';
  content?: VideoContent;
}
export interface VideoContent {
  video: Media;
}
export interface AudioMessage {
  type?: 'audio';
  content?: AudioContent;
}
export interface AudioContent {
  audio: Media;
}
export interface FileMessage {
  type?: 'file';
  content?: FileContent;
}
export interface FileContent {
  file: Media;
}
export interface LocationMessage {
  type?: 'location';
  content?: LocationContent;
}
export interface LocationContent {
  location: Location;
}
export interface Location {
  latitude: number;
  longitude: number;
}
export interface HsmMessage {
  type?: 'hsm';
  content?: HsmContent;
}
export interface HsmContent {
  hsm: Hsm;
}
/**
 * A WhatsApp template message (highly structured message).
 */
export interface Hsm {
  namespace?: string;
  templateName: string;
  language: HsmLanguage;
  params?: HsmParam[];
  components?: HsmComponent[];
}
export interface HsmLanguage {
  policy?: 'deterministic' | 'fallback';
  code: string;
}
export interface HsmParam {
  default?: string;
  currency?: {
    currencyCode: string;
    /**
     * The value × 1000.
     */
    amount: number;
  };
  dateTime?: string;
}
export interface HsmComponent {
  type: 'header' | 'body' | 'footer' | 'button' | 'card' | 'carousel' | 'limited_time_offer' | 'copy_code';
  sub_type?: string;
  index?: number;
  parameters?: HsmComponentParameter[];
}
export interface HsmComponentParameter {
  type:
    | 'text'
    | 'currency'
    | 'date_time'
    | 'document'
    | 'image'
    | 'video'
    | 'payload'
    | 'expiration_time'
    | 'coupon_code';
}
export interface InteractiveMessage {
  type?: 'interactive';
  content?: InteractiveContent;
}
export interface InteractiveContent {
  interactive: Interactive;
}
export interface ButtonInteractive {
  type: 'button';
  header?: ButtonHeader;
  body: InteractiveBody;
  footer?: InteractiveFooter;
  action: ButtonAction;
}
export interface TextHeader {
  type: 'text';
  text: string;
}
export interface ImageHeader {
  type: 'image';
  image: MediaLink;
}
export interface MediaLink {
  url: string;
}
export interface VideoHeader {
  type: 'video';
  video: MediaLink;
}
export interface DocumentHeader {
  type: 'document';
  document: MediaLink;
}
export interface InteractiveBody {
  text: string;
}
export interface InteractiveFooter {
  text: string;
}
export interface ButtonAction {
  /**
   * @minItems 1
   * @maxItems 3
   */
  buttons: [ReplyButton] | [ReplyButton, ReplyButton] | [ReplyButton, ReplyButton, ReplyButton];
}
export interface ReplyButton {
  id: string;
  type?: 'reply';
  title: string;
  image_url?: string;
}
export interface ListInteractive {
  type: 'list';
  header?: TextHeader;
  body: ListBody;
  footer?: InteractiveFooter;
  action: ListAction;
}
export interface ListBody {
  text: string;
}
export interface ListAction {
  button: string;
  /**
   * @minItems 1
   * @maxItems 10
   */
  sections:
    | [ListSection]
    | [ListSection, ListSection]
    | [ListSection, ListSection, ListSection]
    | [ListSection, ListSection, ListSection, ListSection]
    | [ListSection, ListSection, ListSection, ListSection, ListSection]
    | [ListSection, ListSection, ListSection, ListSection, ListSection, ListSection]
    | [ListSection, ListSection, ListSection, ListSection, ListSection, ListSection, ListSection]
    | [ListSection, ListSection, ListSection, ListSection, ListSection, ListSection, ListSection, ListSection]
    | [
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection
      ]
    | [
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection,
        ListSection
      ];
}
export interface ListSection {
  title?: string;
  /**
   * @minItems 1
   * @maxItems 10
   */
  rows:
    | [ListRow]
    | [ListRow, ListRow]
    | [ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow]
    | [ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow, ListRow];
}
export interface ListRow {
  id: string;
  title: string;
  description?: string;
}
/**
 * Send through another channel when the message is not delivered in time.
 */
export interface Fallback {
  from: ChannelId;
  after?: string;
}
/**
 * Free-form metadata echoed on the message.
 */
export interface Source {}
/**
 * PATCH /v1/conversations/{id}.
 */
export interface ConversationUpdateRequest {
  status: 'active' | 'archived';
}
/**
 * A conversation with one contact. Only one is active per contact and channel.
 */
export interface Conversation {
  id: Id;
  contactId: Id;
  contact: Contact;
  channels: Channel[];
  status: 'active' | 'archived';
  createdDatetime: Datetime;
  updatedDatetime: Datetime;
  lastReceivedDatetime: Datetime;
  lastUsedChannelId: ChannelId;
  messages: ConversationMessagesSummary;
}
export interface Channel {
  id: ChannelId;
  name: string;
  platformId: Platform;
  status:
    | 'inactive'
    | 'active'
    | 'pending'
    | 'activation_required'
    | 'activation_code_required'
    | 'activating'
    | 'deleted';
  createdDatetime: Datetime;
  updatedDatetime: Datetime | null;
}
export interface ConversationMessagesSummary {
  totalCount: number;
  href: string;
  lastMessageId?: Id;
}
/**
 * Every error the API answers with.
 */
export interface ErrorResponse {
  /**
   * @minItems 1
   */
  errors: [ErrorItem, ...ErrorItem[]];
}
export interface ErrorItem {
  code: number;
  description: string;
  parameter: string | null;
}
/**
 * POST /__mock/inbound: a message the simulated user writes on their own. Either `text` (a text message) or `type` + `content`, with the same content rules as /v1/send. `channelId` defaults to the channel of this number's most recent conversation, else to c0ffee00c0ffee00c0ffee00c0ffee00.
 */
export interface InboundRequest {
  /**
   * The user's number: "+" and 6 to 15 digits.
   */
  from: string;
  channelId?: ChannelId;
  /**
   * Shorthand for {"type": "text", "content": {"text": ...}}.
   */
  text?: string;
  type?: MessageType;
  content?: {};
}
export interface ButtonReply {
  type: 'button_reply';
  reply: ButtonReplyChoice;
}
export interface ButtonReplyChoice {
  id: string;
  text: string;
}
export interface ListReply {
  type: 'list_reply';
  reply: ListReplyChoice;
}
export interface ListReplyChoice {
  id: string;
  text: string;
  description?: string;
}
/**
 * Every list endpoint's envelope; `count` is the number of items on this page.
 */
export interface ListEnvelope {
  offset: number;
  limit: number;
  count: number;
  totalCount: number;
  items: unknown[];
}
export interface ReplyTo {
  id: Id;
}
/**
 * Why a message failed or was rejected (e.g. 470: outside the 24-hour window).
 */
export interface MessageError {
  code: number;
  description: string;
}
/**
 * An inbound reply to an interactive message (only on messages with direction "received").
 */
export interface InteractiveReplyMessage {
  type: 'interactive';
  content: InteractiveReplyContent;
}
export interface InteractiveReplyContent {
  interactive: InteractiveReply;
}
/**
 * POST /__mock/messages/{id}/reply: how the simulated user answers a sent message. Give at most one field; {} presses a seeded random button or row.
 */
export interface ReplyRequest {
  /**
   * The id of the button or list row to press.
   */
  choice?: string;
  /**
   * Presses the nth button, or the nth row counted across all sections (0-based).
   */
  index?: number;
  /**
   * Answers with a free text instead; works for any sent message.
   */
  text?: string;
}
/**
 * A conversation script (--script FILE, PUT /__mock/script): how the simulated user answers the messages the app sends, and which messages the user writes first. Rules are tried top to bottom and the first that matches decides; messages no rule matches fall back to the auto-reply setting. Every key is checked: an unknown or misspelt key is an error.
 */
export interface Script {
  /**
   * Seeds the random choices of this script (`reply: {random: true}` or `reply: {}`), overriding --seed: the same script presses the same buttons every run.
   */
  seed?: number;
  defaults?: ScriptDefaults;
  /**
   * Tried top to bottom for every message the app sends; the first matching rule that is not spent decides.
   */
  rules?: ScriptRule[];
  /**
   * Messages the user writes on their own, as POST /__mock/inbound does, after start-up or after PUT /__mock/script: most bots wait for the user to write first.
   */
  start?: ScriptStart[];
}
/**
 * Values for every rule that does not give its own.
 */
export interface ScriptDefaults {
  /**
   * Milliseconds until the answer, for every reply without its own delayMs; without it, --reply-delay applies.
   */
  delayMs?: number;
}
/**
 * Which messages (match) and what happens to them: exactly one of reply (the same answer each time), replies (one answer per successive match) or status (delivery fails, so the user never sees the message). A rule is spent after `times` matches; a `replies` rule without `times` is spent when its list is exhausted; other rules without `times` never are. Spent rules are skipped.
 */
export interface ScriptRule {
  /**
   * A name for logs and GET /__mock/script; rules are otherwise known by position (rules[2]).
   */
  name?: string;
  match: ScriptMatch;
  reply?: ScriptReply;
  /**
   * One answer per successive match, in order. Without `times` the rule is spent after the last one; with `times` the list starts over until `times` matches.
   *
   * @minItems 1
   */
  replies?: [ScriptReply, ...ScriptReply[]];
  status?: ScriptStatus;
  /**
   * How many messages the rule handles before it is spent and later rules (or the auto-reply) take over.
   */
  times?: number;
}
/**
 * Conditions on a message the app sent; all given conditions must hold, and {} matches every message. `type` is the message type (text, interactive, ...); `channelId` the channel the app sent from, exactly.
 */
export interface ScriptMatch {
  /**
   * The kind of interactive message: reply buttons or a list. Implies type: interactive.
   */
  interactive?: 'button' | 'list';
  type?: MessageType;
  /**
   * A case-sensitive substring of the text the user sees: a text message's text, or an interactive message's header text, body, footer, list button label, button titles or row titles.
   */
  text?: string;
  /**
   * The user's number, exactly: "+" and 6 to 15 digits.
   */
  to?: string;
  channelId?: ChannelId;
  /**
   * The id of a button or list row the message offers.
   */
  offers?: string;
}
/**
 * How the user answers: choice, index, text, random or none, at most one of them; with none of them a seeded random button or row is pressed.
 */
export interface ScriptReply {
  /**
   * The id of the button or list row to press.
   */
  choice?: string;
  /**
   * Presses the nth button, or the nth row counted across all sections (0-based).
   */
  index?: number;
  /**
   * Answers with this free text instead; fits any message.
   */
  text?: string;
  /**
   * Presses a random button or row, seeded by the script's seed (else --seed). The same as giving none of choice, index, text.
   */
  random?: true;
  /**
   * The user never answers (the message is still delivered and read).
   */
  none?: true;
  /**
   * Milliseconds between the app sending the message and the user's answer; defaults to defaults.delayMs, then --reply-delay.
   */
  delayMs?: number;
}
/**
 * What happens to the message's delivery instead of sent → delivered → read: `failed` makes delivery fail with that error (e.g. {code: 470, description: outside the 24 hour window}), so the user never answers.
 */
export interface ScriptStatus {
  failed: MessageError;
}
/**
 * A text message the user writes on their own. `channelId` (the channel written to) defaults as for POST /__mock/inbound: the number's latest conversation's channel, else c0ffee00c0ffee00c0ffee00c0ffee00.
 */
export interface ScriptStart {
  /**
   * The user's number: "+" and 6 to 15 digits.
   */
  from: string;
  /**
   * What the user writes.
   */
  text: string;
  channelId?: ChannelId;
  /**
   * Milliseconds after the script is loaded; 0 when omitted. Entries with the same afterMs are sent in file order.
   */
  afterMs?: number;
}
/**
 * The 202 body of POST /v1/send. (The official Node SDK's types claim `{message:{id,status}}`; the real API sends this.)
 */
export interface SendAccepted {
  id: Id;
  status: 'accepted';
  fallback?: {
    id: Id;
  };
}
/**
 * POST /v1/webhooks.
 */
export interface WebhookCreateRequest {
  /**
   * @minItems 1
   */
  events: [WebhookEventType, ...WebhookEventType[]];
  url: string;
  channelId?: ChannelId;
  settings?: WebhookSettings;
}
export interface WebhookSettings {
  expected_http_code?: string;
  headers?: {
    [k: string]: string | undefined;
  };
  username?: string;
  password?: string;
  query_params?: string;
  retry?: number;
  timeout?: number;
}
/**
 * What the API POSTs to a subscribed URL. `message` is present for message.* events only.
 */
export interface WebhookEvent {
  type: WebhookEventType;
  contact: Contact;
  conversation: Conversation;
  message?: Message;
}
/**
 * A webhook object of /v1/webhooks.
 */
export interface WebhookSubscription {
  id: Id;
  href?: string;
  channelId?: ChannelId;
  url: string;
  events: WebhookEventType[];
  status: 'enabled' | 'disabled';
  settings?: WebhookSettings;
  createdDatetime: Datetime;
  updatedDatetime: Datetime | null;
}
/**
 * PATCH /v1/webhooks/{id}: every field optional.
 */
export interface WebhookUpdateRequest {
  /**
   * @minItems 1
   */
  events?: [WebhookEventType, ...WebhookEventType[]];
  url?: string;
  status?: 'enabled' | 'disabled';
  settings?: WebhookSettings;
}
