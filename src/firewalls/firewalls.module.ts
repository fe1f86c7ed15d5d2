import { Module } from '@nestjs/common';
import { FirewallsApi } from '../barrack/api/firewalls.api';
import { InstancesModule } from '../instances/instances.module';
import {
  AddFirewallRulePayloadResolver,
  AttachFirewallPayloadResolver,
  FirewallAttachmentResolver,
  FirewallsResolver,
  InstanceFirewallResolver,
  InstanceFirewallsResolver,
  RemoveFirewallRulePayloadResolver,
} from './firewalls.resolver';
import { FirewallsService } from './firewalls.service';

/** Firewalls, their rules and attachments, and the Instance.firewalls edge. */
@Module({
  imports: [InstancesModule],
  providers: [
    FirewallsApi,
    FirewallsService,
    FirewallsResolver,
    FirewallAttachmentResolver,
    InstanceFirewallsResolver,
    InstanceFirewallResolver,
    AddFirewallRulePayloadResolver,
    RemoveFirewallRulePayloadResolver,
    AttachFirewallPayloadResolver,
  ],
})
export class FirewallsModule {}
