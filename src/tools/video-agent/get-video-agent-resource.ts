import { z } from 'zod';
import { defineTool } from '../define.js';
import { heygenId } from '../fields.js';

export default defineTool({
  name: 'get_video_agent_resource',
  title: 'Get a Video Agent artefact',
  description: 'One artefact of a session (image, draft, video …) by a resource_id from its messages: type and URLs.',
  toolset: 'video_agent',
  kind: 'read',
  hints: { idsFrom: 'get_video_agent_session' },
  input: () => ({ session_id: heygenId(), resource_id: heygenId() }),
  output: () => ({
    resource_id: z.string(),
    resource_type: z.string(),
    url: z.string().optional(),
    preview_url: z.string().optional(),
    thumbnail_url: z.string().optional(),
  }),
  async handler(a, { heygen, call }) {
    const r = await heygen.videoAgents.getResource(a.session_id, a.resource_id, call);
    return { resource_id: r.resource_id, resource_type: r.resource_type, url: r.url, preview_url: r.preview_url, thumbnail_url: r.thumbnail_url };
  },
});
