/** The sign-in routes each server answers: Keyform's API (README) and the bare ceiling's. */
export const signInPaths = {
  keyform: {
    start: (userId: string) =>
      `/api/identity-store/stores/default/users/${userId}/passkeys/relyingParties/localhost/authentications/default`,
    complete: (sessionId: string) =>
      `/api/identity-store/stores/default/passkeys/authentications/sessions/${sessionId}`,
  },
  bare: {
    start: (userId: string) => `/users/${userId}/authentications`,
    complete: (sessionId: string) => `/authentications/${sessionId}`,
  },
};
