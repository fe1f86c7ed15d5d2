import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ErrorCode } from '../errors/error-codes';
import { Region } from './barrack-enums';
import { DecimalScalar } from './money.scalar';

/*
 * Errors as data (as Shopify's and GitHub's APIs do): the expected refusals of a mutation come back in its
 * payload's `userErrors`, each with a code, a message, the GraphQL path of the input at fault and the facts a
 * client can act on. Top-level errors stay for authentication, scopes, rate limits, malformed documents and
 * upstream failures. The codes are the gateway's own error codes (src/common/errors/error-codes.ts).
 */

/** The error codes a mutation answers as data. */
export const USER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'NAME_TAKEN',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
] as const satisfies readonly ErrorCode[];
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export const UserErrorCode = Object.fromEntries(USER_ERROR_CODES.map((c) => [c, c])) as {
  [K in UserErrorCode]: K;
};
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused. The same codes as `extensions.code` of top-level errors.',
  valuesMap: {
    BAD_USER_INPUT: {
      description: 'An input value is invalid (`field` names it). Nothing was sent to Barrack.',
    },
    NOT_FOUND: { description: 'An object the input names does not exist (or is not visible to you).' },
    CONFLICT: { description: 'The change conflicts with the current state (e.g. the resource is in use).' },
    INVALID_STATE: {
      description: 'The object is not in a state that allows this (see currentState and allowedFrom).',
    },
    NAME_TAKEN: { description: 'The name is already used in the account (see name).' },
    OUT_OF_STOCK: {
      description:
        'The requested GPUs are not available there now (see alternatives for regions that have them).',
    },
    LIMIT_EXCEEDED: { description: 'An account limit would be exceeded (see limit).' },
    INSUFFICIENT_CREDITS: { description: 'The account balance is too low (see balance and required).' },
  },
});

export function isUserErrorCode(code: string): code is UserErrorCode {
  return (USER_ERROR_CODES as readonly string[]).includes(code);
}

@ObjectType({
  description:
    'An expected refusal of a mutation: what went wrong, which input field, and the facts to act on. Facts that do not apply to the code are null.',
})
export class UserError {
  @Field(() => UserErrorCode, { description: 'What kind of refusal this is.' })
  code!: UserErrorCode;

  @Field({ description: 'A human-readable explanation (English), safe to show.' })
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Path of the input at fault, in GraphQL argument names, e.g. ["input", "name"] or ["input", "securityRules", "0", "remoteIpPrefix"]. Null when no single field is at fault.',
  })
  field!: string[] | null;

  @Field(() => String, { nullable: true, description: 'INVALID_STATE: the current state of the object.' })
  currentState?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'INVALID_STATE: the states from which the operation is allowed.',
  })
  allowedFrom?: string[] | null;

  @Field(() => [Region], {
    nullable: true,
    description: 'OUT_OF_STOCK: regions that have the requested GPUs now; send one back as `region`.',
  })
  alternatives?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'INSUFFICIENT_CREDITS: the current balance.' })
  balance?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'INSUFFICIENT_CREDITS: the balance the operation needs.',
  })
  required?: string | null;

  @Field(() => String, { nullable: true, description: 'NAME_TAKEN: the name that is already used.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'LIMIT_EXCEEDED: the limit that would be exceeded.' })
  limit?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'BAD_USER_INPUT: the smallest allowed value, when the field has one.',
  })
  min?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'BAD_USER_INPUT: the largest allowed value, when the field has one.',
  })
  max?: number | null;
}

/**
 * Fields every mutation payload has. On a refusal `userErrors` is non-empty and the payload's other fields are
 * null (so they are nullable); on success it is empty. The UserErrorsInterceptor fills it on every mutation.
 */
@ObjectType({ isAbstract: true })
export abstract class MutationPayload {
  @Field(() => [UserError], {
    description:
      'Why the mutation was refused; empty when it succeeded. Check it before reading other fields.',
  })
  userErrors?: UserError[];

  @Field(() => String, {
    nullable: true,
    description: "Barrack's request id (also of a refusal Barrack made), for support.",
  })
  requestId!: string | null;
}
