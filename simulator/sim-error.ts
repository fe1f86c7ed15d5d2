import type { components } from '../src/barrack/contract/barrack-api.types';

export type ErrorCode = components['schemas']['ErrorCode'];

/** A handler's refusal: becomes an ErrorResponse with this status and error.code. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export const notFound = (kind: string, id: string): SimError =>
  new SimError(404, 'NOT_FOUND', `${kind} ${id} not found`, { resource: kind, id });

export const invalid = (message: string, details: Record<string, unknown> | null = null): SimError =>
  new SimError(400, 'VALIDATION_ERROR', message, details);

export const nameTaken = (kind: string, name: string): SimError =>
  new SimError(409, 'NAME_TAKEN', `A ${kind} named "${name}" already exists`, { field: 'name', value: name });

/** The code a forced/injected status carries, so injected errors still match the ErrorCode enum. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_ERROR';
    case 401:
      return 'UNAUTHORIZED';
    case 402:
      return 'INSUFFICIENT_CREDITS';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'INVALID_STATE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL';
  }
}
