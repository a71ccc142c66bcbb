/**
 * How v3 names a media file in a request body (HeyGen's "AssetInput"): a URL HeyGen fetches
 * itself, an uploaded asset, or, on the fields that allow it, the bytes inline.
 */
export type MediaRef = { type: 'url'; url: string } | { type: 'asset_id'; asset_id: string };
export type AssetInput = MediaRef | { type: 'base64'; media_type: string; data: string };
