import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/*
 * How the Apollo Client tier gets its types, the way a frontend team would: graphql-codegen's client preset
 * introspects the running gateway (with a key: INTROSPECTION=authenticated) and types the documents written
 * with `graphql()` in operations.ts. The output is committed under gql/ so `tsc` checks the tests against it;
 * `npm run gen:client-types` rewrites it, and client-types.e2e-spec.ts fails when it is stale.
 */

/** Where the generated files live (committed). */
export const CLIENT_GQL_DIR = join(__dirname, 'gql');

/** The documents codegen reads: every `graphql(...)` call in this file. */
export const CLIENT_DOCUMENTS = join(__dirname, 'operations.ts');

export function clientCodegenConfig(
  graphqlUrl: string,
  headers: Record<string, string>,
  outDir: string = CLIENT_GQL_DIR,
): CodegenConfig {
  return {
    schema: { [graphqlUrl]: { headers } },
    documents: [CLIENT_DOCUMENTS],
    generates: {
      [`${outDir}/`]: {
        preset: 'client',
        // Fragments are spread for the normalised cache (readFragment), not to hide fields from components.
        presetConfig: { fragmentMasking: false },
        config: {
          // String unions instead of TS enums: tests compare with the wire values ('ACTIVE').
          enumsAsTypes: true,
          // The gateway's custom scalars travel as strings (ISO-8601 times, decimal amounts).
          scalars: { DateTime: 'string', Decimal: 'string' },
          useTypeImports: true,
          // Types for the operations' inputs and results only, not every schema type: a smaller committed file.
          onlyOperationTypes: true,
        },
      },
    },
    silent: true,
  };
}
