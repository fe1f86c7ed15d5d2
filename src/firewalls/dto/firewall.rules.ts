import { checkIpRule, type InputCheck } from '../../common/graphql/input-check';
import type {
  AddFirewallRuleInput,
  AttachFirewallInput,
  CreateFirewallInput,
  DeleteFirewallInput,
  RemoveFirewallRuleInput,
} from './firewall.inputs';

/* Input rules of the firewall mutations (run by the UserErrorsInterceptor before anything goes upstream). */

const MAX_DESCRIPTION = 255;
const MAX_ATTACH = 50;

export function createFirewallRules(input: CreateFirewallInput, check: InputCheck): void {
  check.name('name', input.name);
  check.text('description', input.description?.trim(), MAX_DESCRIPTION);
}

export function deleteFirewallRules(input: DeleteFirewallInput, check: InputCheck): void {
  check.id('id', input.id, 'Firewall');
}

export function addFirewallRuleRules(input: AddFirewallRuleInput, check: InputCheck): void {
  check.id('firewallId', input.firewallId, 'Firewall');
  checkIpRule(check, input);
}

export function removeFirewallRuleRules(input: RemoveFirewallRuleInput, check: InputCheck): void {
  check.id('firewallId', input.firewallId, 'Firewall');
  check.id('ruleId', input.ruleId, 'FirewallRule');
}

export function attachFirewallRules(input: AttachFirewallInput, check: InputCheck): void {
  check.id('firewallId', input.firewallId, 'Firewall');
  check.ids('instanceIds', input.instanceIds, 'Instance', MAX_ATTACH);
}
