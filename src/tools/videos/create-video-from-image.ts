import type { ImageVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { IMAGE, media } from '../media.js';
import { videoStarted } from './created.js';
import { renderFields, renderInput } from './render-options.js';
import { createdOutput, speechInput, speechOf } from './shared-inputs.js';

export default defineTool({
  name: 'create_video_from_image',
  title: 'Animate a photo into a talking video',
  description: 'Animate one photo of a person (Avatar IV) speaking a script (needs voice_id) or lip-syncing audio. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_voices' },
  // HeyGen's agent skills pass the photo's URL as image_url.
  formerNames: { image_url: { to: 'image' } },
  input: () => ({
    image: media({ inline: IMAGE }),
    ...speechInput,
    ...renderInput,
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    const body: ImageVideoBody = {
      type: 'image',
      image: a.image,
      ...speechOf(a, '', { voiceRequired: true }),
      ...renderFields(a),
    };
    return videoStarted(ctx, 'create_video_from_image', await ctx.heygen.videos.create(body, ctx.call));
  },
});
