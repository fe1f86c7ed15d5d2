import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { GqlContext } from '../context/gql-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client-sent x-request-id is kept when it is safe to log and forward; otherwise a new one is made. */
export function requestIdOf(req: IncomingMessage & { requestId?: string }): string {
  if (req.requestId) return req.requestId;
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
  req.requestId = id;
  return id;
}

export function buildGqlContext({ req, res }: { req: GqlContext['req']; res: Response }): GqlContext {
  return {
    req,
    res,
    requestId: requestIdOf(req),
    principal: req.principal,
    memo: new Map(),
    responseExtensions: {},
  };
}
