import { DEFAULT_TOOLSETS, TOOLSET_SUMMARY, TOOLSETS } from './config.js';

const optional = TOOLSETS.filter((t) => !DEFAULT_TOOLSETS.includes(t));

/**
 * The server `instructions`: the cross-tool workflow, said once, so tool descriptions can stay
 * one or two sentences.
 */
export const INSTRUCTIONS = `HeyGen video tools (API v3). Ids: a look id is the avatar_id for videos; voice ids come from list_voices.

Fastest path, one prompt to a finished video:
1. get_account to see the credits left.
2. Optional: list_avatar_looks → get_avatar_look (its default_voice_id; include_preview_image to look at it) and list_video_agent_styles.
3. Write the prompt with the video_agent_prompt prompt (or the video-agent skill): natural flow for 60 s or less, FORMAT / TONE / AVATAR / STYLE / scenes beyond; with an avatar_id, call them "the selected presenter" and do not describe them. Check it with validate_video_agent_prompt.
4. create_video_agent (spends credits, returns at once) → wait_for_job {kind:"video_agent_session"} until completed → download_video (stdio) or the video URL.

Precise path: choose a look and a voice (the look's default voice, or list_voices filtered by language and gender), then create_avatar_video / create_studio_video (or create_video_from_template, templates toolset) → wait_for_job {kind:"video"} → download_video.

Media inputs (images, audio, video, subtitles) are one string each: an https URL HeyGen can fetch, an asset id from upload_asset, or, where the field's description says so, a data: URI of at most 10 MB. Local files go through upload_asset first.

Rules: tools marked "Spends HeyGen credits." accept dry_run to see the exact request first; an identical create repeated within 10 minutes returns the first job unless allow_duplicate is set; never resubmit a create after an error that says the job may exist — check its status or list tool first. wait_for_job returns within 50 s; call it again while it says still running. Lists are paged the same way: limit (1–100, default 25), and next_token, present when more exist, passed back to get them; use query / filters rather than reading whole catalogs.

Toolsets: on by default ${DEFAULT_TOOLSETS.join(', ')}. Off unless enabled: ${optional.map((t) => `${t} (${TOOLSET_SUMMARY[t]})`).join('; ')}. To enable, the user restarts the server with --toolsets default,<name> (or HEYGEN_MCP_TOOLSETS=default,<name>); --toolsets all enables every one.`;
