import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { RedeemedLink } from '../binding/BindingApi';
import { BindPasskeyError } from '../binding/BindPasskeyError';
import { createBindingClient } from '../binding/createBindingClient';
import { describeBindError } from '../binding/describeBindError';
import { finishBinding } from '../binding/finishBinding';
import { parseBindUrl } from '../binding/parseBindUrl';
import { safeExternalUrl } from '../flow/safeExternalUrl';
import { ScreenHeading } from './ScreenHeading';

type State =
  | { kind: 'ready' }
  | { kind: 'working' }
  | { kind: 'done'; next: string | null }
  | { kind: 'failed'; error: BindPasskeyError; canRetry: boolean };

/**
 * Keyform's hosted authenticator (`/bind`): a mailed binding link lands here with its token in
 * the fragment. One button runs the same redeem → WebAuthn → complete as the SDK, against this
 * origin only, then follows the job's post_binding_redirect_uri.
 */
export function BindScreen({
  href,
  replaceUrl,
  navigate = (url) => window.location.assign(url),
}: {
  href: string;
  replaceUrl: (url: string) => void;
  navigate?: (url: string) => void;
}) {
  const [link] = useState(() => {
    const parsed = parseBindUrl(href);
    // The page calls its own origin (its CSP allows nothing else), whatever the URL says.
    return parsed && { ...parsed, apiBaseUrl: new URL(href).origin };
  });
  const [state, setState] = useState<State>({ kind: 'ready' });
  const redeemed = useRef<RedeemedLink | null>(null);

  // The token stays in memory only: out of the address bar, the history and any bookmark.
  useEffect(() => replaceUrl('/bind'), [replaceUrl]);

  if (!link) {
    const { title, message } = describeBindError('invalidLink');
    return <Message title={title} message={message} />;
  }

  const run = async () => {
    setState({ kind: 'working' });
    const client = createBindingClient();
    try {
      if (!browserSupportsWebAuthn()) {
        throw new BindPasskeyError('notSupported', 'this browser cannot create passkeys');
      }
      redeemed.current ??= await client.redeem(link);
      const result = await finishBinding({
        link,
        redeemed: redeemed.current,
        client,
        startRegistration,
      });
      const next = safeExternalUrl({ href: result.postBindingRedirectUri ?? null, base: href });
      setState({ kind: 'done', next });
      if (next !== null) navigate(next);
    } catch (error) {
      const failure =
        error instanceof BindPasskeyError ? error : new BindPasskeyError('unknown', String(error));
      // The redeemed session is still open after a dismissed prompt: the same options can be retried.
      const canRetry =
        redeemed.current !== null && (failure.code === 'cancelled' || failure.code === 'timedOut');
      setState({ kind: 'failed', error: failure, canRetry });
    }
  };

  if (state.kind === 'done') {
    return (
      <Message
        title="Your passkey was created."
        message={state.next ? 'Taking you back…' : 'You can close this page.'}
        success
      />
    );
  }
  if (state.kind === 'failed') {
    const { title, message } = describeBindError(state.error.code);
    return (
      <Message title={title} message={message}>
        {state.canRetry && (
          <div className="actions">
            <button type="button" className="button" onClick={run}>
              Try again
            </button>
          </div>
        )}
      </Message>
    );
  }
  return (
    <>
      <ScreenHeading>Create your passkey</ScreenHeading>
      <p>
        Your device will ask you to confirm with your fingerprint, face, screen lock or security
        key.
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={run} disabled={state.kind === 'working'}>
          Create passkey
        </button>
      </div>
      <p className="status" role="status" aria-live="polite">
        {state.kind === 'working' ? 'Creating your passkey…' : ''}
      </p>
    </>
  );
}

function Message({
  title,
  message,
  success = false,
  children,
}: {
  title: string;
  message: string;
  success?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      <ScreenHeading>
        {success && (
          <span className="check" aria-hidden="true">
            ✓
          </span>
        )}{' '}
        {title}
      </ScreenHeading>
      <p>{message}</p>
      {children}
    </>
  );
}
