import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';

@ObjectType({ description: 'One mutation in the audit trail of the tenant.', implements: () => [Node] })
export class AuditRecord implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, {
    description: `${BARRACK_ID_DOC} The audit stream id of the record.`,
  })
  barrackId!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the mutation started.' })
  at!: Date;

  @Field({ description: "How the caller authenticated: 'api_key' or 'jwt'; 'none' when it did not." })
  principalKind!: string;

  @Field(() => String, { nullable: true, description: 'API key id or JWT subject of the caller.' })
  principalSubject!: string | null;

  @Field({ description: 'Mutation field name, e.g. createInstance.' })
  operation!: string;

  @Field(() => [String], { description: 'Resource ids named in the arguments and in the result.' })
  targetIds!: string[];

  @Field(() => String, { nullable: true, description: 'Idempotency key the caller sent, if any.' })
  idempotencyKey!: string | null;

  @Field({
    description: 'True when the answer was replayed from the idempotency store (Barrack was not called).',
  })
  replayed!: boolean;

  @Field({ description: 'True when the result was found by reconciliation after an unknown outcome.' })
  reconciled!: boolean;

  @Field({ description: "'OK', or the error code the caller received (e.g. INSUFFICIENT_CREDITS)." })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  upstreamRequestId!: string | null;

  @Field(() => Int, { description: 'Time the mutation field took in the gateway, in milliseconds.' })
  latencyMs!: number;

  @Field({ description: "The gateway's request id (x-request-id) of the request that carried the mutation." })
  requestId!: string;
}

@ObjectType({ description: "A page of the tenant's audit trail (Relay connection), newest first." })
export class AuditRecordConnection extends Connection(AuditRecord, 'audit records') {}
