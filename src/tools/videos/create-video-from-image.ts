import type { ImageVideoBody } from '../../heygen/api/videos.js';
import { defineTool } from '../define.js';
import { InputError } from '../../errors.js';
import { httpsUrl } from '../fields.js';
import { videoStarted } from './created.js';
import { renderFields, renderInput } from './render-options.js';
import { assetOf, createdOutput, FILE_HINT, fileRef, speechInput, speechOf } from './shared-inputs.js';

export default defineTool({
  name: 'create_video_from_image',
  title: 'Animate a photo into a talking video',
  description: 'Animate one photo of a person (Avatar IV) speaking a script (needs voice_id) or lip-syncing audio. Spends HeyGen credits.',
  toolset: 'videos',
  kind: 'create',
  spendsCredits: true,
  task: 'starts-job',
  hints: { recoverWith: 'list_videos', idsFrom: 'list_voices' },
  input: () => ({
    image: fileRef().optional().describe(FILE_HINT),
    image_url: httpsUrl().optional().describe('same as image, for a URL'),
    ...speechInput,
    audio: speechInput.audio.describe('https URL or asset id'),
    ...renderInput,
  }),
  output: () => createdOutput,
  async handler(a, ctx) {
    if ((a.image === undefined) === (a.image_url === undefined)) throw new InputError('image', 'give exactly one of image or image_url');
    const image = a.image !== undefined ? assetOf(a.image, 'image') : { type: 'url' as const, url: a.image_url as string };
    const body: ImageVideoBody = {
      type: 'image',
      image,
      ...speechOf(a, '', { voiceRequired: true }),
      ...renderFields(a),
    };
    return videoStarted(ctx, 'create_video_from_image', await ctx.heygen.videos.create(body, ctx.call));
  },
});
