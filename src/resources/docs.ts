import { readFile } from 'node:fs/promises';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDeps } from '../context.js';

/** Resolves from src/resources (tests, tsx) and dist/resources (the package) alike. */
const DOCS_DIR = new URL('../../assets/docs/', import.meta.url);

export const DOC_TOPICS: Record<string, string> = {
  'video-agent': 'Video Agent: one prompt to a finished video',
  'prompt-guide': 'Writing Video Agent prompts: the method',
  'visual-styles': 'The 20 named visual styles',
  'prompt-examples': 'A worked prompt and skeletons to start from',
  avatars: 'Avatars: groups, looks and choosing one',
  voices: 'Voices: finding, designing and cloning',
  'video-generation': 'Precise avatar and studio videos',
  scripts: 'Writing scripts: pacing, pauses, length',
  captions: 'Captions and subtitles',
  backgrounds: 'Backgrounds and transparency',
  dimensions: 'Aspect ratios and resolution',
  'text-overlays': 'On-screen text',
  assets: 'Uploading and reusing files',
  'photo-avatars': 'Photo, prompt and digital-twin avatars',
  templates: 'Rendering videos from templates',
  translation: 'Video translation and dubbing',
  'text-to-speech': 'Speech audio without video',
  webhooks: 'Webhooks instead of polling',
  authentication: 'API keys, client keys and the HTTP token',
  quota: 'Credits, balance and what spends them',
  'video-status': 'Following jobs to completion',
  errors: 'Errors and what to do about them',
  remotion: 'Compositing HeyGen output in Remotion',
};

const INDEX_URI = 'heygen://docs';
const uriOf = (topic: string) => `${INDEX_URI}/${topic}`;
const topics = Object.keys(DOC_TOPICS);

export async function readDoc(topic: string): Promise<string | undefined> {
  if (!Object.hasOwn(DOC_TOPICS, topic)) return undefined;
  return readFile(new URL(`${topic}.md`, DOCS_DIR), 'utf8');
}

/** Reference documentation for agents, one topic per markdown file in assets/docs. */
export function registerDocResources(server: McpServer, _deps: ServerDeps): void {
  server.registerResource('docs', INDEX_URI, {
    title: 'HeyGen reference docs',
    description: 'Index of the reference topics (v3 API and this server\'s tools). Read heygen://docs/{topic}.',
    mimeType: 'application/json',
  }, async (uri) => ({
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ topics: topics.map((t) => ({ topic: t, title: DOC_TOPICS[t], uri: uriOf(t) })) }) }],
  }));

  server.registerResource('doc', new ResourceTemplate(`${INDEX_URI}/{topic}`, {
    list: async () => ({ resources: topics.map((t) => ({ uri: uriOf(t), name: t, title: DOC_TOPICS[t]!, mimeType: 'text/markdown' })) }),
    complete: { topic: (value) => topics.filter((t) => t.startsWith(value.toLowerCase())) },
  }), {
    title: 'HeyGen reference topic',
    description: 'One reference topic as markdown: how to do it with the v3 API and which tools of this server to call.',
    mimeType: 'text/markdown',
  }, async (uri, vars) => {
    const topic = String(vars.topic ?? '');
    const text = await readDoc(topic);
    if (text === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown docs topic "${topic}". Topics: ${topics.join(', ')}.`);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
  });
}
