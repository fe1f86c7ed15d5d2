import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { GqlContext } from '../common/context/gql-context';
import { markError, tracingEnabled } from './tracing';
import { annotateOperationSpan, OPERATION_SPAN, type TracedRequest } from './tracing.middleware';

/**
 * Names the operation span TracingMiddleware opened (`query InstanceById`, per the OpenTelemetry GraphQL
 * conventions) and records what identifies the operation without its content: graphql.operation.name,
 * graphql.operation.type, graphql.document.hash (Apollo's sha256 of the document; never the text, never the
 * variables) and tenant.id. A response with errors marks the span with the first error's code.
 */
@Plugin()
export class TracingPlugin implements ApolloServerPlugin<GqlContext> {
  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart({
    contextValue,
  }: {
    contextValue: GqlContext;
  }): Promise<GraphQLRequestListener<GqlContext> | void> {
    if (!tracingEnabled()) return;
    const span = (contextValue.req as TracedRequest | undefined)?.[OPERATION_SPAN];
    if (!span) return;
    const tenantId = contextValue.principal?.tenantId;
    if (tenantId) span.setAttribute('tenant.id', tenantId);
    return {
      // eslint-disable-next-line @typescript-eslint/require-await
      didResolveOperation: async ({ operation, operationName, queryHash }) => {
        annotateOperationSpan(contextValue.req, {
          type: operation?.operation ?? 'unknown',
          hash: queryHash,
          operationName,
        });
      },
      // eslint-disable-next-line @typescript-eslint/require-await
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const first = response.body.singleResult.errors?.[0];
        if (!first) return;
        const code = first.extensions?.code;
        markError(span, typeof code === 'string' ? code : 'GRAPHQL_ERROR');
      },
    };
  }
}
