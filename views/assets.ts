// Content-hashed asset URLs, from the manifest that scripts/build-assets.mjs writes.
import manifest from "./asset-manifest.json";

export const assetUrl = (logical: keyof typeof manifest): string => manifest[logical];
