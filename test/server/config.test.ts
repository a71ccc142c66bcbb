import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_TOOLSETS, TOOLSETS, loadConfig } from '../../src/config.js';

describe('configuration contract', () => {
  it('defaults: stdio, 127.0.0.1:3000, default toolsets, 2 retries', () => {
    const c = loadConfig([], {});
    expect(c).toMatchObject({ transport: 'stdio', host: '127.0.0.1', port: 3000, maxRetries: 2, readOnly: false, sandbox: false, apiBase: 'https://api.heygen.com' });
    expect(c.enabledToolsets).toEqual(DEFAULT_TOOLSETS);
  });

  it('every flag has an environment twin and flags win', () => {
    const env = { HEYGEN_MCP_TRANSPORT: 'stdio', HEYGEN_MCP_PORT: '4000', HEYGEN_MCP_HOST: '0.0.0.0', HEYGEN_MCP_READ_ONLY: '1', HEYGEN_MCP_SANDBOX: 'true', HEYGEN_MCP_TOOLSETS: 'videos' };
    const fromEnv = loadConfig([], env);
    expect(fromEnv).toMatchObject({ port: 4000, host: '0.0.0.0', readOnly: true, sandbox: true, enabledToolsets: ['videos'] });
    const fromFlags = loadConfig(['--http', '--port', '5000', '--toolsets', 'account'], env);
    expect(fromFlags).toMatchObject({ transport: 'http', port: 5000, enabledToolsets: ['account'] });
  });

  it('toolsets: "default" expands, "all" enables every one, extras add', () => {
    const withWebhooks = loadConfig(['--toolsets', 'default,webhooks'], {}).enabledToolsets;
    expect(withWebhooks).toEqual(expect.arrayContaining([...DEFAULT_TOOLSETS, 'webhooks']));
    expect(withWebhooks).toHaveLength(DEFAULT_TOOLSETS.length + 1);
    expect(loadConfig(['--toolsets', 'all'], {}).enabledToolsets).toEqual([...TOOLSETS]);
  });

  it.each([
    [['--toolsets', 'nope'], {}, /Unknown toolset "nope".*Allowed: default, all/],
    [['--port', '99999'], {}, /--port \/ HEYGEN_MCP_PORT/],
    [[], { HEYGEN_MAX_RETRIES: 'many' }, /HEYGEN_MAX_RETRIES/],
    [[], { HEYGEN_API_BASE: 'ftp://x' }, /HEYGEN_API_BASE/],
    [[], { HEYGEN_MCP_LOG_LEVEL: 'loud' }, /HEYGEN_MCP_LOG_LEVEL/],
    [['--bogus'], {}, /Unknown option '--bogus'/],
  ])('rejects bad config %j %j with a message naming the option', (argv, env, pattern) => {
    expect(() => loadConfig(argv as string[], env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(argv as string[], env as NodeJS.ProcessEnv)).toThrow(pattern);
  });

  it('never echoes the API key in a config error', () => {
    try {
      loadConfig(['--port', 'x'], { HEYGEN_API_KEY: 'sk_canary_77' });
    } catch (e) {
      expect((e as Error).message).not.toContain('sk_canary_77');
    }
  });
});
