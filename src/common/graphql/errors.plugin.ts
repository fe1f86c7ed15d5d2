import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '../context/gql-context';
import { HTTP_STATUS_BY_CODE, isErrorCode } from '../errors/error-codes';
import { graphqlMediaType, GRAPHQL_RESPONSE_JSON } from './graphql-http';

/**
 * Stamps every error with the request id, merges feature extensions (cache staleness, cost) into the
 * response, and sets the HTTP status when the response is nothing but one error with a status of its own.
 * GraphQL over HTTP: with `Accept: application/graphql-response+json` that is only a request error (no `data`
 * at all: refused before execution); once execution began (`data: null`, e.g. a missing scope) the status is
 * 200 as that media type requires. With application/json a `data: null` response keeps the code's status
 * (403, 429), which clients of the legacy media type rely on. Apollo's own 405 (a mutation over GET, with
 * `Allow: POST`) is kept.
 */
@Plugin()
export class ErrorsPlugin implements ApolloServerPlugin<GqlContext> {
  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    return {
      // eslint-disable-next-line @typescript-eslint/require-await
      willSendResponse: async ({ response, contextValue }) => {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        const ext = contextValue.responseExtensions;
        if (ext && Object.keys(ext).length) result.extensions = { ...(result.extensions ?? {}), ...ext };
        contextValue.res?.setHeader?.('x-request-id', contextValue.requestId);
        if (!result.errors?.length) return;
        result.errors = result.errors.map((e) => ({
          ...e,
          extensions: { ...(e.extensions ?? {}), requestId: contextValue.requestId },
        }));
        if (response.http.status === 405) return;
        const executed = result.data === null;
        if (executed && contextValue.req && graphqlMediaType(contextValue.req) === GRAPHQL_RESPONSE_JSON)
          return;
        if (result.data === undefined || executed) {
          const code = result.errors[0]?.extensions?.code;
          if (isErrorCode(code)) {
            const status = HTTP_STATUS_BY_CODE[code];
            if (status !== 200) response.http.status = status;
          }
        }
      },
    };
  }
}
