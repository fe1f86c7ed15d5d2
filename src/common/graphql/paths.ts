/** Where the GraphQL transports listen (without the leading slash, as Nest routes are written). */
export const GRAPHQL_PATH = 'graphql';
/** graphql-sse ("distinct connections" mode): one request, one operation, one event stream. */
export const SSE_PATH = 'graphql/stream';
