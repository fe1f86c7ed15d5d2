import { checkIpRule, type InputCheck } from '../../common/graphql/input-check';
import type {
  AddInstanceSecurityRuleInput,
  CreateInstanceInput,
  InstanceActionInput,
  RemoveInstanceSecurityRuleInput,
} from './instance.inputs';

/* Input rules of the instance mutations (run by the UserErrorsInterceptor before anything goes upstream). */

export const GPU_COUNTS = [1, 2, 4, 8] as const;
const MAX_LABELS = 50;
const MAX_RULES = 50;

export function createInstanceRules(input: CreateInstanceInput, check: InputCheck): void {
  check.name('name', input.name);
  check.oneOf('gpuCount', input.gpuCount, GPU_COUNTS);
  const sources = (['imageName', 'volumeName', 'customImageId'] as const).filter((f) => input[f] != null);
  if (sources.length !== 1) {
    check.fail(
      sources[1] ?? 'imageName',
      'give exactly one boot source: imageName, volumeName or customImageId',
    );
  }
  check.text('imageName', input.imageName, 200, 1);
  check.name('volumeName', input.volumeName, 'volumeName');
  check.id('customImageId', input.customImageId, 'Image');
  check.text('sshKeyName', input.sshKeyName, 50, 1);
  check.id('startupScriptId', input.startupScriptId, 'Script');
  check.count('securityRules', input.securityRules, 0, MAX_RULES);
  input.securityRules?.forEach((rule, i) => checkIpRule(check.at('securityRules', i), rule));
  check.count('labels', input.labels, 0, MAX_LABELS);
  input.labels?.forEach((label, i) => check.at('labels').text(String(i), label, 100, 1));
}

export function instanceActionRules(input: InstanceActionInput, check: InputCheck): void {
  check.id('id', input.id, 'Instance');
}

export function addSecurityRuleRules(input: AddInstanceSecurityRuleInput, check: InputCheck): void {
  check.id('instanceId', input.instanceId, 'Instance');
  checkIpRule(check, input);
}

export function removeSecurityRuleRules(input: RemoveInstanceSecurityRuleInput, check: InputCheck): void {
  check.id('instanceId', input.instanceId, 'Instance');
  check.id('ruleId', input.ruleId, 'SecurityRule');
}
