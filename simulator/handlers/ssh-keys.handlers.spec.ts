import { demoPublicKey } from '../sim-seed';
import { SimError } from '../sim-error';
import { generateRsaKey, parsePublicKey } from './ssh-keys.handlers';

describe('ssh key parsing', () => {
  it('accepts an ed25519 line and fingerprints its blob', () => {
    const k = parsePublicKey(demoPublicKey('me@host'));
    expect(k).toMatchObject({ type: 'Ed25519', bits: 256 });
    expect(k.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('round-trips a generated RSA key through the import parser', () => {
    const gen = generateRsaKey('gen');
    const parsed = parsePublicKey(gen.publicKey);
    expect(parsed).toMatchObject({ type: 'RSA', bits: 2048, fingerprint: gen.fingerprint });
  });

  it.each(['', 'ssh-rsa', 'ssh-foo AAAA', 'ssh-ed25519 !!!', 'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIA==', 'a\nb'])(
    'rejects %p with a VALIDATION_ERROR',
    (line) => {
      expect(() => parsePublicKey(line)).toThrow(SimError);
    },
  );
});
