import { startTestGateway, type GqlResponse, type TestGateway } from '../helpers/gateway';

/*
 * The billable-mutation budget counts creates Barrack made (or may have made), not attempts: an idempotent
 * replay answers from its record and calls nothing upstream, and a create refused before the upstream
 * call creates nothing, so neither spends it (both still count as requests). Real gateway over HTTP, real
 * Redis, the simulator as Barrack (its request log shows what went upstream).
 */

const BILLABLE_PER_HOUR = 3;
const CREATE = `mutation($input: CreateVolumeInput!) { createVolume(input: $input) { volume { id name } userErrors { code } } }`;

type CreateData = {
  createVolume: { volume: { id: string; name: string }; userErrors: { code: string }[] };
};

describe('billable-mutation budget and idempotent replays', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      plan: {
        requestsPerMinute: 100_000,
        costPerMinute: 10_000_000,
        burst: 1_000,
        billableMutationsPerHour: BILLABLE_PER_HOUR,
      },
    });
  });
  afterAll(() => gw?.close());

  const creates = () => gw.sim.admin.requestLog().filter((e) => e.operationId === 'createVolume').length;
  // A refusal of the input is a userError (errors as data); a budget refusal is a top-level error.
  const codeOf = (r: GqlResponse) =>
    r.body.errors?.[0]?.extensions?.code ??
    (r.body.data as CreateData | null | undefined)?.createVolume?.userErrors?.[0]?.code;
  const create = (name: string, key?: string) =>
    gw.gql<CreateData>(
      CREATE,
      { input: { name, region: 'CANADA_1', sizeGb: 20 } },
      key ? { headers: { 'Idempotency-Key': key } } : {},
    );

  it('spends one point per create that went upstream: replays and refused creates are free', async () => {
    const first = await create('billable-first', 'billable-key-1');
    expect(first.body.errors).toBeUndefined();
    const id = first.body.data!.createVolume.volume.id;

    // 15 replays of the same create, well past the hourly budget of 3: each one answers like the first.
    for (let i = 0; i < 15; i++) {
      const replay = await create('billable-first', 'billable-key-1');
      expect({ i, errors: replay.body.errors, id: replay.body.data?.createVolume.volume.id }).toEqual({
        i,
        errors: undefined,
        id,
      });
    }
    // Refused by the gateway (size below the minimum) before any upstream call.
    for (let i = 0; i < 5; i++) {
      const bad = await gw.gql(CREATE, {
        input: { name: `billable-bad-${i}`, region: 'CANADA_1', sizeGb: 5 },
      });
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    }
    expect(creates()).toBe(1);

    // Two points left of three: two more creates go through, the next one is refused.
    for (const name of ['billable-second', 'billable-third']) {
      const r = await create(name);
      expect({ name, errors: r.body.errors }).toEqual({ name, errors: undefined });
    }
    const over = await create('billable-fourth');
    expect(codeOf(over)).toBe('RATE_LIMITED');
    expect(over.body.errors?.[0]?.extensions).toMatchObject({
      budget: 'mutations',
      limit: BILLABLE_PER_HOUR,
    });
    expect(creates()).toBe(3);

    // A replay still answers once the budget is spent: the safe retry the gateway promises.
    const late = await create('billable-first', 'billable-key-1');
    expect(late.body.errors).toBeUndefined();
    expect(late.body.data?.createVolume.volume.id).toBe(id);
  });
});
