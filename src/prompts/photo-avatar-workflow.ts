import { z } from 'zod';
import { completable, type PromptCollector } from './define.js';

const GUIDE = `# Making a photo avatar and using it in a video

## 1. Get the photo to HeyGen
\`create_photo_avatar\` takes the photo as one string, \`image\`:
- An https link: pass it as it is; HeyGen downloads it.
- A local file: \`upload_asset\` with \`path\` (it must sit inside one of the folders the user shared as MCP roots or in HEYGEN_MCP_UPLOAD_ROOTS), then pass the returned \`asset_id\`.
- Bytes you already hold: a \`data:image/png;base64,…\` URI (PNG or JPEG, up to 10 MB).
Good photos show one person, face forward, well lit, shoulders up, nothing covering the face.

## 2. Create the avatar (spends credits)
\`create_photo_avatar\` with a \`name\` and the \`image\`. To add another look to an avatar the user already has, pass its \`avatar_group_id\`. Run it once with \`dry_run: true\` if the user wants to see the request first. It returns \`group_id\`, \`look_id\`, \`status\` and \`next_step\`.

## 3. Consent, when asked for
If \`status\` is \`pending_consent\`, call \`start_avatar_consent\` with the \`group_id\`. It returns a \`consent_url\`: give it to the person in the photo; training only starts once they approve on that page. Nothing you call can skip this.

## 4. Wait for training
\`wait_for_job\` with kind \`avatar_group\` and the \`group_id\`. It returns within the client's time limit; while it says the job is still running, call it again after the suggested interval. A \`failed\` status comes with a reason: usually a photo that needs replacing.

## 5. Use the look
The \`look_id\` is the \`avatar_id\` for \`create_avatar_video\` (give a \`script\` and a \`voice_id\`, or rely on the look's default voice). \`get_avatar_look\` shows its engines and orientation; \`update_avatar_look\` renames it; \`delete_avatar_look\` / \`delete_avatar_group\` remove it for good.

## Costs and safety
Creating the avatar and rendering the video each spend credits. Confirm with the user before each. If a create call fails ambiguously, check \`list_avatar_groups\` before trying again.`;

export function registerPhotoAvatarWorkflow(server: PromptCollector): void {
  server.registerPrompt('create_photo_avatar_workflow', {
    title: 'Create a photo avatar',
    description: 'Step-by-step workflow: upload a photo, create the avatar, handle consent, wait for training, then use the look in a video.',
    argsSchema: {
      photo: z.string().describe('The photo: an https URL, an asset id, or a local file path.'),
      name: z.string().optional().describe('Name for the avatar.'),
      script: z.string().optional().describe('Optional first line for the avatar to say in a test video.'),
      orientation: completable(z.string().optional().describe('"portrait" or "landscape" for the test video.'), () => ['portrait', 'landscape']),
    },
  }, (args) => {
    const photo = args.photo.trim();
    const source = /^https:\/\//i.test(photo) ? `image: ${photo}`
      : /^[A-Za-z0-9_-]{6,}$/.test(photo) ? `image: ${photo} (if this is not an asset id, ask the user)`
        : `${photo} is not an https link: upload it with upload_asset (path) first and pass the asset id as image.`;
    const aspect = args.orientation?.trim().toLowerCase() === 'portrait' ? '9:16' : '16:9';
    const task = [
      '## Your task',
      `Create a photo avatar${args.name ? ` named "${args.name}"` : ' (ask the user for a name)'} and show it working.`,
      `- Photo: ${source}`,
      '- Tell the user that creating the avatar spends credits, and get a yes before calling create_photo_avatar.',
      '- Follow next_step from each result: consent if asked, then wait_for_job until training completes.',
      args.script
        ? `- Then render a short test with create_avatar_video (avatar_id = the look_id, aspect ratio ${aspect}) saying: "${args.script}". Confirm the cost first.`
        : `- Then offer a short test video with create_avatar_video (avatar_id = the look_id, aspect ratio ${aspect}).`,
    ].join('\n');
    return {
      description: 'Photo avatar workflow',
      messages: [{ role: 'user', content: { type: 'text', text: `${GUIDE}\n\n${task}` } }],
    };
  });
}
