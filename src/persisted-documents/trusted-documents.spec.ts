import { documentHash, normaliseDocumentId, parseManifest, TrustedManifestError } from './trusted-documents';
import { isIntrospectionSource as isIntrospectionOnly } from '../common/graphql/introspection';

describe('trusted documents manifest', () => {
  const doc = 'query A { regions { code } }';

  it('reads the client-preset format (hash -> document) and accepts sha256:-prefixed ids', () => {
    const docs = parseManifest(JSON.stringify({ [documentHash(doc)]: doc }), 'm.json');
    expect(docs.get(documentHash(doc))).toBe(doc);
    expect(normaliseDocumentId(`sha256:${documentHash(doc)}`)).toBe(documentHash(doc));
  });

  it('refuses a manifest whose keys are not the hashes of their documents, naming the entry', () => {
    expect(() => parseManifest(JSON.stringify({ [documentHash('other')]: doc }), 'm.json')).toThrow(
      /is not the sha256 of its document/,
    );
    expect(() => parseManifest('[1]', 'm.json')).toThrow(TrustedManifestError);
    expect(() => parseManifest('{', 'm.json')).toThrow(/not JSON/);
  });
});

// The trusted-documents exemption uses the gateway's one introspection test (common/graphql/introspection.ts).
describe('isIntrospectionOnly', () => {
  it('is true only when every root field of every operation is an introspection field', () => {
    expect(isIntrospectionOnly('{ __schema { types { name } } }')).toBe(true);
    expect(isIntrospectionOnly('query { __type(name: "Instance") { name } __typename }')).toBe(true);
    expect(isIntrospectionOnly('{ __schema { types { name } } regions { code } }')).toBe(false);
    expect(isIntrospectionOnly('{ ...F } fragment F on Query { __typename }')).toBe(false);
    expect(isIntrospectionOnly('not graphql')).toBe(false);
  });
});
