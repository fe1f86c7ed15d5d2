import { checkIpRule, checkInput, InputCheck, keyOf } from './input-check';
import { toGlobalId } from './global-id';
import { GatewayError } from '../errors/gateway-error';

describe('InputCheck', () => {
  it('collects every problem with its GraphQL path instead of stopping at the first', () => {
    const errors = checkInput(
      (input: { name: string; count: number; ids: string[] }, check) => {
        check.name('name', input.name);
        check.intRange('count', input.count, 1, 8);
        check.ids('ids', input.ids, 'Volume', 20);
      },
      { name: 'a/b', count: 9, ids: ['BRK-1V', toGlobalId('Instance', 'BRK-1D'), '../x'] },
    );
    expect(errors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.name'],
      ['BAD_USER_INPUT', 'input.count'],
      ['BAD_USER_INPUT', 'input.ids.1'],
      ['BAD_USER_INPUT', 'input.ids.2'],
    ]);
    expect(errors[1]).toMatchObject({ min: 1, max: 8 });
  });

  it('checks rule CIDRs against the ethertype and ports against the protocol', () => {
    const check = new InputCheck(['input', 'securityRules', 0]);
    checkIpRule(check, { protocol: 'ICMP', ethertype: 'IPV6', remoteIpPrefix: '0.0.0.0/0', portRangeMin: 1 });
    expect(check.errors.map((e) => e.field?.join('.'))).toEqual([
      'input.securityRules.0.remoteIpPrefix',
      'input.securityRules.0.portRangeMin',
    ]);
  });

  it('keyOf takes a global id of the expected type or a Barrack id, and refuses another type', () => {
    expect(keyOf(toGlobalId('Volume', 'BRK-7V'), 'Volume')).toBe('BRK-7V');
    expect(keyOf('BRK-7V', 'Volume')).toBe('BRK-7V');
    expect(() => keyOf(toGlobalId('Instance', 'BRK-7D'), 'Volume')).toThrow(GatewayError);
  });
});
