import { GatewayError } from '../common/errors/gateway-error';
import { checkChatInput } from './ai.service';
import { ChatRole } from './models/ai.model';

const ok = { model: 'm', messages: [{ role: ChatRole.USER, content: 'hi' }] };

describe('chat input', () => {
  it('accepts a normal request', () => {
    expect(() => checkChatInput({ ...ok, temperature: 0, maxTokens: 1 })).not.toThrow();
  });

  it.each([
    [{ ...ok, model: '  ' }, 'model'],
    [{ ...ok, messages: [] }, 'messages'],
    [{ ...ok, messages: [{ role: ChatRole.USER, content: ' ' }] }, 'messages'],
    [{ ...ok, temperature: 2.5 }, 'temperature'],
    [{ ...ok, maxTokens: 0 }, 'maxTokens'],
    [{ ...ok, maxTokens: 1.5 }, 'maxTokens'],
  ])('rejects %j (field %s)', (input, field) => {
    try {
      checkChatInput(input);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(GatewayError);
      expect((e as GatewayError).details.field).toBe(field);
    }
  });
});
