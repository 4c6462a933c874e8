/** Who made a passkey, as the AAGUID list names it: for a passkey list a person recognises. */
export interface PasskeyProvider {
  name: string;
  /** SVG as a `data:image/svg+xml;base64,` URI, for light backgrounds; null when the list has none. */
  icon: string | null;
  /** The same for dark backgrounds. */
  iconDark: string | null;
}

/** Lower-case AAGUID → provider. */
export type PasskeyProviders = ReadonlyMap<string, PasskeyProvider>;
