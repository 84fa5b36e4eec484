import { Hono } from 'hono';
import { errors } from '../errors.js';
import { readJsonObject } from '../http/read-json.js';
import { checkScript } from '../scripts/load-script.js';
import type { RuleState } from '../scripts/script-policy.js';
import type { Script } from '../types/generated.js';
import type { SchemaRegistry } from '../validation/schema-registry.js';

export interface ScriptRouteDeps {
  registry: SchemaRegistry;
  /** The script in force, or null when there is none. */
  current(): Script | null;
  /** How far each rule of the current script has got. */
  state(): RuleState[];
  /** Puts a validated script in force (null: none, back to the auto-reply alone). */
  onScript(script: Script | null): void;
}

/** /__mock/script: read, replace or drop the conversation script at run time. No auth. */
export function scriptRoutes(deps: ScriptRouteDeps): Hono {
  const app = new Hono();
  const view = () => {
    const script = deps.current();
    return script ? { script, rules: deps.state() } : { script: null };
  };

  app.get('/script', (c) => c.json(view()));

  // The same schema as --script files; checked strictly, since a misspelt key would silently do nothing.
  app.put('/script', async (c) => {
    const body = await readJsonObject(c);
    const problems = checkScript(deps.registry, body);
    if (problems.length > 0) throw errors.validation(problems);
    deps.onScript(body as Script);
    return c.json(view());
  });

  app.delete('/script', (c) => {
    deps.onScript(null);
    return c.json(view());
  });

  return app;
}
