import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { ApiError, errors } from './errors.js';
import type { Logger } from './logger.js';
import { addLogNote } from './http/log-notes.js';
import { accessKeyAuth } from './middleware/auth.js';
import { bodySizeLimit } from './middleware/body-size.js';
import { requestLog } from './middleware/request-log.js';
import { allowedMethods } from './http/allowed-methods.js';
import { conversationRoutes } from './routes/conversations.js';
import { controlRoutes } from './routes/control.js';
import type { RouteDeps } from './routes/deps.js';
import { messageRoutes } from './routes/messages.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppDeps extends RouteDeps {
  accessKeys: readonly string[];
  /** Feature route groups (webhooks, simulation); under /v1 they get the API's auth, under /__mock none. */
  mounts?: { path: '/v1' | '/__mock'; app: Hono }[];
  onReset: () => void;
  logger: Logger;
}

function sendError(c: Context, error: ApiError): Response {
  addLogNote(c, { error: error.message });
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status);
}

/**
 * The mock's HTTP surface as a Hono app. It never listens: mock-server/ (or a test, through
 * `app.request()`) decides how requests reach it.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const auth = accessKeyAuth(deps.accessKeys);
  const limit = bodySizeLimit(MAX_BODY_BYTES);

  app.use('/v1/*', requestLog(deps.logger), auth, limit);
  app.use('/__mock/*', limit);
  app.route('/v1', messageRoutes(deps));
  app.route('/v1', conversationRoutes(deps));
  for (const mount of deps.mounts ?? []) app.route(mount.path, mount.app);
  app.route('/__mock', controlRoutes(deps));

  const methodsByPath = allowedMethods(app.routes);
  app.notFound((c) => {
    const allowed = methodsByPath(c.req.path);
    const error = allowed.length > 0 ? errors.methodNotAllowed(c.req.method, c.req.path, allowed) : errors.routeNotFound(c.req.method, c.req.path);
    return sendError(c, error);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err);
    const requestId = randomUUID().slice(0, 8);
    deps.logger.error(`unexpected error on ${c.req.method} ${c.req.path}`, { requestId, error: err });
    return sendError(c, errors.internal(requestId));
  });

  return app;
}
