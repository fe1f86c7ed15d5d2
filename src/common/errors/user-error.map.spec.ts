import { GatewayError } from './gateway-error';
import { toUserError, type MutationInputShape } from './user-error.map';

const createInstance: MutationInputShape = {
  fields: ['name', 'gpuModel', 'region', 'sshKeyName', 'customImageId'],
  idFields: ['customImageId'],
  value: { name: ' my-vm ', region: 'CANADA_1' },
};
const action: MutationInputShape = { fields: ['id'], idFields: ['id'], value: { id: 'BRK-1D' } };

describe('toUserError (the one GatewayError -> UserError mapping)', () => {
  it('leaves errors that are not business refusals to the top level', () => {
    expect(toUserError(new GatewayError('UPSTREAM_TIMEOUT', 'slow'), action)).toBeNull();
    expect(toUserError(new GatewayError('FORBIDDEN', 'no'), action)).toBeNull();
    expect(toUserError(new Error('bug'), action)).toBeNull();
  });

  it('turns a Barrack wire field name into the input path, and drops one the input does not have', () => {
    const refusal = (code: 'NAME_TAKEN' | 'BAD_USER_INPUT', wireField: string) => {
      const e = new GatewayError(code, 'refused');
      e.wireField = wireField;
      return e;
    };
    const taken = toUserError(refusal('NAME_TAKEN', 'name'), createInstance);
    expect(taken).toMatchObject({ code: 'NAME_TAKEN', field: ['input', 'name'], name: 'my-vm' });
    expect(toUserError(refusal('BAD_USER_INPUT', 'ssh_key_name'), createInstance)?.field).toEqual([
      'input',
      'sshKeyName',
    ]);
    expect(toUserError(refusal('BAD_USER_INPUT', 'remote_ip_prefix'), createInstance)?.field).toBeNull();
    // The id in Barrack's path (/instances/{instance_id}/start/) is the one object an action's input names.
    expect(toUserError(refusal('BAD_USER_INPUT', 'instance_id'), action)?.field).toEqual(['input', 'id']);
  });

  it("uses the gateway's own field name when the refusal is the gateway's", () => {
    const own = new GatewayError('BAD_USER_INPUT', 'bad', { field: 'name' });
    expect(toUserError(own, createInstance)?.field).toEqual(['input', 'name']);
  });

  it('carries the facts: state, RegionCode alternatives, credits as decimals, the limit', () => {
    expect(
      toUserError(
        new GatewayError('INVALID_STATE', 'no', { currentState: 'in-use', allowedFrom: ['available'] }),
        action,
      ),
    ).toMatchObject({ field: ['input', 'id'], currentState: 'IN_USE', allowedFrom: ['AVAILABLE'] });
    expect(
      toUserError(
        new GatewayError('OUT_OF_STOCK', 'none', { alternatives: ['NORWAY-1', 'MARS-9'] }),
        createInstance,
      )?.alternatives,
    ).toEqual(['NORWAY_1']);
    expect(
      toUserError(new GatewayError('INSUFFICIENT_CREDITS', 'poor', { balance: 0.1, required: 2.49 }), action),
    ).toMatchObject({ balance: '0.1', required: '2.49' });
    expect(toUserError(new GatewayError('LIMIT_EXCEEDED', 'max', { limit: 25 }), action)?.limit).toBe(25);
  });
});
