import { z } from 'zod';
import { SCOPES } from '../common/context/principal';

/**
 * The declarative tenants file (YAML or JSON). Secrets are never inline: a tenant's Barrack key and an
 * HS256 secret are references to an environment variable or a file, resolved when the file is loaded.
 */

/** Rate-limit plan defaults for a tenant without a plan (or for the fields a plan leaves out). */
export const DEFAULT_PLAN = {
  requestsPerMinute: 600,
  costPerMinute: 60_000,
  burst: 60,
  billableMutationsPerHour: 30,
  perPrincipal: false,
} as const;

export const KEY_ID_PATTERN = /^[A-Za-z0-9]{12}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** JWT algorithms a tenant may allow; `none` is not among them, so it can never be configured. */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'HS256',
] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export const secretRefSchema = z.union(
  [
    z
      .object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') })
      .strict(),
    z.object({ file: z.string().min(1) }).strict(),
  ],
  {
    errorMap: () => ({
      message: 'must be a reference { env: NAME } or { file: path }; inline secrets are rejected',
    }),
  },
);
export type SecretRef = z.infer<typeof secretRefSchema>;

const scopeSchema = z.enum(SCOPES);
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be an ISO 8601 date' });
    return z.NEVER;
  }
  return d.toISOString();
});

export const planSchema = z
  .object({
    requestsPerMinute: z.number().int().positive().default(DEFAULT_PLAN.requestsPerMinute),
    costPerMinute: z.number().int().positive().default(DEFAULT_PLAN.costPerMinute),
    burst: z.number().int().nonnegative().default(DEFAULT_PLAN.burst),
    billableMutationsPerHour: z.number().int().nonnegative().default(DEFAULT_PLAN.billableMutationsPerHour),
    perPrincipal: z.boolean().default(DEFAULT_PLAN.perPrincipal),
  })
  .strict();
export type RateLimitPlan = z.infer<typeof planSchema>;

export const apiKeyEntrySchema = z
  .object({
    id: z.string().regex(KEY_ID_PATTERN, 'must be 12 base62 characters'),
    hash: z.string().regex(SHA256_HEX, 'must be the lowercase sha256 hex of the whole key'),
    scopes: z.array(scopeSchema).min(1),
    expiresAt: isoDate.optional(),
    revoked: z.boolean().default(false),
    /** Free text for operators (who the key is for). */
    label: z.string().optional(),
  })
  .strict();
export type ApiKeyEntry = z.infer<typeof apiKeyEntrySchema>;

export const jwtIssuerSchema = z
  .object({
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    jwksUri: z.string().url().optional(),
    hs256SecretRef: secretRefSchema.optional(),
    algorithms: z
      .array(z.enum(JWT_ALGORITHMS, { message: `must be one of ${JWT_ALGORITHMS.join(', ')} (never none)` }))
      .min(1),
    claims: z
      .object({
        /** Claim holding the tenant id; required when several tenants share this issuer. */
        tenant: z.string().min(1).optional(),
        subject: z.string().min(1).default('sub'),
        /** Claim holding scopes: a space-separated string or an array. */
        scopes: z.string().min(1).default('scope'),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.jwksUri === undefined) === (v.hs256SecretRef === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'exactly one of jwksUri or hs256SecretRef is required',
      });
    }
    const hs = v.algorithms.includes('HS256');
    if (v.hs256SecretRef && (!hs || v.algorithms.length !== 1)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['algorithms'],
        message: 'with hs256SecretRef, algorithms must be [HS256]',
      });
    }
    if (v.jwksUri && hs) {
      // A JWKS public key used as an HMAC secret is the classic algorithm-confusion attack.
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['algorithms'],
        message: 'HS256 is not allowed with jwksUri',
      });
    }
  });
export type JwtIssuerEntry = z.infer<typeof jwtIssuerSchema>;

export const tenantSchema = z
  .object({
    id: z.string().regex(TENANT_ID, 'must be lowercase letters, digits, - or _ (max 63)'),
    name: z.string().min(1),
    status: z.enum(['active', 'suspended']).default('active'),
    plan: planSchema.default({}),
    barrackCredential: secretRefSchema,
    /** Scopes any principal of this tenant may hold; a key or token never gets more. */
    scopes: z.array(scopeSchema).min(1).default(['read']),
    /**
     * Which documents this tenant may run: `any` (partners: free-form queries, persisted or not) or `trusted`
     * (frontend apps built with a persisted-documents manifest: only documents in PERSISTED_DOCUMENTS_FILE,
     * plus introspection).
     */
    documents: z.enum(['any', 'trusted']).default('any'),
    apiKeys: z.array(apiKeyEntrySchema).default([]),
    jwtIssuers: z.array(jwtIssuerSchema).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.apiKeys.forEach((k, i) => {
      const extra = k.scopes.filter((s) => !t.scopes.includes(s));
      if (extra.length) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['apiKeys', i, 'scopes'],
          message: `scopes ${extra.join(', ')} are not allowed for this tenant`,
        });
      }
    });
  });
export type TenantEntry = z.infer<typeof tenantSchema>;

export const tenantsFileSchema = z.object({ tenants: z.array(tenantSchema).min(1) }).strict();
export type TenantsFile = z.infer<typeof tenantsFileSchema>;

/**
 * Validates a parsed file: the schema plus the checks across tenants (duplicate ids, shared issuers).
 * The cross checks run on the raw data, so they are reported even when other entries are invalid.
 */
export function validateTenantsFile(raw: unknown): { data: TenantsFile } | { problems: string[] } {
  const parsed = tenantsFileSchema.safeParse(raw);
  const problems = [...(parsed.success ? [] : describeIssues(parsed.error)), ...crossTenantProblems(raw)];
  return parsed.success && !problems.length ? { data: parsed.data } : { problems };
}

function crossTenantProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const list = (raw as { tenants?: unknown } | null)?.tenants;
  if (!Array.isArray(list)) return problems;
  const tenantIds = new Set<string>();
  const keyIds = new Map<string, string>();
  const issuers = new Map<string, { tenant: string; hasTenantClaim: boolean }[]>();
  list.forEach((t: Record<string, unknown> | null, ti) => {
    const id = typeof t?.id === 'string' ? t.id : `#${ti}`;
    if (tenantIds.has(id)) problems.push(`tenants.${ti}.id: duplicate tenant id ${id}`);
    tenantIds.add(id);
    arrayOf(t?.apiKeys).forEach((k, ki) => {
      if (typeof k.id !== 'string') return;
      const other = keyIds.get(k.id);
      if (other !== undefined)
        problems.push(
          `tenants.${ti}.apiKeys.${ki}.id: duplicate api key id ${k.id} (also in tenant ${other})`,
        );
      keyIds.set(k.id, id);
    });
    arrayOf(t?.jwtIssuers).forEach((j) => {
      if (typeof j.issuer !== 'string') return;
      const claims = j.claims as { tenant?: unknown } | undefined;
      issuers.set(j.issuer, [
        ...(issuers.get(j.issuer) ?? []),
        { tenant: id, hasTenantClaim: typeof claims?.tenant === 'string' },
      ]);
    });
  });
  for (const [issuer, users] of issuers) {
    if (users.length > 1 && users.some((e) => !e.hasTenantClaim)) {
      problems.push(
        `tenants: issuer ${issuer} is shared by tenants ${users.map((e) => e.tenant).join(', ')}: each needs claims.tenant`,
      );
    }
    if (new Set(users.map((e) => e.tenant)).size !== users.length)
      problems.push(`tenants: issuer ${issuer} is listed twice for one tenant`);
  }
  return problems;
}

function arrayOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object')
    : [];
}

/** Every problem in a zod error as `path: message` lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
