import { type FormEvent, useState } from 'react';
import { consoleFetch } from '../api/consoleFetch';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/TextField';
import type { ConsoleSessionView } from './ConsoleSessionView';

/** Signed out: paste an API token (once; it becomes an HttpOnly session cookie) and sign in. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: ConsoleSessionView) => void }) {
  const [token, setToken] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await consoleFetch<ConsoleSessionView>('/api/console/sessions', {
        method: 'POST',
        body: { token: token.trim(), ...(tenantId.trim() ? { tenantId: tenantId.trim() } : {}) },
      });
      setToken('');
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="kc-signin">
      <h1>Keyform console</h1>
      <p>
        Sign in with an API token. It is exchanged once for a console session and never kept in this
        page; the console then acts with exactly that token's permissions.
      </p>
      <form onSubmit={submit} aria-label="Sign in">
        <TextField
          label="API token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={setToken}
          description="The root token printed by npm start, or a tenant's token."
        />
        <TextField
          label="Tenant"
          autoComplete="off"
          spellCheck={false}
          value={tenantId}
          onChange={setTenantId}
          description="For a root token only: the tenant to work in (default: default)."
        />
        <ErrorNotice error={error} />
        <Button type="submit" variant="primary" busy={busy}>
          Sign in
        </Button>
      </form>
      <p>
        Prefer the API? <a href="/docs">Read the API reference</a>.
      </p>
    </main>
  );
}
