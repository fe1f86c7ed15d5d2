import { buildSchema, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { deriveDocumentPolicy } from './document-policy';
import type { CacheConfig } from '../cache/cache-kinds';

const config = {
  CACHE_TTL_STOCK_S: 15,
  CACHE_TTL_PRICING_S: 300,
  CACHE_TTL_REGIONS_S: 3600,
  CACHE_TTL_CATALOG_S: 3600,
} as Pick<
  CacheConfig,
  'CACHE_TTL_STOCK_S' | 'CACHE_TTL_PRICING_S' | 'CACHE_TTL_REGIONS_S' | 'CACHE_TTL_CATALOG_S'
>;

function schema(): GraphQLSchema {
  const s = buildSchema(`
    type Region { code: String pricing: Int gpuStock: Int }
    type Firewall { id: ID! name: String instances: [Int] }
    type FirewallConnection { nodes: [Firewall!]! }
    type SshKey { id: ID! name: String }
    type SshKeyConnection { nodes: [SshKey!]! }
    type Viewer { tenantId: String }
    type Query {
      regions: [Region!]!
      firewallProtocols: [String!]!
      instances: [Int]
      sshKeys: SshKeyConnection!
      firewalls: FirewallConnection!
      viewer: Viewer!
    }
    type Mutation { createSshKey: SshKey }
  `);
  // What @UpstreamCost writes: Firewall.instances reads Barrack per firewall.
  const fw = s.getType('Firewall') as unknown as { getFields(): Record<string, { extensions: object }> };
  fw.getFields().instances!.extensions = { upstreamCost: { batched: 1 } };
  return s;
}

const derive = (text: string) => {
  const s = schema();
  const doc = parse(text);
  return deriveDocumentPolicy(s, doc, getOperationAST(doc)!, config as CacheConfig);
};

describe('deriveDocumentPolicy', () => {
  it('takes the narrowest scope and the smallest TTL of the fields selected', () => {
    expect(derive('{ firewallProtocols }')).toMatchObject({ cacheable: true, scope: 'public', ttlS: 3600 });
    const p = derive('{ firewallProtocols regions { code gpuStock } }');
    expect(p).toMatchObject({ cacheable: true, scope: 'tenant', ttlS: 15 });
    expect(p.cacheable && p.kinds.sort()).toEqual(['firewallProtocols', 'gpuStock', 'regions']);
    expect(derive('{ firewallProtocols viewer { tenantId } }')).toMatchObject({
      scope: 'principal',
      ttlS: 60,
    });
  });

  it('records the listed types of connections for list tags', () => {
    const p = derive('{ sshKeys { nodes { id name } } }');
    expect(p).toMatchObject({ cacheable: true, scope: 'tenant', listTypes: ['SshKey'] });
  });

  it('refuses live state, undeclared roots, nested Barrack reads, mutations and abstract selections', () => {
    expect(derive('{ regions { code } instances }')).toMatchObject({ cacheable: false });
    expect(derive('{ firewalls { nodes { id instances } } }')).toMatchObject({
      cacheable: false,
      reason: 'Firewall.instances reads Barrack and is not cacheable',
    });
    expect(derive('mutation { createSshKey { id } }')).toMatchObject({ cacheable: false });
    expect(derive('{ __typename }')).toMatchObject({ cacheable: false });
  });
});
