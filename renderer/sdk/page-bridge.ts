/**
 * Keyform's page bridge, injected by the server as the first script of every served page HTML
 * (/sdk/page-bridge.js, a classic script). A sandboxed page has an opaque origin, where
 * WebAuthn refuses to run; this replaces `navigator.credentials.create()` in the frame with a
 * request to the host, which runs the ceremony itself — only for the options the server issued
 * for this step — and answers with the response, rebuilt here as a PublicKeyCredential-like
 * object, or with the DOMException the browser raised. Nothing else in the page changes.
 */
(() => {
  const host = window.parent;
  // Opened directly (not framed): there is no host to ask, and create() stays as it was.
  if (host === window) return;

  type Json = Record<string, unknown>;
  type Pending = { resolve: (credential: unknown) => void; reject: (error: unknown) => void };
  const pending = new Map<string, Pending>();

  const toBase64url = (source: BufferSource) => {
    const bytes = ArrayBuffer.isView(source)
      ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
      : new Uint8Array(source);
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };

  const fromBase64url = (text: string) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };

  /** A PublicKeyCredential-like object from the host's RegistrationResponseJSON. */
  const toCredential = (json: Json) => {
    const response = json.response as Json;
    const optional = (key: string) =>
      typeof response[key] === 'string' ? fromBase64url(response[key] as string) : null;
    const attestation = {
      clientDataJSON: fromBase64url(response.clientDataJSON as string),
      attestationObject: fromBase64url(response.attestationObject as string),
      getTransports: () => [...((response.transports as string[] | undefined) ?? [])],
      getAuthenticatorData: () => optional('authenticatorData'),
      getPublicKey: () => optional('publicKey'),
      getPublicKeyAlgorithm: () => (response.publicKeyAlgorithm as number | undefined) ?? -7,
    };
    const credential = {
      id: json.id as string,
      rawId: fromBase64url(json.rawId as string),
      type: 'public-key',
      authenticatorAttachment: (json.authenticatorAttachment as string | undefined) ?? null,
      response: attestation,
      getClientExtensionResults: () => ({ ...(json.clientExtensionResults as Json) }),
      toJSON: () => JSON.parse(JSON.stringify(json)) as Json,
    };
    // `instanceof PublicKeyCredential` holds where the browser defines it; own members win.
    const prototypes = globalThis as unknown as Record<string, { prototype: object } | undefined>;
    if (prototypes.AuthenticatorAttestationResponse)
      Object.setPrototypeOf(attestation, prototypes.AuthenticatorAttestationResponse.prototype);
    if (prototypes.PublicKeyCredential)
      Object.setPrototypeOf(credential, prototypes.PublicKeyCredential.prototype);
    return credential;
  };

  window.addEventListener('message', (event: MessageEvent) => {
    // Only the window that framed the page answers for the host.
    if (event.source !== host) return;
    const data = event.data as Json | null;
    if (data?.event !== 'PASSKEY_RESULT' || typeof data.requestId !== 'string') return;
    const call = pending.get(data.requestId);
    if (!call) return;
    pending.delete(data.requestId);
    if (data.ok === true) {
      call.resolve(toCredential(data.response as Json));
      return;
    }
    const error = (data.error ?? {}) as Json;
    call.reject(
      new DOMException(
        String(error.message ?? 'not allowed'),
        String(error.name ?? 'NotAllowedError'),
      ),
    );
  });

  const create = (options?: CredentialCreationOptions): Promise<unknown> => {
    const publicKey = options?.publicKey;
    if (!publicKey) {
      return Promise.reject(
        new DOMException(
          'only publicKey credentials can be created in a Keyform page',
          'NotSupportedError',
        ),
      );
    }
    const signal = options?.signal;
    if (signal?.aborted)
      return Promise.reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    const requestId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    const result = new Promise<unknown>((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      signal?.addEventListener('abort', () => {
        pending.delete(requestId);
        reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      });
    });
    host.postMessage(
      {
        event: 'CREATE_PASSKEY',
        requestId,
        publicKey: {
          challenge: toBase64url(publicKey.challenge),
          ...(publicKey.rp?.id ? { rpId: publicKey.rp.id } : {}),
          ...(publicKey.user?.id ? { userId: toBase64url(publicKey.user.id) } : {}),
        },
        user: null,
      },
      '*',
    );
    return result;
  };

  // The frame may or may not count as a secure context; either way create() reaches the host.
  const container = (navigator.credentials ?? {}) as unknown as Record<string, unknown>;
  Object.defineProperty(container, 'create', { value: create, configurable: true, writable: true });
  if (!navigator.credentials) {
    Object.defineProperty(navigator, 'credentials', { value: container, configurable: true });
  }
})();
