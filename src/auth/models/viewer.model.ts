import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NODE_ID_DOC, Node } from '../../common/graphql/node';
import { SCOPES, type Scope } from '../../common/context/principal';

/**
 * GraphQL enum of scopes. GraphQL names are SCREAMING_SNAKE_CASE (`READ`); the values behind them are the scope
 * strings used in keys, tokens and the tenants file (`read`), so only the schema spells them differently.
 */
export const ScopeEnum = Object.fromEntries(SCOPES.map((s) => [s.toUpperCase(), s])) as {
  [K in Scope as Uppercase<K>]: K;
};

registerEnumType(ScopeEnum, {
  name: 'Scope',
  description: 'A permission a credential carries. Every root field requires one or more.',
  valuesMap: {
    READ: { description: 'Read resources (instances, volumes, catalog, ...).' },
    WRITE: { description: 'Create, change and delete resources.' },
    BILLING: { description: 'Balance, billing history and pricing quotes.' },
    AI: { description: 'AI chat and inference endpoints.' },
    ADMIN: { description: 'Gateway administration: cache and API keys of the own tenant.' },
  },
});

/** GraphQL names are SCREAMING_SNAKE_CASE; the values are Principal['kind']. */
export enum PrincipalKind {
  API_KEY = 'api_key',
  JWT = 'jwt',
}

registerEnumType(PrincipalKind, {
  name: 'PrincipalKind',
  description: 'How the caller authenticated.',
  valuesMap: {
    API_KEY: { description: 'A partner API key (bgw_...).' },
    JWT: { description: 'A JWT issued to a frontend app by one of the tenant’s issuers.' },
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
  implements: () => [Node],
})
export class ApiKeyInfo implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, {
    description: 'Public key id (the part after bgw_), as the tenants file and keys CLI show it.',
  })
  barrackId!: string;

  @Field(() => [ScopeEnum], { description: 'Scopes the key grants.' })
  scopes!: Scope[];

  @Field(() => String, { nullable: true, description: 'Expiry as an ISO 8601 timestamp; null = never.' })
  expiresAt!: string | null;

  @Field({ description: 'True when the key has been revoked.' })
  revoked!: boolean;

  @Field(() => String, { nullable: true, description: 'Operator note on who the key is for.' })
  label!: string | null;
}
