import { parseArgs } from 'node:util';
import { delimiter } from 'node:path';
import { z } from 'zod';

/**
 * The configuration contract: every option, its flag, its environment twin and its default.
 * This table is the single source for parsing, validation and the README options table.
 */
export interface OptionSpec {
  key: keyof Config;
  env: string;
  flag?: string;
  kind: 'string' | 'boolean' | 'number' | 'list';
  default?: string;
  help: string;
}

export const OPTIONS: OptionSpec[] = [
  { key: 'apiKey', env: 'HEYGEN_API_KEY', kind: 'string', help: 'HeyGen API key, sent as `x-api-key`. Never logged or echoed.' },
  { key: 'apiBase', env: 'HEYGEN_API_BASE', kind: 'string', default: 'https://api.heygen.com', help: 'HeyGen API base URL.' },
  { key: 'sandbox', env: 'HEYGEN_MCP_SANDBOX', flag: 'sandbox', kind: 'boolean', default: 'false', help: 'Start the built-in HeyGen simulator and use it: no key, no credits.' },
  { key: 'sandboxSpeed', env: 'HEYGEN_MCP_SANDBOX_SPEED', flag: 'sandbox-speed', kind: 'number', default: '60', help: 'Simulated seconds per real second in the sandbox (0.1 to 3600), so renders finish quickly.' },
  { key: 'toolsets', env: 'HEYGEN_MCP_TOOLSETS', flag: 'toolsets', kind: 'list', default: 'default', help: 'Toolsets to enable (`default`, `all`, or names; `default,webhooks` adds one).' },
  { key: 'readOnly', env: 'HEYGEN_MCP_READ_ONLY', flag: 'read-only', kind: 'boolean', default: 'false', help: 'Register only read-only tools.' },
  { key: 'transport', env: 'HEYGEN_MCP_TRANSPORT', flag: 'http', kind: 'string', default: 'stdio', help: '`stdio` or `http` (`--http` selects http, `--stdio` stdio).' },
  { key: 'port', env: 'HEYGEN_MCP_PORT', flag: 'port', kind: 'number', default: '3000', help: 'HTTP port.' },
  { key: 'host', env: 'HEYGEN_MCP_HOST', flag: 'host', kind: 'string', default: '127.0.0.1', help: 'HTTP bind address.' },
  { key: 'stateless', env: 'HEYGEN_MCP_STATELESS', flag: 'stateless', kind: 'boolean', default: 'false', help: 'Stateless Streamable HTTP: every request stands alone.' },
  { key: 'httpToken', env: 'HEYGEN_MCP_HTTP_TOKEN', kind: 'string', help: 'Bearer token required on every HTTP request; mandatory off loopback.' },
  { key: 'allowedOrigins', env: 'HEYGEN_MCP_ALLOWED_ORIGINS', kind: 'list', help: 'Comma list of allowed `Origin`s for HTTP.' },
  { key: 'webhookSecret', env: 'HEYGEN_MCP_WEBHOOK_SECRET', kind: 'string', help: 'Signing secret of a HeyGen webhook endpoint: enables `POST /webhooks/heygen` in HTTP mode.' },
  { key: 'oauthIssuers', env: 'HEYGEN_MCP_OAUTH_ISSUER', flag: 'oauth-issuer', kind: 'list', help: 'Sign people in with these OAuth / OpenID issuers (comma list): HTTP requests may carry their JWT access tokens. Needs `--public-url`.' },
  { key: 'publicUrl', env: 'HEYGEN_MCP_PUBLIC_URL', flag: 'public-url', kind: 'string', help: 'This server\'s canonical MCP URL (e.g. `https://mcp.example.com/mcp`): the audience access tokens must name. Required with an issuer.' },
  { key: 'keyEncryptionKey', env: 'HEYGEN_MCP_KEY_ENCRYPTION_KEY', kind: 'string', help: '32 random bytes (base64 or hex) sealing the HeyGen keys people save (AES-256-GCM). Required with Redis; without it stored keys last one process.' },
  { key: 'teamApiKey', env: 'HEYGEN_MCP_TEAM_API_KEY', kind: 'string', help: 'HeyGen key for signed-in people who have not saved their own. Never logged or echoed.' },
  { key: 'allowClientKeys', env: 'HEYGEN_MCP_ALLOW_CLIENT_KEYS', kind: 'boolean', default: 'false', help: 'Let HTTP clients bring their own key (`X-HeyGen-Api-Key`) even when the server has one.' },
  { key: 'downloadDir', env: 'HEYGEN_MCP_DOWNLOAD_DIR', kind: 'string', default: '~/Downloads/heygen', help: 'Where downloads are written.' },
  { key: 'uploadRoots', env: 'HEYGEN_MCP_UPLOAD_ROOTS', kind: 'list', help: `Directories local uploads may come from, besides the client's MCP roots (separated by \`${delimiter}\`).` },
  { key: 'catalogTtlSeconds', env: 'HEYGEN_MCP_CATALOG_TTL', kind: 'number', default: '600', help: 'Seconds a cached avatar / voice catalog stays fresh.' },
  { key: 'redisUrl', env: 'HEYGEN_MCP_REDIS_URL', kind: 'string', help: 'Redis URL for state shared between replicas.' },
  { key: 'logLevel', env: 'HEYGEN_MCP_LOG_LEVEL', kind: 'string', default: 'info', help: 'stderr log level: debug, info, warn, error, silent.' },
  { key: 'maxRetries', env: 'HEYGEN_MAX_RETRIES', kind: 'number', default: '2', help: 'Retries of a failed HeyGen request (0 disables).' },
];

export const TOOLSETS = [
  'video_agent', 'videos', 'avatars', 'voices', 'assets', 'account', 'prompt_kit', 'translation',
  'templates', 'proofread', 'manage', 'webhooks', 'lipsync', 'studio_extras', 'batch',
] as const;
export type Toolset = (typeof TOOLSETS)[number];
/**
 * The default set stays under 40 tools (several clients work best below that): the everyday
 * create-and-read families. Deletes and renames of those families wait in `manage`.
 */
export const DEFAULT_TOOLSETS: Toolset[] = ['video_agent', 'videos', 'avatars', 'voices', 'assets', 'account', 'prompt_kit', 'translation'];

/** One line per toolset for the server instructions and the README: what enabling it adds. */
export const TOOLSET_SUMMARY: Record<Toolset, string> = {
  video_agent: 'one prompt to a finished video',
  videos: 'avatar, photo, studio and cinematic videos; wait_for_job; download_video',
  avatars: 'avatar catalog and photo, prompt and digital-twin avatars',
  voices: 'voice catalog, design, clone, text to speech',
  assets: 'upload, find and search assets',
  account: 'credits and billing',
  prompt_kit: 'Video Agent prompt checker',
  translation: 'translate and dub videos',
  templates: 'render videos from templates',
  proofread: 'review translated subtitles before rendering',
  manage: 'delete and rename videos, avatars, voices, assets, translations',
  webhooks: 'webhook endpoints and events',
  lipsync: 'lipsync videos to new audio',
  studio_extras: 'background removal, AI clipping, brand kits and glossaries, sound search',
  batch: 'batches of up to 100 videos, lipsyncs, translations or uploads; bulk statuses',
};

const BOOLEAN_WORDS = ['1', '0', 'true', 'false', 'yes', 'no'] as const;
const bool = z.union([z.boolean(), z.enum([...BOOLEAN_WORDS, ''])], { error: `expected one of ${BOOLEAN_WORDS.join(', ')}` })
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ConfigSchema = z.object({
  apiKey: z.string().trim().min(1).optional(),
  apiBase: z.url({ protocol: /^https?$/ }).default('https://api.heygen.com'),
  sandbox: bool.default(false),
  sandboxSpeed: z.coerce.number().min(0.1, 'at least 0.1').max(3_600, 'at most 3600').default(60),
  toolsets: z.array(z.string()).default(['default']),
  readOnly: bool.default(false),
  transport: z.enum(['stdio', 'http']).default('stdio'),
  port: int(0, 65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  stateless: bool.default(false),
  httpToken: z.string().min(16, 'must be at least 16 characters').optional(),
  allowedOrigins: z.array(z.string()).default([]),
  allowClientKeys: bool.default(false),
  oauthIssuers: z.array(z.url({ protocol: /^https?$/ })).default([]),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  keyEncryptionKey: z.string().trim().optional(),
  teamApiKey: z.string().trim().min(1).optional(),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').optional(),
  downloadDir: z.string().min(1).default('~/Downloads/heygen'),
  uploadRoots: z.array(z.string()).default([]),
  catalogTtlSeconds: int(0, 86_400).default(600),
  redisUrl: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  maxRetries: int(0, 10).default(2),
});

export type Config = z.output<typeof ConfigSchema> & { enabledToolsets: Toolset[] };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Expands `default` / `all` and checks every name. */
export function resolveToolsets(names: string[]): Toolset[] {
  const out = new Set<Toolset>();
  for (const raw of names.map((n) => n.trim()).filter(Boolean)) {
    if (raw === 'all') TOOLSETS.forEach((t) => out.add(t));
    else if (raw === 'default') DEFAULT_TOOLSETS.forEach((t) => out.add(t));
    else if ((TOOLSETS as readonly string[]).includes(raw)) out.add(raw as Toolset);
    else throw new ConfigError(`Unknown toolset "${raw}" in --toolsets / HEYGEN_MCP_TOOLSETS. Allowed: default, all, ${TOOLSETS.join(', ')}.`);
  }
  return TOOLSETS.filter((t) => out.has(t));
}

/** Reads flags and environment once. Flags win over environment. Throws ConfigError on bad input. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        sandbox: { type: 'boolean' },
        'sandbox-speed': { type: 'string' },
        toolsets: { type: 'string' },
        'read-only': { type: 'boolean' },
        http: { type: 'boolean' },
        stdio: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        stateless: { type: 'boolean' },
        'oauth-issuer': { type: 'string' },
        'public-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}. Run heygen-mcp --help for the options.`);
  }
  const f = parsed.values;
  const raw: Record<string, unknown> = {};
  for (const o of OPTIONS) {
    const v = env[o.env];
    if (v === undefined || v === '') continue;
    raw[o.key] = o.kind === 'list' ? splitList(v, o.key === 'uploadRoots' ? delimiter : ',') : v;
  }
  if (f.sandbox) raw.sandbox = true;
  if (f['sandbox-speed'] !== undefined) raw.sandboxSpeed = f['sandbox-speed'];
  if (f.toolsets !== undefined) raw.toolsets = splitList(f.toolsets, ',');
  if (f['read-only']) raw.readOnly = true;
  if (f.http) raw.transport = 'http';
  if (f.stdio) raw.transport = 'stdio';
  if (f.port !== undefined) raw.port = f.port;
  if (f.host !== undefined) raw.host = f.host;
  if (f.stateless) raw.stateless = true;
  if (f['oauth-issuer'] !== undefined) raw.oauthIssuers = splitList(f['oauth-issuer'], ',');
  if (f['public-url'] !== undefined) raw.publicUrl = f['public-url'];

  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const spec = OPTIONS.find((o) => o.key === i.path[0]);
      const name = spec ? (spec.flag ? `--${spec.flag} / ${spec.env}` : spec.env) : i.path.join('.');
      return `${name}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const cfg = result.data;
  checkSignIn(cfg);
  return { ...cfg, enabledToolsets: resolveToolsets(cfg.toolsets) };
}

/** Sign-in options that only make sense together. */
function checkSignIn(cfg: z.output<typeof ConfigSchema>): void {
  if (cfg.oauthIssuers.length > 0 && !cfg.publicUrl) {
    throw new ConfigError('Invalid configuration:\n  --public-url / HEYGEN_MCP_PUBLIC_URL: required with --oauth-issuer (tokens must name this URL as their audience).');
  }
  if (cfg.publicUrl !== undefined && !/\/mcp\/?$/.test(new URL(cfg.publicUrl).pathname)) {
    throw new ConfigError('Invalid configuration:\n  --public-url / HEYGEN_MCP_PUBLIC_URL: must be the MCP endpoint as clients reach it, ending in /mcp (e.g. https://mcp.example.com/mcp).');
  }
  if (cfg.keyEncryptionKey !== undefined && !encryptionKeyBytes(cfg.keyEncryptionKey)) {
    throw new ConfigError('Invalid configuration:\n  HEYGEN_MCP_KEY_ENCRYPTION_KEY: must be 32 bytes, written as 64 hex digits or base64 (e.g. `openssl rand -base64 32`).');
  }
}

/** The 32 bytes of HEYGEN_MCP_KEY_ENCRYPTION_KEY (hex or base64), or undefined when it is not that. */
export function encryptionKeyBytes(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (b.length === 32) return b;
  }
  return undefined;
}

function splitList(v: string, sep: string): string[] {
  return v.split(sep).map((s) => s.trim()).filter(Boolean);
}

export const HELP = `heygen-mcp — MCP server for the HeyGen API v3

Usage: heygen-mcp [--sandbox [--sandbox-speed N]] [--toolsets a,b] [--read-only] [--stdio | --http [--port N] [--host H] [--stateless] [--oauth-issuer URL --public-url URL]]
       heygen-mcp --help | --version

  --help, -h      Print this help and exit.
  --version, -v   Print the version and exit.
  --stdio         Serve MCP over stdin/stdout (the default).

Options (each has an environment twin; flags win):
${OPTIONS.map((o) => `  ${(o.flag ? `--${o.flag}` : '').padEnd(15)} ${o.env.padEnd(30)} ${o.help}${o.default ? ` Default: ${o.default}.` : ''}`).join('\n')}
`;

/** The README options table, generated from OPTIONS so the documentation cannot drift. */
export function optionsTable(): string {
  const rows = OPTIONS.map((o) => `| ${o.flag ? `\`--${o.flag}\`` : ''} | \`${o.env}\` | ${o.default ? `\`${o.default}\`` : ''} | ${o.help} |`);
  return ['| Flag | Environment | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
