import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SCOPES, type Scope } from '../../common/context/principal';

/** GraphQL enum of scopes; values equal the scope strings used in keys, tokens and the tenants file. */
export const ScopeEnum = Object.fromEntries(SCOPES.map((s) => [s, s])) as { [K in Scope]: K };

registerEnumType(ScopeEnum, {
  name: 'Scope',
  description: 'A permission a credential carries. Every root field requires one or more.',
  valuesMap: {
    read: { description: 'Read resources (instances, volumes, catalog, ...).' },
    write: { description: 'Create, change and delete resources.' },
    billing: { description: 'Balance, billing history and pricing quotes.' },
    ai: { description: 'AI chat and inference endpoints.' },
    admin: { description: 'Gateway administration: cache and API keys of the own tenant.' },
  },
});

export enum PrincipalKind {
  api_key = 'api_key',
  jwt = 'jwt',
}

registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: 'How the caller authenticated.',
  valuesMap: {
    api_key: { description: 'A partner API key (bgw_...).' },
    jwt: { description: 'A JWT issued to a frontend app by one of the tenant’s issuers.' },
  },
});

@ObjectType({ description: 'Who is calling: the authenticated principal and its tenant.' })
export class Viewer {
  @Field({ description: 'Id of the tenant every call of this request acts for.' })
  tenantId!: string;

  @Field({ description: 'Display name of the tenant.' })
  tenantName!: string;

  @Field(() => PrincipalKind, { description: 'How the caller authenticated.' })
  principalKind!: PrincipalKind;

  @Field({ description: 'API key id or JWT subject. Never the secret.' })
  subject!: string;

  @Field(() => [ScopeEnum], {
    description: 'Scopes this request holds (the key’s or token’s, within the tenant’s).',
  })
  scopes!: Scope[];
}

@ObjectType({
  description: 'An API key of the caller’s tenant, as the tenants file lists it (never the secret).',
})
export class ApiKeyInfo {
  @Field({ description: 'Public key id (the part after bgw_).' })
  id!: string;

  @Field(() => [ScopeEnum], { description: 'Scopes the key grants.' })
  scopes!: Scope[];

  @Field(() => String, { nullable: true, description: 'Expiry as an ISO 8601 timestamp; null = never.' })
  expiresAt!: string | null;

  @Field({ description: 'True when the key has been revoked.' })
  revoked!: boolean;

  @Field(() => String, { nullable: true, description: 'Operator note on who the key is for.' })
  label!: string | null;
}
