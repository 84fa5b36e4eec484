import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/mock.js';
import { fixturesDir } from '../../src/paths.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { json } from '../helpers/seed.js';

const script = (name: string) => join(fixturesDir, 'scripts', name);

describe('scripts in a running mock', () => {
  it('--script loads the file and sends its start messages', async () => {
    const clock = createFakeClock();
    const mock = createMock({ script: script('three-step-flow.yaml'), statusUpdates: 'none' }, { clock });
    clock.advance(100);
    const inbound = await json(await mock.app.request('/__mock/messages?direction=received'));
    expect(inbound).toMatchObject([{ from: '+31612345678', type: 'text', content: { text: 'hi' } }]);
    const current = await json(await mock.app.request('/__mock/script'));
    expect(current.script.rules).toHaveLength(2);
  });

  it('a bad script stops start-up with the file, the path and the problem', () => {
    expect(() => createMock({ script: join(fixturesDir, 'invalid', 'script', 'unknown-key.yaml') })).toThrow(/unknown-key\.yaml: .+/);
  });

  it('PUT /__mock/script replaces the script; a bad one is a 422 and changes nothing', async () => {
    const mock = createMock({ statusUpdates: 'none' });
    const put = (body: unknown) =>
      mock.app.request('/__mock/script', { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect((await put({ rules: [{ match: { to: '+31600000009' }, reply: { none: true } }] })).status).toBe(200);
    const bad = await put({ rules: [{ match: { to: '+1' }, reply: { choise: 'x' } }] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await json(bad))).toMatch(/choise/);
    expect((await json(await mock.app.request('/__mock/script'))).script.rules[0].match.to).toBe('+31600000009');
  });
});
