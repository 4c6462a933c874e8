import { isPlainObject } from '../../core/isPlainObject';
import type { PasskeyProvider, PasskeyProviders } from './PasskeyProvider';

const aaguidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Only an SVG data URI: an icon is shown as an <img>, and nothing else may ride in on the file.
const iconPattern = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/;
const maxName = 128;

export type ParsedProviders =
  | { ok: true; providers: PasskeyProviders }
  | { ok: false; problem: string };

/**
 * The passkey-developer community AAGUID list (`aaguid.json`, or `combined_aaguid.json`, of
 * github.com/passkeydeveloper/passkey-authenticator-aaguids): `{"<aaguid>": {name, icon_light?,
 * icon_dark?}}`. Fields beyond those are ignored, so a newer file of the same shape still loads;
 * a file of another shape is refused whole, naming the first entry that is wrong.
 */
export function parsePasskeyProviders(text: string): ParsedProviders {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `is not JSON (${(error as Error).message})` };
  }
  if (!isPlainObject(data)) {
    return {
      ok: false,
      problem: 'must be a JSON object of AAGUID → {name, icon_light, icon_dark}',
    };
  }
  const providers = new Map<string, PasskeyProvider>();
  for (const [aaguid, entry] of Object.entries(data)) {
    const where = `entry '${aaguid.slice(0, 64)}'`;
    if (!aaguidPattern.test(aaguid))
      return { ok: false, problem: `${where}: the key is not an AAGUID` };
    if (!isPlainObject(entry)) return { ok: false, problem: `${where}: must be an object` };
    const { name, icon_light: light, icon_dark: dark } = entry;
    if (typeof name !== 'string' || name.trim() === '' || name.length > maxName) {
      return { ok: false, problem: `${where}: name must be a string of 1–${maxName} characters` };
    }
    for (const [field, icon] of [
      ['icon_light', light],
      ['icon_dark', dark],
    ] as const) {
      if (icon !== undefined && (typeof icon !== 'string' || !iconPattern.test(icon))) {
        return { ok: false, problem: `${where}: ${field} must be a data:image/svg+xml;base64 URI` };
      }
    }
    const key = aaguid.toLowerCase();
    if (providers.has(key)) return { ok: false, problem: `${where}: the AAGUID is listed twice` };
    providers.set(key, {
      name: name.trim(),
      icon: (light as string | undefined) ?? null,
      iconDark: (dark as string | undefined) ?? null,
    });
  }
  return { ok: true, providers };
}
