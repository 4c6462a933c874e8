/**
 * Caps on an uploaded bundle (DESIGN §7). Pages are small static sites: these leave room for
 * a few fonts and images while keeping an upload, its zip and the stored blobs bounded.
 */
export const pageBundleLimits = {
  maxFiles: 100,
  maxFileBytes: 2 * 1024 * 1024,
  maxBundleBytes: 5 * 1024 * 1024,
} as const;

export type PageBundleLimits = { maxFiles: number; maxFileBytes: number; maxBundleBytes: number };
