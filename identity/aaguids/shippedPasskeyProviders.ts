import type { PasskeyProviders } from './PasskeyProvider';
import { readPasskeyProviders } from './readPasskeyProviders';

let shipped: PasskeyProviders | undefined;

/** The shipped AAGUID list, read once on first use (not at import: most processes never ask). */
export function shippedPasskeyProviders(): PasskeyProviders {
  shipped ??= readPasskeyProviders();
  return shipped;
}
