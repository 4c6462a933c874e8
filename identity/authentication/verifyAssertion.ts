import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { AuthenticationSessionRecord } from '../../storage/AuthenticationSessionRecord';
import type { AuthenticationPolicy, RelyingPartyRecord } from '../../storage/IdentityDefinitions';
import type { PasskeyRecord } from '../../storage/PasskeyRecord';
import type { IdentityDeps } from '../IdentityDeps';
import { type AuthenticationRefusal, authenticationRefusal as fail } from './authenticationRefusal';
import { checkAuthenticationResponseShape } from './checkAuthenticationResponseShape';
import { inspectAssertion } from './inspectAssertion';

/** A verified assertion: whose passkey, what it reported, and whether its counter went back. */
export type VerifiedAssertion = {
  ok: true;
  passkey: PasskeyRecord;
  signCount: number;
  userVerified: boolean;
  backedUp: boolean;
  /** The counter did not increase (L3 §7.2 step 21); the policy said to accept and flag it. */
  regressed: boolean;
};

/**
 * Every rule of a sign-in response (WebAuthn L3 §7.2, DESIGN §4b) in the spec's order, each with
 * its own code: shape; the credential (allowed, in this tenant, store and RP, the session user's,
 * its user handle); client data and authenticator data; then the library's signature check; then
 * the counter. The counter is judged only on a verified signature, so nobody without the key
 * can get a passkey flagged as cloned. A COUNTER_REGRESSION refusal carries the passkey, whose
 * flag the caller must record although the sign-in is refused.
 */
export async function verifyAssertion(
  deps: Pick<IdentityDeps, 'records'>,
  {
    response: input,
    session,
    rp,
    policy,
  }: {
    response: unknown;
    session: AuthenticationSessionRecord;
    rp: RelyingPartyRecord;
    policy: AuthenticationPolicy;
  },
): Promise<VerifiedAssertion | (AuthenticationRefusal & { passkey?: PasskeyRecord })> {
  const shape = checkAuthenticationResponseShape(input);
  if (!shape.ok) return shape;
  const { response } = shape;
  // §7.2 step 5: one of the credentials the options allowed, when they named any.
  const allowed = session.clientRequest.allowCredentials;
  if (allowed?.length && !allowed.some((c) => c.id === response.id)) {
    return fail('CREDENTIAL_NOT_ALLOWED', 'the credential is not one the session allowed', '/id');
  }
  // §7.2 step 6: identify the user and the credential, and make sure they belong together.
  const passkey = await deps.records.passkeys.findByCredentialId({
    tenantId: session.tenantId,
    storeName: session.storeName,
    credentialId: response.id,
  });
  if (!passkey || passkey.rpId !== session.rpId) {
    return fail(
      'UNKNOWN_CREDENTIAL',
      `no passkey for '${session.rpId}' has this credential ID`,
      '/id',
    );
  }
  if (session.userId && passkey.userId !== session.userId) {
    return fail('CREDENTIAL_NOT_ALLOWED', 'the credential belongs to another user', '/id');
  }
  const userHandle = response.response.userHandle ?? undefined;
  if (userHandle === undefined && !session.userId) {
    return fail(
      'USER_HANDLE_MISMATCH',
      'is absent: a usernameless sign-in identifies its user by it',
      '/response/userHandle',
    );
  }
  if (userHandle !== undefined && userHandle !== passkey.userHandle) {
    return fail(
      'USER_HANDLE_MISMATCH',
      "is not the handle of the credential's user",
      '/response/userHandle',
    );
  }
  const inspection = inspectAssertion({
    clientDataJSON: shape.clientDataJSON,
    authenticatorData: shape.authenticatorData,
    challenge: session.challenge,
    origins: rp.origins,
    rpId: rp.rpId,
    policy,
  });
  if (!inspection.ok) return inspection;

  const signature = await verifySignature({
    response,
    challenge: session.challenge,
    passkey,
    rp,
    policy,
  });
  if (!signature.ok) return signature;
  const { signCount } = inspection;
  const regressed = (signCount > 0 || passkey.counter > 0) && signCount <= passkey.counter;
  if (regressed && policy.onCounterRegression === 'refuse') {
    return {
      ...fail(
        'COUNTER_REGRESSION',
        `signature counter ${signCount} is not above the stored ${passkey.counter}: the passkey may be cloned`,
      ),
      passkey,
    };
  }
  return { ok: true, passkey, signCount, regressed, ...signature.flags };
}

async function verifySignature({
  response,
  challenge,
  passkey,
  rp,
  policy,
}: {
  response: Parameters<typeof verifyAuthenticationResponse>[0]['response'];
  challenge: string;
  passkey: PasskeyRecord;
  rp: RelyingPartyRecord;
  policy: AuthenticationPolicy;
}) {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      expectedType: 'webauthn.get',
      requireUserVerification: policy.userVerification === 'required',
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        // Zero turns the library's counter check off: ours runs after the signature, with its
        // own code and the policy's choice of refusing or flagging.
        counter: 0,
      },
    });
    // `{verified: false}` is a failure like any thrown error, never a pass.
    if (!result.verified) return fail('SIGNATURE_INVALID', 'the signature did not verify');
    const { userVerified, credentialBackedUp } = result.authenticationInfo;
    return { ok: true as const, flags: { userVerified, backedUp: credentialBackedUp } };
  } catch (error) {
    return fail('SIGNATURE_INVALID', error instanceof Error ? error.message : String(error));
  }
}
