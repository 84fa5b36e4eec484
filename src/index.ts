/** conversations-mock: the public API. */
export { createApp, type AppDeps } from './app.js';
export { createMock, type MockDeps, type MockInstance } from './mock.js';
export { startMock, type RunningMock, type StartMockOptions } from './start-mock.js';
export { DEFAULT_CONFIG, resolveConfig, type MockConfig } from './config.js';
export { ApiError, ErrorCode, type ApiErrorItem } from './errors.js';
export { systemClock, type Clock, type Timer } from './clock.js';
export { createLogger, memoryLogger, silentLogger, type Logger } from './logger.js';
export { validate, type ValidationResult } from './contract/validate.js';
export { createFactories, buttonMessage, listMessage, sentMessage, buttonReply, listReply, webhookEvent } from './contract/factories.js';
export { fixture, fixtureNames } from './contract/fixtures.js';
export { signWebhook } from './webhooks/sign.js';
export { verifyWebhook } from './webhooks/verify.js';
export type * from './types/generated.js';
