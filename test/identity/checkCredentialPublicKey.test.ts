import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCredentialPublicKey } from '../../identity/checkCredentialPublicKey';
import { type CoseAlgorithm, coseKeyEntries } from '../support/coseKey';

const realKey = (algorithm: CoseAlgorithm) => {
  const { publicKey } =
    algorithm === -257
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : algorithm === -8
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', {
            namedCurve: { [-7]: 'P-256', [-35]: 'P-384', [-36]: 'P-521' }[algorithm],
          });
  return coseKeyEntries(publicKey, algorithm) as Map<number, unknown>;
};
const refusal = (key: Map<number, unknown>) => {
  const checked = checkCredentialPublicKey(key);
  return checked.ok ? 'accepted' : checked.code;
};

describe('checkCredentialPublicKey', () => {
  it.each<CoseAlgorithm>([-7, -35, -36, -8, -257])('accepts real keys of algorithm %i', (alg) => {
    for (let i = 0; i < 20; i++) expect(refusal(realKey(alg))).toBe('accepted');
  });

  it.each<CoseAlgorithm>([-7, -35, -36])(
    'refuses a point of algorithm %i moved off its curve',
    (alg) => {
      const key = realKey(alg);
      const y = Uint8Array.from(key.get(-3) as Uint8Array);
      y[y.length - 1]! ^= 1;
      expect(refusal(key.set(-3, y))).toBe('PUBLIC_KEY_INVALID');
    },
  );

  it('refuses coordinates that are not below the field prime', () => {
    const key = realKey(-7);
    expect(refusal(key.set(-2, new Uint8Array(32).fill(0xff)))).toBe('PUBLIC_KEY_INVALID');
  });

  it('refuses a key without kty, alg or with an algorithm it does not know', () => {
    for (const label of [1, 3]) {
      const key = realKey(-7);
      key.delete(label);
      expect(refusal(key)).toBe('PUBLIC_KEY_INVALID');
    }
    expect(refusal(realKey(-7).set(3, -999))).toBe('PUBLIC_KEY_INVALID');
  });

  it('refuses an Ed25519 key named Ed448, and an RSA key under an OKP kty', () => {
    expect(refusal(realKey(-8).set(-1, 7))).toBe('PUBLIC_KEY_INVALID');
    expect(refusal(realKey(-257).set(1, 1))).toBe('PUBLIC_KEY_INVALID');
  });
});
