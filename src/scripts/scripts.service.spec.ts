import { GatewayError } from '../common/errors/gateway-error';
import { toCreateScriptRequest, toUpdateScriptRequest } from './scripts.service';

describe('script inputs', () => {
  it('builds create and partial update bodies', () => {
    expect(toCreateScriptRequest({ name: ' boot ', content: 'echo hi', description: ' d ' })).toEqual({
      name: 'boot',
      content: 'echo hi',
      description: 'd',
    });
    expect(toUpdateScriptRequest({ id: 'C', content: 'echo 2' })).toEqual({ content: 'echo 2' });
  });

  it('rejects an empty update, empty or huge content and a bad name', () => {
    expect(() => toUpdateScriptRequest({ id: 'C' })).toThrow(GatewayError);
    expect(() => toCreateScriptRequest({ name: 'ok', content: '' })).toThrow(/content/);
    expect(() => toCreateScriptRequest({ name: 'ok', content: 'x'.repeat(65_537) })).toThrow(/content/);
    expect(() => toCreateScriptRequest({ name: 'no/slash', content: 'x' })).toThrow(/name/);
  });
});
