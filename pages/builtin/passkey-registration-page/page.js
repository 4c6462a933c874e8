// The built-in passkey registration page: plain JavaScript that speaks TrustX's custom page
// protocol with the Keyform host (READY → message, SEND) and creates the passkey with
// navigator.credentials.create(), which Keyform's page bridge hands to the host to run.
(() => {
  const host = window.parent;
  const form = document.getElementById('register');
  const fields = {
    userName: document.getElementById('userName'),
    displayName: document.getElementById('displayName'),
  };
  const submit = document.getElementById('submit');
  const cancel = document.getElementById('cancel');
  const status = document.getElementById('status');
  const problem = document.getElementById('problem');
  let pending = null;

  // Only the window that framed this page speaks for Keyform; anything else is ignored.
  window.addEventListener('message', (event) => {
    if (event.source !== host || !event.data || typeof event.data !== 'object') return;
    const { event: name, variables, error } = event.data;
    if (!pending || (name !== 'message' && name !== 'ERROR')) return;
    const { resolve, reject } = pending;
    pending = null;
    if (name === 'message') resolve(variables);
    else reject(error);
  });

  /** Post to the host and wait for its next `message` (or `ERROR`). */
  const ask = (message) =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      host.postMessage(message, '*');
    });

  const say = (text) => {
    status.textContent = text;
  };

  const showProblem = (text) => {
    problem.textContent = text;
    problem.hidden = !text;
  };

  const showFieldError = (key, text) => {
    const input = fields[key];
    const error = document.getElementById(`${key}-error`);
    error.textContent = text;
    error.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const check = () => {
    const userName = fields.userName.value.trim();
    const displayName = fields.displayName.value.trim();
    const userNameError = !userName
      ? 'Please enter a user name.'
      : userName.length < 3
        ? 'Use at least 3 characters.'
        : userName.length > 64
          ? 'Use at most 64 characters.'
          : /^[A-Za-z0-9._@+-]+$/.test(userName)
            ? ''
            : 'Use only letters, digits and . _ @ + - (no spaces).';
    const displayNameError = !displayName
      ? 'Please enter a display name.'
      : displayName.length > 64
        ? 'Use at most 64 characters.'
        : '';
    showFieldError('userName', userNameError);
    showFieldError('displayName', displayNameError);
    if (userNameError) fields.userName.focus();
    else if (displayNameError) fields.displayName.focus();
    return userNameError || displayNameError ? null : { userName, displayName };
  };

  const fromBase64url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };

  const toBase64url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');

  // The server's options are JSON (base64url strings); create() wants bytes.
  const toCreationOptions = (json) => ({
    ...json,
    challenge: fromBase64url(json.challenge),
    user: { ...json.user, id: fromBase64url(json.user.id) },
    excludeCredentials: (json.excludeCredentials || []).map((c) => ({
      ...c,
      id: fromBase64url(c.id),
    })),
  });

  const toResponseJSON = (credential) =>
    typeof credential.toJSON === 'function'
      ? credential.toJSON()
      : {
          id: credential.id,
          rawId: toBase64url(credential.rawId),
          type: credential.type,
          authenticatorAttachment: credential.authenticatorAttachment || undefined,
          clientExtensionResults: credential.getClientExtensionResults(),
          response: {
            clientDataJSON: toBase64url(credential.response.clientDataJSON),
            attestationObject: toBase64url(credential.response.attestationObject),
            transports: credential.response.getTransports
              ? credential.response.getTransports()
              : [],
          },
        };

  const explain = (error) => {
    if (Array.isArray(error?.fields) && error.fields.length > 0) {
      for (const field of error.fields) {
        const key = field.path === '/userDisplayName' ? 'displayName' : field.path.slice(1);
        if (fields[key]) showFieldError(key, field.message);
      }
      return '';
    }
    switch (error?.name) {
      case 'NotAllowedError':
        return 'The passkey was not created. You can try again, or cancel.';
      case 'InvalidStateError':
        return 'This device already has a passkey for this account.';
      case 'NotSupportedError':
        return 'This browser or device cannot create a passkey here.';
      default:
        return 'Something went wrong. Please try again.';
    }
  };

  const busy = (on) => {
    submit.disabled = on;
    cancel.disabled = on;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem('');
    const names = check();
    if (!names) return;
    busy(true);
    say('Preparing your passkey…');
    try {
      // First the names: the server issues the passkey options with them and sends them back.
      const { constants } = await ask({
        event: 'SEND',
        variables: { userName: names.userName, userDisplayName: names.displayName },
      });
      say("Follow your browser's prompt to create a passkey…");
      const credential = await navigator.credentials.create({
        publicKey: toCreationOptions(constants.passkeyRegClientRequest),
      });
      say('Saving your passkey…');
      host.postMessage(
        { event: 'SEND', variables: { passkeyRegClientResponse: toResponseJSON(credential) } },
        '*',
      );
    } catch (error) {
      busy(false);
      say('');
      showProblem(explain(error));
    }
  });

  cancel.addEventListener('click', () => {
    busy(true);
    host.postMessage({ event: 'CANCEL' }, '*');
  });

  ask({ event: 'READY' }).then(() => {
    submit.disabled = false;
    say('');
  });
})();
