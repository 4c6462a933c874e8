import { readCborMap } from './readCborMap';
import { type RegistrationRefusal, registrationRefusal } from './registrationRefusal';

export type AuthenticatorDataParts = {
  ok: true;
  rpIdHash: Uint8Array;
  flags: { up: boolean; uv: boolean; be: boolean; bs: boolean };
  aaguid: Uint8Array<ArrayBuffer>;
  credentialId: Uint8Array;
  credentialPublicKey: Map<string | number, unknown>;
};

const path = '/response/attestationObject/authData';
const malformed = (member: string, message: string) =>
  registrationRefusal('RESPONSE_MALFORMED', message, `${path}${member}`);
// WebAuthn L3 §6.1: rpIdHash (32) | flags (1) | signCount (4), then §6.5.1 aaguid (16) | L (2).
const headerLength = 37;
const credentialIdAt = headerLength + 18;
const flag = { up: 1 << 0, uv: 1 << 2, be: 1 << 3, bs: 1 << 4, at: 1 << 6, ed: 1 << 7 };

/**
 * Authenticator data of a registration (WebAuthn L3 §6.1, §6.5.1), strictly: the flags agree
 * with what follows them, every length fits the bytes, and the credential public key and any
 * extensions are single minimally encoded CBOR maps (readCborMap) that end exactly where the data
 * ends.
 */
export function readAuthenticatorData(
  bytes: Uint8Array,
): AuthenticatorDataParts | RegistrationRefusal {
  // An own copy: tiny-cbor reads `data.buffer` from its start, whatever the view's offset.
  const data = Uint8Array.from(bytes);
  if (data.length < headerLength) {
    return malformed('', `is ${data.length} bytes, at least ${headerLength} expected`);
  }
  const flags = data[32]!;
  // §6.1 flags: a credential that is not backup eligible cannot be backed up.
  if (flags & flag.bs && !(flags & flag.be)) {
    return malformed('/flags', 'backup state is set without backup eligibility');
  }
  if (!(flags & flag.at)) return malformed('/flags', 'carries no attested credential data');
  if (data.length < credentialIdAt) {
    return malformed('', 'ends inside the attested credential data');
  }
  const idLength = new DataView(data.buffer).getUint16(headerLength + 16);
  const keyAt = credentialIdAt + idLength;
  if (keyAt >= data.length) {
    return malformed('/credentialId', `of ${idLength} bytes leaves no room for the public key`);
  }
  const key = readMap(data, keyAt, '/credentialPublicKey');
  if (!key.ok) return key;
  let end = key.end;
  if (flags & flag.ed) {
    if (end >= data.length) return malformed('/flags', 'announces extensions that are absent');
    const extensions = readMap(data, end, '/extensions');
    if (!extensions.ok) return extensions;
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
    aaguid: data.slice(headerLength, headerLength + 16),
    credentialId: data.slice(credentialIdAt, keyAt),
    credentialPublicKey: key.value,
  };
}

function readMap(data: Uint8Array, at: number, member: string) {
  const map = readCborMap(data, at);
  return map.ok ? map : malformed(member, map.why);
}
