import { readCborMap } from '../readCborMap';
import { type AuthenticationRefusal, authenticationRefusal } from './authenticationRefusal';

export type AssertionAuthenticatorData = {
  ok: true;
  rpIdHash: Uint8Array;
  flags: { up: boolean; uv: boolean; be: boolean; bs: boolean };
  signCount: number;
};

const path = '/response/authenticatorData';
const malformed = (member: string, message: string) =>
  authenticationRefusal('RESPONSE_MALFORMED', message, `${path}${member}`);
// WebAuthn L3 §6.1: rpIdHash (32) | flags (1) | signCount (4, big-endian) | extensions?
const headerLength = 37;
const flag = { up: 1 << 0, uv: 1 << 2, be: 1 << 3, bs: 1 << 4, at: 1 << 6, ed: 1 << 7 };

/**
 * Authenticator data of an assertion (WebAuthn L3 §6.1), strictly: no attested credential data
 * (authenticatorGetAssertion, §6.3.3, never returns any), extensions only when the flag says so,
 * as one minimally encoded CBOR map that ends where the data ends.
 */
export function readAssertionAuthenticatorData(
  bytes: Uint8Array,
): AssertionAuthenticatorData | AuthenticationRefusal {
  const data = Uint8Array.from(bytes);
  if (data.length < headerLength) {
    return malformed('', `is ${data.length} bytes, at least ${headerLength} expected`);
  }
  const flags = data[32]!;
  if (flags & flag.bs && !(flags & flag.be)) {
    return malformed('/flags', 'backup state is set without backup eligibility');
  }
  if (flags & flag.at)
    return malformed('/flags', 'an assertion carries no attested credential data');
  let end = headerLength;
  if (flags & flag.ed) {
    if (end >= data.length) return malformed('/flags', 'announces extensions that are absent');
    const extensions = readCborMap(data, end);
    if (!extensions.ok) return malformed('/extensions', extensions.why);
    end = extensions.end;
  }
  if (end < data.length) {
    return malformed('', `has ${data.length - end} bytes after its last item (flags ${flags})`);
  }
  return {
    ok: true,
    rpIdHash: data.slice(0, 32),
    flags: {
      up: Boolean(flags & flag.up),
      uv: Boolean(flags & flag.uv),
      be: Boolean(flags & flag.be),
      bs: Boolean(flags & flag.bs),
    },
    signCount: new DataView(data.buffer).getUint32(32 + 1),
  };
}
