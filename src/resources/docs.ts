import { readFile } from 'node:fs/promises';
import { notFound } from '../not-found.js';
import { defineResource, JSON_TYPE, template, variable, type ResourceDef } from './define.js';

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

/** Documents ship with the package and never change while the process runs. */
const FOREVER = () => 24 * 60 * 60_000;

/** Reference documentation for agents, one topic per markdown file in assets/docs. */
export const DOC_RESOURCES: ResourceDef[] = [
  defineResource({
    name: 'docs', uri: INDEX_URI, mimeType: JSON_TYPE, ttlMs: FOREVER,
    title: 'HeyGen reference docs',
    description: 'Index of the reference topics (v3 API and this server\'s tools). Read heygen://docs/{topic}.',
    read: async (uri) => ({
      contents: [{ uri: uri.href, mimeType: JSON_TYPE, text: JSON.stringify({ topics: topics.map((t) => ({ topic: t, title: DOC_TOPICS[t], uri: uriOf(t) })) }) }],
    }),
  }),
  defineResource({
    name: 'doc', uri: template(`${INDEX_URI}/{topic}`), mimeType: 'text/markdown', ttlMs: FOREVER,
    title: 'HeyGen reference topic',
    description: 'One reference topic as markdown: how to do it with the v3 API and which tools of this server to call.',
    list: () => topics.map((t) => ({ uri: uriOf(t), name: t, title: DOC_TOPICS[t]!, mimeType: 'text/markdown' })),
    complete: { topic: (value) => topics.filter((t) => t.startsWith(value.toLowerCase())) },
    read: async (uri, vars) => {
      const topic = variable(vars, 'topic');
      const text = await readDoc(topic);
      if (text === undefined) throw notFound({ resource: uri.href }, `No docs topic is called that. Topics: ${topics.join(', ')}.`);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  }),
];
