import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  loadBarrackContract,
  type BarrackOperationId,
  type OpenApiDocument,
  type OpenApiOperation,
} from './operations';

export interface ContractValidationResult {
  readonly valid: boolean;
  /** One line per problem, e.g. `/data/instance_id must match pattern "^BRK-\d{6}D$"`; empty when valid. */
  readonly errors: readonly string[];
}

const CONTRACT_ID = 'barrack-contract';
const JSON_MEDIA = 'application/json';

interface Compiled {
  readonly ajv: Ajv2020;
  readonly doc: OpenApiDocument;
  readonly operations: ReadonlyMap<string, OpenApiOperation>;
  readonly validators: Map<string, ValidateFunction | null>;
}

let compiled: Compiled | undefined;

function rewriteRefs(value: unknown): unknown {
  // Component refs become refs into one registered schema, so ajv resolves them without the OpenAPI wrapper.
  return JSON.parse(
    JSON.stringify(value).replace(/"#\/components\/schemas\//g, `"${CONTRACT_ID}#/$defs/`),
  ) as unknown;
}

function build(): Compiled {
  const doc = loadBarrackContract();
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    inlineRefs: false,
  });
  addFormats(ajv);
  // Money is sent as a JSON number; `decimal` only tells clients how to parse it.
  ajv.addFormat('decimal', { type: 'number', validate: () => true });
  ajv.addVocabulary(['example', 'x-provenance']);
  ajv.addSchema({ $id: CONTRACT_ID, $defs: rewriteRefs(doc.components.schemas) });
  const operations = new Map<string, OpenApiOperation>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (op?.operationId) operations.set(op.operationId, op);
    }
  }
  return { ajv, doc, operations, validators: new Map() };
}

function contract(): Compiled {
  compiled ??= build();
  return compiled;
}

function responseSchema(c: Compiled, op: OpenApiOperation, status: number): unknown {
  const responses = op.responses ?? {};
  const key = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((k) => k in responses);
  if (key === undefined) return undefined;
  let response = responses[key];
  if (response && '$ref' in response) {
    const name = response.$ref.replace('#/components/responses/', '');
    response = c.doc.components.responses?.[name];
  }
  return response?.content?.[JSON_MEDIA]?.schema;
}

function validatorFor(cacheKey: string, schema: unknown): ValidateFunction | null {
  const c = contract();
  const hit = c.validators.get(cacheKey);
  if (hit !== undefined) return hit;
  const fn = schema === undefined ? null : c.ajv.compile(rewriteRefs(schema) as object);
  c.validators.set(cacheKey, fn);
  return fn;
}

function formatErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`.trim());
}

function operation(operationId: BarrackOperationId): OpenApiOperation {
  const op = contract().operations.get(operationId);
  if (!op) throw new Error(`Unknown Barrack operation ${operationId}`);
  return op;
}

/**
 * Validates a response body against the contract for this operation and status (falls back to `4XX`-style and
 * `default` keys). An undeclared status is reported as invalid, since the simulator must not invent statuses.
 */
export function validateResponse(
  operationId: BarrackOperationId,
  status: number,
  body: unknown,
): ContractValidationResult {
  const op = operation(operationId);
  const fn = validatorFor(`res:${operationId}:${status}`, responseSchema(contract(), op, status));
  if (!fn) return { valid: false, errors: [`status ${status} is not declared for ${operationId}`] };
  return fn(body) ? { valid: true, errors: [] } : { valid: false, errors: formatErrors(fn.errors) };
}

/** Validates a JSON request body; operations without a body accept only `undefined`. */
export function validateRequestBody(
  operationId: BarrackOperationId,
  body: unknown,
): ContractValidationResult {
  const op = operation(operationId);
  const schema = op.requestBody?.content?.[JSON_MEDIA]?.schema;
  if (schema === undefined) {
    return body === undefined
      ? { valid: true, errors: [] }
      : { valid: false, errors: [`${operationId} takes no request body`] };
  }
  const fn = validatorFor(`req:${operationId}`, schema);
  if (!fn) return { valid: false, errors: [`${operationId} has no request schema`] };
  return fn(body) ? { valid: true, errors: [] } : { valid: false, errors: formatErrors(fn.errors) };
}

/** Validates any value against a named component schema, e.g. `validateSchema('VMInstance', x)`. */
export function validateSchema(schemaName: string, value: unknown): ContractValidationResult {
  if (!(schemaName in contract().doc.components.schemas)) {
    throw new Error(`Unknown Barrack schema ${schemaName}`);
  }
  const fn = validatorFor(`schema:${schemaName}`, { $ref: `#/components/schemas/${schemaName}` });
  if (!fn) return { valid: false, errors: [`schema ${schemaName} could not be compiled`] };
  return fn(value) ? { valid: true, errors: [] } : { valid: false, errors: formatErrors(fn.errors) };
}
