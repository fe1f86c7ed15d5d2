import { GatewayError } from '../common/errors/gateway-error';
import { checkSshKeyInput } from './ssh-keys.service';

describe('SSH key input', () => {
  it('accepts a generate request and an OpenSSH public key line', () => {
    expect(checkSshKeyInput({ name: 'my_key-1.a' })).toEqual({ name: 'my_key-1.a' });
    expect(checkSshKeyInput({ name: 'k', publicKey: ' ssh-ed25519 AAAAC3Nza= me@host \n' })).toEqual({
      name: 'k',
      publicKey: 'ssh-ed25519 AAAAC3Nza= me@host',
    });
  });

  it.each([
    [{ name: 'has space' }, 'name'],
    [{ name: 'x'.repeat(51) }, 'name'],
    [{ name: 'k', publicKey: 'not a key' }, 'publicKey'],
    [{ name: 'k', publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----' }, 'publicKey'],
    [{ name: 'k', publicKey: 'ssh-rsa AAAA\nssh-rsa BBBB' }, 'publicKey'],
  ])('rejects %j (field %s)', (input, field) => {
    try {
      checkSshKeyInput(input);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(GatewayError);
      expect((e as GatewayError).details.field).toBe(field);
    }
  });
});
