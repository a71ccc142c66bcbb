/**
 * The Video Agent prompt method in our own words, as markdown blocks that the workflow prompts
 * and the docs assemble. Numbers (word budgets, durations, layer counts) are the method's facts.
 */
import { VISUAL_STYLES } from './styles.js';

/** The line a natural prompt carries so the agent expands the script instead of padding with silence. */
export const SCRIPT_FRAMING = 'Treat this script as the ideas to get across, not a transcript to read word for word: expand it, add examples and fill the running time naturally, with no dead air or padding pauses.';

export const CHOOSING = `## Two ways to write the prompt
| | Natural flow | Structured (scene by scene) |
|---|---|---|
| Length | 60 s or less | over 60 s, or any length when exact control matters |
| Suits | one message, conversational, a personal update or a short pitch | data, several beats, exact figures and quotes on screen |
| Prompt | script + presenter + tone + length + framing line + style block; no scene labels, no per-scene seconds | FORMAT, TONE, AVATAR, STYLE, CRITICAL ON-SCREEN TEXT, typed scenes with seconds and VOICEOVER, MUSIC, NARRATION STYLE |
| Validate with | \`mode: "natural"\` | \`mode: "structured"\` |

When unsure: a short, talky video goes natural; anything with numbers to show, or longer than a minute, goes structured. The validator picks the mode from the prompt when you leave \`mode\` out.`;

export const DISCOVERY = `## Before writing: a short discovery
Ask only what the brief leaves open, one or two questions at a time, and infer the rest ("a 30-second founder intro" already gives length, purpose and tone):
1. **Purpose** and the one thing the viewer should remember.
2. **Audience** and **where it will play** (this sets the orientation).
3. **Length** in seconds.
4. **Tone**, in a few precise words.
5. **Presenter**: a look from \`list_avatar_looks\` (then an \`avatar_id\`), a presenter you describe, or voice-over only.
6. **Look**: a preset from \`list_video_agent_styles\` or one of the 20 named styles.
7. **Material**: figures, quotes, logos, screenshots, footage the user can share.
8. **Language** of the narration (labels and directives stay in English).
Then draft, show the script with its word count and estimated length, and get a yes before spending credits.`;

export const NATURAL_FLOW = `## Writing a natural-flow prompt (60 s or less)
Write it as one piece of prose, in this order:
1. **One opening line**: kind of video, target length ("about 45 seconds"), orientation, audience.
2. **The presenter**: "The selected presenter …" with an \`avatar_id\`, a short description of the presenter without one, or "Voice-over narration only."
3. **Tone**, with a comparison if it helps ("like a barista chatting across the counter").
4. **The script**, in the video's language, written to be heard: short sentences, contractions, no digits read aloud.
5. **The framing line**, in English, so the agent expands the script rather than padding the length with silence:
   > ${SCRIPT_FRAMING}
6. **CRITICAL ON-SCREEN TEXT (display literally)** when figures, prices, URLs or quotes must appear exactly.
7. **A style block at the end**: palette (hex where you have it), type, motion, and which media type to use where. With a \`style_id\` this block is optional.

Leave out scene labels and per-scene seconds: the agent paces a short video better on its own.`;

export const PRESENTER = `## The presenter
- **With an \`avatar_id\`** the look is fixed. Call them "the selected presenter" and describe only framing, set and delivery. Describing face, hair, age or clothes fights the chosen look and is the most common reason the video shows someone else. A structured AVATAR section then says "The selected presenter, …" and dresses the set, not the person.
- **Without one**, describe the presenter you want: in a structured prompt by the AVATAR guide of the structured method, in a natural prompt in one or two sentences. Or write "Voice-over narration only" and leave the presenter out.
- Find looks with \`list_avatar_looks\` and check one with \`get_avatar_look\` (its preview and default voice). A look shot in the other orientation than the video gets cropped or extended: say how to frame them ("chest up, centred").`;

export const STYLE_CHOICE = `## The look: a preset or a STYLE block
- **A preset**: \`list_video_agent_styles\` lists HeyGen's styles (filter by tag; show the user thumbnails or previews). Pass the chosen \`style_id\` to \`create_video_agent\`; the preset then carries layout, pacing and transitions, and a STYLE block becomes optional (colour or media-type notes may still go in the prompt). If a preset has a fixed aspect ratio, match the orientation to it.
- **A STYLE block**: one of the 20 named styles below (rules, not sample scenes), or your own with palette, type, motion and transitions. Keep it in English whatever the video's language.`;

export const MEDIA = `## Media types and your files
Tell the agent which kind of picture each part needs, or it guesses:
| Media type | Best for |
|---|---|
| Motion graphics | figures, charts, diagrams, brand elements, titles |
| Stock footage | real places, people at work, emotion, establishing shots |
| AI-generated visuals | abstract ideas, things no camera could film, mock-ups |

Say it in the prompt ("motion graphics for the price, stock footage of the café, a generated visual for the future city"). Files the viewer should see (logos, screenshots, product shots, clips) go up first with \`upload_asset\` (a local path, an https URL or base64) and into \`create_video_agent\` \`files\` as asset ids; name each one in the prompt ("show the attached screenshot when the dashboard comes up"). Web pages cannot be attached: read them and put the facts into the script.`;

export const ORIENTATION = `## Orientation
- **Landscape** (16:9) for YouTube, websites, LinkedIn, slides; **portrait** (9:16) for TikTok, Reels, Shorts, Stories. Landscape is the default.
- Pass \`orientation\` to \`create_video_agent\` and say the same in the prompt (FORMAT or the opening line).
- In portrait, frame the presenter from the chest up and centred; avoid wide or panoramic framing, and stack overlay content above or below the presenter instead of beside them. Video Agent has no square output: pick the nearer one.`;

export const RENDER = `## Validate, submit, follow, deliver
1. \`validate_video_agent_prompt\` with the prompt and what you will pass (\`duration_seconds\`, \`orientation\`, \`avatar_id\`, \`style_id\`). Fix every error; read the warnings; validate again.
2. Confirm with the user: \`create_video_agent\` spends credits (\`dry_run: true\` shows the request).
3. Call \`create_video_agent\`. Where the client supports MCP tasks and the tool offers them, run it as a task so the client tracks the job; otherwise it returns the session id at once.
4. Follow with \`wait_for_job\` (kind \`video_agent_session\`): it returns within 50 s, so call it again while it says still running. Real renders take **20–45 minutes**: say so up front, wait quietly, and never resubmit while one is running (check \`get_video_agent_session\` or \`list_video_agent_sessions\` instead).
5. \`download_video\` for the file, or share the video URL. If the user wants changes, revise the prompt; do not resend the same one.`;

export const WORKFLOW = `## Workflow: from brief to prompt
1. **Collect real material.** Search, read the user's documents, call their APIs. Keep actual figures, quotes with their speakers, and social handles.
2. **Find the thesis.** Turn the material into one argument ("this is changing because of that, and here is the evidence") carried by 3–5 themes with a beginning, middle and end. A pile of items is not a story.
3. **Pick a visual style** by the feeling the viewer should leave with, then check it suits the topic (see the style table or \`heygen://visual-styles\`).
4. **Dress the avatar for this video** (guide below): wardrobe and set that belong to the subject, with brand marks and topic props in view.
5. **List the literal text**: every figure, quote, handle and label that must appear exactly as written.
6. **Cut into scenes**: one idea each, scene types rotating.
7. **Write the voiceover for every scene**, numbers spelled out in speech and shown as figures on screen.
8. **Stack each B-roll from layers L1–L5**, every element moving.
9. **Direct the music**: genre, reference artists, how the energy rises and falls.
10. **Direct the narration**: pace per part, where to pause, the emotional register of each section.`;

export const ANATOMY = `## Prompt anatomy (sections, in this order)
| Section | What goes in it |
|---|---|
| \`FORMAT:\` | Kind of video, target length in seconds, energy; optionally "Think: …" with an analogy |
| \`TONE:\` | Emotional register, optionally "X meets Y" references |
| \`AVATAR:\` | 60–100 words: wardrobe, set, screens and desk, light, mood |
| \`STYLE — NAME (Designer):\` | The style's rules: palette with hex, typography, motion, transitions |
| \`CRITICAL ON-SCREEN TEXT (display literally):\` | A "- " bullet per exact string |
| \`SCENE n — TYPE (Ns)\` | One block per scene (anatomy below) |
| \`MUSIC:\` | Genre, reference artists, energy arc (may also sit before the scenes) |
| \`NARRATION STYLE:\` | How the voice delivers each part |

Put a \`---\` line between the header block, the scenes and NARRATION STYLE.`;

export const AVATAR_GUIDE = `## Writing the AVATAR
Treat the presenter as a character dressed and staged for this one video, not a stock headshot. Wardrobe and set should echo the subject's emotional and cultural setting: a lunar new year story gets a red silk qipao in a lantern-lit courtyard, a sleep-science piece gets a chunky knit on a bed under a warm lamp, a breaking security story gets a field reporter with an earpiece against a city skyline.

Cover five parts, in order, in 60–100 words:
1. **Clothing**: fabric, colour, fit, accessories, posture.
2. **Setting**: named props, logos, what hangs on the walls.
3. **Screens and desk**: what each monitor shows, what lies on the desk.
4. **Light**: direction and colour temperature ("cool monitor glow from the left, amber lamp from the right").
5. **Mood** of the space in a few words.

Include at least 3 props tied to the topic, and the brand's logo or product when a company is involved. Swap vague words for specific ones: not "business casual" but "charcoal merino crew-neck"; not "an office" but "glass meeting room, whiteboard with a hand-drawn funnel"; not "computer screens" but "monitor scrolling red alert rows"; not "well lit" but a direction and a temperature.`;

export const SCENE_TYPES = `## Scene types and rotation
| Type | On screen | Use it for | Length |
|---|---|---|---|
| \`A-ROLL\` | The avatar talking to camera | Hook, key insight, emotional beat, call to action | hook 6–10 s, close 6–8 s |
| \`FULL SCREEN B-ROLL\` | No avatar; animated graphics fill the frame | Numbers, charts, dense information | 10–15 s, never 5 s or less |
| \`A-ROLL + OVERLAY\` | Split frame: avatar on one side, content on the other | Data while keeping a face on screen | 8–12 s |

- Never three scenes of the same type in a row; include at least 2 FULL SCREEN B-ROLL scenes.
- Every scene, B-roll included, carries a \`VOICEOVER: "…"\` line. A scene with no narration breaks the render.
- Header form: \`SCENE 3 — A-ROLL + OVERLAY (10s)\`; end each scene with its transition on its own line ("Grid wipe.").
- A-ROLL: a bracketed direction for framing, emotion and gesture, e.g. \`[Avatar center-frame, leaning in, amused]\`, usually a lower-third.
- B-ROLL: \`[NO AVATAR — motion graphic only]\`, then \`LAYER 1:\` … \`LAYER 5:\`.
- OVERLAY: declare the split, e.g. \`[SPLIT — Avatar RIGHT 35%. Content LEFT 65%. NO overlap.]\`, have the avatar gesture toward the content, give the content side 3+ moving elements, and swap the avatar's side from one overlay scene to the next.`;

export const LAYERS = `## The 5-layer B-roll system
| Layer | Role | Typical content |
|---|---|---|
| L1 | Background | Texture, grid, gradient, colour field |
| L2 | Hero | The headline or number that owns the frame |
| L3 | Supporting | Cards, stats, bullets, secondary facts |
| L4 | Information bar | Ticker, labels, sources, quotes |
| L5 | Effects | Particles, glitches, grid animation, ambient movement |

Each B-roll lists at least 4 layers (5 is the full stack), each with a motion verb. Nothing sits still. Sizes, colours, angles and stagger timings are welcome when attached to a motion: "\\"$95M\\" SLAMS in from the left, white 120pt, tilted −5°".`;

export const MOTION = `## Motion vocabulary by energy
- **High**: SLAMS, CRASHES, PUNCHES, STAMPS, SHATTERS — a hero number tilting in from an edge, a title landing with a screen shake, blocks stamped one after another 0.4 s apart, text breaking apart to uncover a figure.
- **Medium**: CASCADE, SLIDES, DROPS, FILLS, DRAWS — cards falling in 0.3 s apart, a ticker gliding in and scrolling, a label dropping with a flash, a bar filling to 90%, a chart line drawing left to right.
- **Low**: types on, fades in, FLOATS, morphs, COUNTS UP — a quote typed word by word, a logo fading in and holding, bokeh drifting, 17 morphing into 18.9, a counter climbing from 0.

Match the energy to the style: high for Deconstructed, Maximalist Type, Carnival Surge, Red Wire; low for Soft Signal, Quiet Drama, Dream State, Velvet Standard.`;

export const TRANSITIONS = `## Transitions by style
| Transition | Feel | Fits |
|---|---|---|
| Smash cut | aggressive | Deconstructed, Maximalist Type, Carnival Surge |
| White flash frame | punchy | Deconstructed, Maximalist Type |
| Grid wipe | systematic | Swiss Pulse, Digital Grid |
| Hard cut | clean | Swiss Pulse, Shadow Cut |
| Liquid dissolve | elegant | Data Drift, Dream State |
| Slow cross-dissolve | refined | Velvet Standard |
| Pop cut / bounce | fun | Play Mode, Carnival Surge |
| Snap cut | urgent | Red Wire, Contact Sheet |
| Soft dissolve | warm | Soft Signal, Warm Grain, Quiet Drama |
| Iris wipe | nostalgic | Heritage Reel |

Hard limits: Swiss Pulse never dissolves; Dream State never hard-cuts; Soft Signal never snaps. Other styles use the transitions in their own spec.`;

export const TIMING = `## Timing and word budgets
Narration runs at about 150 words a minute, so seconds ≈ words ÷ 150 × 60 (about 2.5 words a second).

| Scene | Seconds | Voiceover words |
|---|---|---|
| Hook (A-ROLL) | 6–10 | 15–25 |
| B-ROLL | 10–15 | 25–38 |
| A-ROLL + OVERLAY | 8–12 | 20–30 |
| Closing call to action (A-ROLL) | 6–8 | 15–20 |

| Video | Length | Scenes |
|---|---|---|
| Social clip | 30–45 s | 5–7 |
| Briefing | 60–75 s | 7–9 |
| Deep dive | 90–120 s | 10–13 |

Make FORMAT's length match the sum of the scene durations. Keep sentences to 10–20 words, use contractions, and allow yourself one exclamation mark. Fast-cutting styles (Play Mode, Carnival Surge, Maximalist Type) cut quickly *inside* a scene; the scene itself still obeys the table.`;

export const PITFALLS = `## What does not work
- **Layout language.** Slot labels such as "UPPER-LEFT:" or "CENTER-SCREEN:" and pixel coordinates like "(400, 300)" led to empty or black B-roll. Describe motion instead: "\\"135K\\" SLAMS in from the left, fills 40% of the frame".
- **A designer's name with no rules.** "In the style of Ikko Tanaka" tells the agent nothing; write the rules: flat colour blocks, at most 3 colours, 60% empty space, type as the main element.
- **Sample scenes pasted from a style library.** They confuse the agent; paste the style's rules only.
- **B-roll of 5 seconds or less.** Every such test rendered black frames; use 10–15 s.
- **A list instead of a story.** "Here are five tweets" makes a flat video; build an argument with evidence.
- **Numbers as digits in the voiceover.** Write "one-point-eight-five million" in VOICEOVER and "1.85M" on screen.

Evidence from about 40 produced videos: natural scene lengths with a custom AVATAR averaged ~106 s and looked best; without the custom avatar ~69 s; forced short scenes ~71 s with mixed results; layout-language prompts ~48 s and poor. The most dependable styles were Deconstructed, Swiss Pulse, Digital Grid, Geometric Bold and Maximalist Type (the last one sparingly).`;

/** What Video Agent is good at, which both methods build on. */
export const RENDERER_NOTE = 'Video Agent renders like an HTML interpreter: it is strong at typography, layered text and structured graphics. Write B-roll as animated text and graphic layers driven by motion verbs, never as screen-layout specifications.';

/** The structured method's blocks, in reading order (the prompt and the skill both use this list). */
export const STRUCTURED_METHOD: readonly string[] = [WORKFLOW, ANATOMY, AVATAR_GUIDE, SCENE_TYPES, LAYERS, MOTION, TRANSITIONS, TIMING, PITFALLS];

export function styleTable(): string {
  const rows = VISUAL_STYLES.map((s) => `| ${s.number} | ${s.name} | ${s.designer} | ${s.mood} | ${s.bestFor.join(', ')} |`);
  return ['| # | Style | Designer | Mood | Best for |', '|---|---|---|---|---|', ...rows].join('\n');
}
