import type { ClientData } from './decodeClientData';

/** The client-data rules both ceremonies share (WebAuthn L3 §7.1 steps 7–9, §7.2 steps 11–13). */
export type ClientDataFault = {
  ok: false;
  code:
    | 'CLIENT_DATA_TYPE_MISMATCH'
    | 'CHALLENGE_MISMATCH'
    | 'ORIGIN_NOT_ALLOWED'
    | 'CROSS_ORIGIN_NOT_ALLOWED';
  message: string;
};

/** The ceremony's type, this session's challenge, one of the RP's origins, no foreign frame. */
export function checkClientData(
  clientData: ClientData,
  {
    type,
    challenge,
    origins,
    allowCrossOrigin,
  }: { type: string; challenge: string; origins: string[]; allowCrossOrigin: boolean },
): { ok: true } | ClientDataFault {
  if (clientData.type !== type) {
    const message = `clientData.type is '${clientData.type}', expected '${type}'`;
    return { ok: false, code: 'CLIENT_DATA_TYPE_MISMATCH', message };
  }
  if (clientData.challenge !== challenge) {
    const message = 'clientData.challenge is not the challenge this session issued';
    return { ok: false, code: 'CHALLENGE_MISMATCH', message };
  }
  if (!origins.includes(clientData.origin)) {
    const message = `origin '${clientData.origin}' is not one of ${origins.join(', ')}`;
    return { ok: false, code: 'ORIGIN_NOT_ALLOWED', message };
  }
  if (clientData.crossOrigin === true && !allowCrossOrigin) {
    const message = 'the ceremony ran in a cross-origin frame';
    return { ok: false, code: 'CROSS_ORIGIN_NOT_ALLOWED', message };
  }
  return { ok: true };
}
