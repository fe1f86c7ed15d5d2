import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

const HEADER =
  '# Generated from the code by `npm run schema`; do not edit. A test fails when this file is stale,\n' +
  '# so schema changes (and breaking changes) show up in review.\n\n';

/** The committed form of the app's schema (schema.graphql): sorted, with a header. */
export function printGatewaySchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
