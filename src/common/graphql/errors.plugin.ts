import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '../context/gql-context';
import { HTTP_STATUS_BY_CODE, isErrorCode } from '../errors/error-codes';

/**
 * Stamps every error with the request id, merges feature extensions (cache staleness, cost) into the
 * response, and sets the HTTP status when the response is nothing but one error with a status of its own.
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
        if (result.data === undefined || result.data === null) {
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
