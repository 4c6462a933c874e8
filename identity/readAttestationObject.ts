import { decodePartialCBOR } from '@levischuck/tiny-cbor';
import { type RegistrationRefusal, registrationRefusal } from './registrationRefusal';

export type AttestationParts = {
  ok: true;
  fmt: string;
  attStmt: Map<string | number, unknown>;
  authData: Uint8Array;
};

const path = '/response/attestationObject';
const malformed = (member: string, message: string) =>
  registrationRefusal('RESPONSE_MALFORMED', message, `${path}${member}`);

/**
 * The attestation object (WebAuthn L3 §6.5.4): exactly one CBOR map, nothing before or after
 * it, with a text `fmt`, a map `attStmt` and a byte string `authData`. Decoded with tiny-cbor,
 * the library's own decoder, so the library later reads the same values; tiny-cbor does not
 * bound byte strings by the input, so a truncated item shows as an end past the input's end.
 */
export function readAttestationObject(bytes: Uint8Array): AttestationParts | RegistrationRefusal {
  let decoded: unknown;
  let end: number;
  try {
    [decoded, end] = decodePartialCBOR(bytes, 0);
  } catch (error) {
    return malformed('', `is not CBOR (${(error as Error).message})`);
  }
  if (end > bytes.length) return malformed('', 'is truncated: its CBOR item runs past the end');
  if (end < bytes.length) {
    return malformed('', `has ${bytes.length - end} bytes after its CBOR item`);
  }
  if (!(decoded instanceof Map)) return malformed('', 'is not a CBOR map');
  const fmt = decoded.get('fmt');
  const attStmt = decoded.get('attStmt');
  const authData = decoded.get('authData');
  if (typeof fmt !== 'string') return malformed('/fmt', 'is not a text string');
  if (!(attStmt instanceof Map)) return malformed('/attStmt', 'is not a CBOR map');
  if (!(authData instanceof Uint8Array)) return malformed('/authData', 'is not a byte string');
  const statement = checkStatementShape(fmt, attStmt);
  if (statement) return malformed('/attStmt', statement);
  return { ok: true, fmt, attStmt, authData };
}

/** The statement shapes of the formats a policy usually allows; the library checks the rest. */
function checkStatementShape(fmt: string, attStmt: Map<unknown, unknown>): string | undefined {
  // §8.7: 'none' carries an empty statement.
  if (fmt === 'none') return attStmt.size === 0 ? undefined : "is not empty for format 'none'";
  if (fmt !== 'packed') return undefined;
  // §8.2: { alg: int, sig: bytes, x5c?: [bytes, ...] }.
  if (!Number.isSafeInteger(attStmt.get('alg'))) return 'alg is not an integer';
  if (!(attStmt.get('sig') instanceof Uint8Array)) return 'sig is not a byte string';
  const x5c = attStmt.get('x5c');
  if (
    x5c !== undefined &&
    !(Array.isArray(x5c) && x5c.length > 0 && x5c.every((c) => c instanceof Uint8Array))
  ) {
    return 'x5c is not a non-empty array of byte strings';
  }
  return undefined;
}
