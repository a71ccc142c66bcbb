import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPTIONS } from '../../src/config.js';

/**
 * Ready to publish: LICENSE, package metadata and server.json for the MCP Registry.
 *
 * The registry's server.json JSON Schema is published on its own site and kept in its source
 * repository; no npm package ships it (its generator package there is private), and this
 * machine reaches only the npm registry. So the schema check below restates the published
 * 2025-12-11 schema's rules for the fields we use: required name/description/version, the
 * name pattern and lengths, a specific package version (no range, not "latest"), the npm
 * package fields, stdio transport for the package, streamable-http remotes whose URL starts
 * with https:// or a {variable}, and the input fields of environment variables and headers.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as Record<string, any>;
const server = JSON.parse(read('server.json')) as Record<string, any>;

const RANGE = /^[\^~<>=*]|\.x\b|\.\*|\s-\s|\|\|/;
const specificVersion = z.string().min(1).max(255).refine((v) => v !== 'latest' && !RANGE.test(v), 'a specific version, not a range or "latest"');
const input = z.strictObject({
  description: z.string().optional(),
  isRequired: z.boolean().optional(),
  format: z.enum(['string', 'number', 'boolean', 'filepath']).optional(),
  value: z.string().optional(),
  isSecret: z.boolean().optional(),
  default: z.string().optional(),
  placeholder: z.string().optional(),
  choices: z.array(z.string()).optional(),
});
const keyValue = input.extend({ name: z.string().min(1), variables: z.record(z.string(), input).optional() });
const urlTemplate = z.string().regex(/^(https?:\/\/\S+|\{[a-zA-Z_][a-zA-Z0-9_]*\}\S*)$/);
const ServerJson = z.strictObject({
  $schema: z.literal('https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json'),
  name: z.string().min(3).max(200).regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/),
  title: z.string().min(1).max(100).optional(),
  description: z.string().min(1).max(100),
  version: specificVersion,
  websiteUrl: z.url().optional(),
  repository: z.strictObject({ url: z.url(), source: z.string().min(1), id: z.string().optional(), subfolder: z.string().optional() }).optional(),
  packages: z.array(z.strictObject({
    registryType: z.literal('npm'),
    registryBaseUrl: z.url().optional(),
    identifier: z.string().min(1),
    version: specificVersion,
    runtimeHint: z.string().optional(),
    transport: z.strictObject({ type: z.literal('stdio') }),
    environmentVariables: z.array(keyValue).optional(),
  })).min(1),
  remotes: z.array(z.strictObject({
    type: z.enum(['streamable-http', 'sse']),
    url: urlTemplate,
    headers: z.array(keyValue).optional(),
    variables: z.record(z.string(), input).optional(),
  })).optional(),
});

describe('publishing', () => {
  it('LICENSE is the MIT licence the package declares', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read('LICENSE')).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('package.json has repository, homepage, keywords and the mcpName the registry checks', () => {
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['mcp', 'heygen']));
    expect(pkg.mcpName).toBe(server.name);
  });

  it('server.json follows the registry schema (2025-12-11) for every field it uses', () => {
    const r = ServerJson.safeParse(server);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues, null, 2)).toBe(true);
  });

  it('the schema check itself refuses what the registry refuses', () => {
    const bad = (patch: Record<string, unknown>) => ServerJson.safeParse({ ...server, ...patch }).success;
    expect(bad({ name: 'no-slash' })).toBe(false);
    expect(bad({ description: 'x'.repeat(101) })).toBe(false);
    expect(bad({ packages: [{ ...server.packages[0], version: '^0.1.0' }] })).toBe(false);
    expect(bad({ packages: [{ ...server.packages[0], version: 'latest' }] })).toBe(false);
    expect(bad({ remotes: [{ type: 'streamable-http', url: 'ftp://x/mcp' }] })).toBe(false);
  });

  it('server.json offers the npm stdio package at this version and the HTTP remote at /mcp', () => {
    expect(server.version).toBe(pkg.version);
    const npm = server.packages[0];
    expect(npm).toMatchObject({ registryType: 'npm', identifier: pkg.name, version: pkg.version, transport: { type: 'stdio' } });
    expect(server.repository.url).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
    expect(server.remotes).toEqual([expect.objectContaining({ type: 'streamable-http', url: expect.stringMatching(/\/mcp$/) })]);
    const headers = server.remotes[0].headers.map((h: { name: string }) => h.name.toLowerCase());
    expect(headers).toEqual(expect.arrayContaining(['authorization', 'x-heygen-api-key']));
  });

  it('every environment variable server.json names is one the server reads, and secrets are marked secret', () => {
    const known = new Set(OPTIONS.map((o) => o.env));
    for (const v of server.packages[0].environmentVariables) expect(known, v.name).toContain(v.name);
    const key = server.packages[0].environmentVariables.find((v: { name: string }) => v.name === 'HEYGEN_API_KEY');
    expect(key).toMatchObject({ isSecret: true });
  });

  it('README has a VS Code snippet beside the other client snippets', () => {
    const readme = read('README.md');
    const at = readme.indexOf('**VS Code**');
    expect(at).toBeGreaterThan(readme.indexOf('**Claude Desktop**'));
    const snippet = /```json\n([^]*?)```/.exec(readme.slice(at))![1]!;
    const config = JSON.parse(snippet) as { servers: Record<string, { type: string; command: string; args: string[] }> };
    expect(config.servers.heygen).toMatchObject({ type: 'stdio', command: 'node' });
  });
});
