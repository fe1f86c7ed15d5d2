import type { components } from '../../src/barrack/contract/barrack-api.types';
import { invalid } from '../sim-error';
import type { SimRule, SimState } from '../sim-state';

type S = components['schemas'];

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9A-Fa-f:]+\/(12[0-8]|1[01]\d|[1-9]?\d)$/;

/** Rule checks shared by instance security rules and firewall rules (REFERENCE.md §4.5, §8). */
export function buildRule(sim: SimState, body: S['VMSecurityRuleRequest']): SimRule {
  const ported = body.protocol === 'tcp' || body.protocol === 'udp';
  const hasPorts = body.port_range_min !== undefined || body.port_range_max !== undefined;
  if (hasPorts && !ported) {
    throw invalid('Port ranges apply to TCP and UDP only', {
      field: 'port_range_min',
      protocol: body.protocol,
    });
  }
  const min = body.port_range_min ?? body.port_range_max ?? null;
  const max = body.port_range_max ?? body.port_range_min ?? null;
  if (min !== null && max !== null && min > max) {
    throw invalid('port_range_min must not exceed port_range_max', { field: 'port_range_min' });
  }
  const cidrOk =
    body.ethertype === 'IPv4' ? IPV4_CIDR.test(body.remote_ip_prefix) : IPV6_CIDR.test(body.remote_ip_prefix);
  if (!cidrOk) {
    throw invalid(`remote_ip_prefix is not an ${body.ethertype} CIDR`, { field: 'remote_ip_prefix' });
  }
  return {
    id: sim.nextId('R'),
    direction: body.direction,
    protocol: body.protocol,
    ethertype: body.ethertype,
    remoteIpPrefix: body.remote_ip_prefix,
    portMin: min,
    portMax: max,
    createdAt: sim.clock.nowMs(),
  };
}
