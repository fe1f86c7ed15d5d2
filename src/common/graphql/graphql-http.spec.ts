import type { IncomingMessage } from 'node:http';
import { APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, graphqlMediaType } from './graphql-http';

const req = (accept: string | undefined) => ({ headers: { accept } }) as IncomingMessage;

describe('graphqlMediaType', () => {
  const cases: [string | undefined, string][] = [
    [undefined, APPLICATION_JSON],
    ['*/*', APPLICATION_JSON],
    ['application/json', APPLICATION_JSON],
    ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
    ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
    ['application/json, application/graphql-response+json', APPLICATION_JSON],
    ['application/json;q=0.5, application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
    ['text/html', APPLICATION_JSON],
    [`application/graphql-response+json, ${'x/y;q=0.1, '.repeat(40)}*/*;q=0.01`, GRAPHQL_RESPONSE_JSON],
  ];

  it('follows the negotiation, the first time and every time after (remembered by the Accept value)', () => {
    for (let round = 0; round < 3; round++)
      for (const [accept, type] of cases)
        expect([accept, graphqlMediaType(req(accept))]).toEqual([accept, type]);
  });

  it('stays right past the bound of remembered values', () => {
    for (let i = 0; i < 600; i++) {
      const q = (i % 10) / 10 + 0.05;
      const accept = `application/json;q=${q.toFixed(2)}, application/graphql-response+json;q=0.5`;
      expect(graphqlMediaType(req(accept))).toBe(q > 0.5 ? APPLICATION_JSON : GRAPHQL_RESPONSE_JSON);
      expect(graphqlMediaType(req(`${accept}, x/${i}`))).toBe(
        q > 0.5 ? APPLICATION_JSON : GRAPHQL_RESPONSE_JSON,
      );
    }
  });
});
