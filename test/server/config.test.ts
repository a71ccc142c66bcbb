import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_TOOLSETS, HELP, OPTIONS, TOOLSETS, loadConfig } from '../../src/config.js';

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

  it('sandbox speed: HEYGEN_MCP_SANDBOX_SPEED and --sandbox-speed go through the contract (default 60, flag wins)', () => {
    expect(loadConfig([], {}).sandboxSpeed).toBe(60);
    expect(loadConfig([], { HEYGEN_MCP_SANDBOX_SPEED: '240' }).sandboxSpeed).toBe(240);
    expect(loadConfig(['--sandbox-speed', '0.5'], { HEYGEN_MCP_SANDBOX_SPEED: '240' }).sandboxSpeed).toBe(0.5);
    expect(OPTIONS.find((o) => o.env === 'HEYGEN_MCP_SANDBOX_SPEED')).toMatchObject({ flag: 'sandbox-speed', kind: 'number', default: '60' });
  });

  it.each([
    [[], { HEYGEN_MCP_SANDBOX_SPEED: 'fast' }, /--sandbox-speed \/ HEYGEN_MCP_SANDBOX_SPEED/],
    [['--sandbox-speed', '0'], {}, /--sandbox-speed \/ HEYGEN_MCP_SANDBOX_SPEED: at least 0\.1/],
    [[], { HEYGEN_MCP_SANDBOX_SPEED: '100000' }, /HEYGEN_MCP_SANDBOX_SPEED: at most 3600/],
  ])('rejects a bad sandbox speed %j %j naming the option', (argv, env, pattern) => {
    expect(() => loadConfig(argv as string[], env as NodeJS.ProcessEnv)).toThrow(pattern);
  });

  it.each(['HEYGEN_MCP_READ_ONLY', 'HEYGEN_MCP_SANDBOX', 'HEYGEN_MCP_ALLOW_CLIENT_KEYS', 'HEYGEN_MCP_STATELESS'])('a bad boolean in %s names the option and the accepted values', (name) => {
    expect(() => loadConfig([], { [name]: 'maybe' })).toThrow(new RegExp(`${name}: expected one of 1, 0, true, false, yes, no`));
  });

  it('--help documents --help, --version, --stdio and every option with its environment twin', () => {
    for (const word of ['--help', '--version', '--stdio', '--sandbox-speed']) expect(HELP).toContain(word);
    for (const o of OPTIONS) expect(HELP).toContain(o.env);
  });

  it('never echoes the API key in a config error', () => {
    try {
      loadConfig(['--port', 'x'], { HEYGEN_API_KEY: 'sk_canary_77' });
    } catch (e) {
      expect((e as Error).message).not.toContain('sk_canary_77');
    }
  });
});
