// Passkeys (WebAuthn) on the sign-in and account pages. The server's options and answers are the
// JSON forms Spring Security's passkey endpoints use; byte strings travel as base64url.

const csrf = () => {
  const header = document.querySelector('meta[name="caseshare-csrf-header"]');
  const token = document.querySelector('meta[name="caseshare-csrf-token"]');
  return header && token ? { [header.content]: token.content } : {};
};

const postJson = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...csrf() },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) {
    throw new Error(`The server answered ${response.status}`);
  }
  return response.json();
};

const fromBase64Url = (text) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
};

const toBase64Url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

async function signIn() {
  const options = await postJson('/webauthn/authenticate/options');
  const credential = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }))
    }
  });
  const answer = credential.response;
  const result = await postJson('/login/webauthn', {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    response: {
      authenticatorData: toBase64Url(answer.authenticatorData),
      clientDataJSON: toBase64Url(answer.clientDataJSON),
      signature: toBase64Url(answer.signature),
      userHandle: answer.userHandle ? toBase64Url(answer.userHandle) : undefined
    },
    credType: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment
  });
  if (!result.authenticated) {
    throw new Error('Not signed in');
  }
  window.location.assign(result.redirectUrl);
}

async function register(label) {
  const options = await postJson('/webauthn/register/options');
  const credential = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64Url(options.challenge),
      user: { ...options.user, id: fromBase64Url(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }))
    }
  });
  const answer = credential.response;
  const result = await postJson('/webauthn/register', {
    publicKey: {
      label,
      credential: {
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        response: {
          attestationObject: toBase64Url(answer.attestationObject),
          clientDataJSON: toBase64Url(answer.clientDataJSON),
          transports: answer.getTransports ? answer.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      }
    }
  });
  if (!result.success) {
    throw new Error('The passkey was not accepted');
  }
}

if (window.PublicKeyCredential) {
  const signInBlock = document.querySelector('[data-module="caseshare-passkey-sign-in"]');
  if (signInBlock) {
    signInBlock.hidden = false;
    document.getElementById('passkey-sign-in').addEventListener('click', () => {
      signIn().catch(() => window.location.assign('/login?error'));
    });
  }
  const registrationBlock = document.querySelector('[data-module="caseshare-passkey-registration"]');
  if (registrationBlock) {
    registrationBlock.hidden = false;
    const error = document.getElementById('passkey-error');
    document.getElementById('add-passkey').addEventListener('click', () => {
      const label = document.getElementById('passkey-label').value.trim();
      if (!label) {
        error.textContent = registrationBlock.dataset.noName || 'Enter a name for the passkey';
        error.hidden = false;
        return;
      }
      register(label).then(() => window.location.reload()).catch(() => {
        error.textContent = registrationBlock.dataset.notAdded || 'The passkey could not be added. Try again.';
        error.hidden = false;
      });
    });
  }
}
