import { type RegistrationRefusal, registrationRefusal } from './registrationRefusal';

/** The members of CollectedClientData (WebAuthn L3 §5.8.1) that a registration relies on. */
export type ClientData = {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
  topOrigin?: string;
};

const path = '/response/clientDataJSON';
const malformed = (member: string, message: string) =>
  registrationRefusal('RESPONSE_MALFORMED', message, `${path}${member}`);
const utf8 = new TextDecoder('utf-8', { fatal: true });
const tokenBindingStatuses = ['present', 'supported', 'not-supported'];

/**
 * Parse clientDataJSON and check the type of every member a check reads: UTF-8 JSON, an object,
 * string type/challenge/origin, boolean crossOrigin and string topOrigin when present. The
 * library reads tokenBinding too, so its shape (L2 §5.8.1) is checked here as well.
 */
export function decodeClientData(
  bytes: Uint8Array,
): { ok: true; clientData: ClientData } | RegistrationRefusal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(bytes));
  } catch {
    return malformed('', 'is not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return malformed('', 'is not a JSON object');
  }
  const data = parsed as Record<string, unknown>;
  for (const member of ['type', 'challenge', 'origin'] as const) {
    if (typeof data[member] !== 'string') return malformed(`/${member}`, 'is not a string');
  }
  if (data.crossOrigin !== undefined && typeof data.crossOrigin !== 'boolean') {
    return malformed('/crossOrigin', 'is not a boolean');
  }
  if (data.topOrigin !== undefined && typeof data.topOrigin !== 'string') {
    return malformed('/topOrigin', 'is not a string');
  }
  const tokenBinding = data.tokenBinding as { status?: unknown } | undefined;
  if (
    tokenBinding !== undefined &&
    (typeof tokenBinding !== 'object' ||
      tokenBinding === null ||
      !tokenBindingStatuses.includes(tokenBinding.status as string))
  ) {
    return malformed(
      '/tokenBinding',
      `is not an object with a status of ${tokenBindingStatuses.join(', ')}`,
    );
  }
  return { ok: true, clientData: data as ClientData };
}
