import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const lint = async (filePath: string, text: string) => (await eslint.lintText(text, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports');

describe('the layer rule of ARCHITECTURE.md is enforced by lint', () => {
  it.each([
    ['src/catalog/new.ts', "import { describeError } from '../tools/define.js';\nexport const x = describeError;\n"],
    ['src/heygen/new.ts', "import type { KeyState } from '../state/memory.js';\nexport type X = KeyState;\n"],
    ['src/heygen/new.ts', "import { McpServer } from '@modelcontextprotocol/server';\nexport const x = McpServer;\n"],
    ['src/tools/videos/new.ts', "import { createServer } from '../../server.js';\nexport const x = createServer;\n"],
    ['src/tools/new.ts', "import { startSimulator } from '../sandbox/index.js';\nexport const x = startSimulator;\n"],
    ['src/log.ts', "import { HeyGenClient } from './heygen/client.js';\nexport const x = HeyGenClient;\n"],
    ['src/tools/new.ts', "import { taskHook } from '../tasks/serve.js';\nexport const x = taskHook;\n"],
    ['src/state/new.ts', "import type { TaskRunner } from '../tasks/runner.js';\nexport type X = TaskRunner;\n"],
    ['src/tasks/new.ts', "import { createServer } from '../server.js';\nexport const x = createServer;\n"],
    ['src/transports/http/new.ts', "import { openUpstream } from '../../runtime.js';\nexport const x = openUpstream;\n"],
    ['src/deps.ts', "import { openStates } from './runtime.js';\nexport const x = openStates;\n"],
  ])('an uphill import in %s fails lint', async (file, text) => {
    expect(await lint(file, text)).toHaveLength(1);
  });

  it.each([
    ['src/tools/new.ts', "import { getVoice } from '../catalog/voices.js';\nexport const x = getVoice;\n"],
    ['src/transports/new.ts', "import { createServer } from '../server.js';\nexport const x = createServer;\n"],
    ['src/transports/http/new.ts', "import { makeDeps } from '../../deps.js';\nexport const x = makeDeps;\n"],
    ['src/tasks/new.ts', "import { ALL_TOOLS } from '../tools/index.js';\nexport const x = ALL_TOOLS;\n"],
  ])('a downhill import in %s passes', async (file, text) => {
    expect(await lint(file, text)).toHaveLength(0);
  });
});
