import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  loadBarrackContract,
  type BarrackOperationId,
  type OpenApiDocument,
} from '../src/barrack/contract/operations';

/*
 * The simulator's routes and input checks come straight from contract/barrack.openapi.yaml, so the simulator
 * cannot drift from the document: every operation is routed, and every body, query and path parameter is
 * validated by the document's own schemas (compiled once per process).
 */

export interface SimRoute {
  operationId: BarrackOperationId;
  method: string;
  /** Path template with trailing slash, e.g. /instances/{instance_id}/ */
  template: string;
  paramNames: string[];
  /** Query parameters whose schema is an integer (query strings are text and need coercion). */
  integerQuery: string[];
  /** Validators compile on first use: compiling all of them up front costs seconds on a busy machine. */
  validateParams: () => ValidateFunction | null;
  validateQuery: () => ValidateFunction | null;
  validateBody: () => ValidateFunction | null;
}

function lazy(compile: () => ValidateFunction): () => ValidateFunction {
  let fn: ValidateFunction | undefined;
  return () => (fn ??= compile());
}

interface ParamObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}

export interface CompiledContract {
  routes: SimRoute[];
  /** Static routes by "METHOD /path/". */
  staticRoutes: Map<string, SimRoute>;
  /** Parameterised routes per method, matched in document order after the static ones. */
  dynamicRoutes: Map<string, { regex: RegExp; route: SimRoute }[]>;
  /** Path templates known to the contract (for fault targets). */
  templates: Set<string>;
}

const DOC_ID = 'barrack.json';

function resolveParam(doc: OpenApiDocument, p: unknown): ParamObject {
  const ref = (p as { $ref?: string }).$ref;
  if (ref) {
    const name = ref.split('/').pop() ?? '';
    const params = (doc.components as unknown as { parameters: Record<string, ParamObject> }).parameters;
    const found = params[name];
    if (!found) throw new Error(`unresolved parameter ${ref}`);
    return found;
  }
  return p as ParamObject;
}

/** Rewrites local refs so a schema compiled on its own still resolves against the whole document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : rebase(v);
    }
    return out;
  }
  return schema;
}

function objectSchema(params: ParamObject[]): unknown {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, rebase(p.schema ?? {})])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

let compiled: CompiledContract | undefined;

export function compileContract(): CompiledContract {
  if (compiled) return compiled;
  const doc = loadBarrackContract();
  // allErrors lets the reply name the most useful problem (a missing field beats a oneOf branch mismatch).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('decimal', true);
  ajv.addSchema({ $id: DOC_ID, components: doc.components }, DOC_ID);
  const none = () => null;

  const routes: SimRoute[] = [];
  const staticRoutes = new Map<string, SimRoute>();
  const dynamicRoutes = new Map<string, { regex: RegExp; route: SimRoute }[]>();
  const templates = new Set<string>();
  for (const [template, item] of Object.entries(doc.paths)) {
    templates.add(template);
    for (const [method, op] of Object.entries(item)) {
      if (!op?.operationId) continue;
      const params = (op.parameters ?? []).map((p) => resolveParam(doc, p));
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const route: SimRoute = {
        operationId: op.operationId as BarrackOperationId,
        method: method.toUpperCase(),
        template,
        paramNames: pathParams.map((p) => p.name),
        integerQuery: queryParams
          .filter((p) => (p.schema as { type?: string } | undefined)?.type === 'integer')
          .map((p) => p.name),
        validateParams: pathParams.length
          ? lazy(() => ajv.compile(objectSchema(pathParams) as object))
          : none,
        validateQuery: queryParams.length
          ? lazy(() => ajv.compile(objectSchema(queryParams) as object))
          : none,
        validateBody: bodySchema ? lazy(() => ajv.compile(rebase(bodySchema) as object)) : none,
      };
      routes.push(route);
      if (route.paramNames.length === 0) {
        staticRoutes.set(`${route.method} ${template}`, route);
      } else {
        const regex = new RegExp(`^${template.replace(/\{[A-Za-z0-9_]+\}/g, '([^/]+)')}$`);
        const list = dynamicRoutes.get(route.method) ?? [];
        list.push({ regex, route });
        dynamicRoutes.set(route.method, list);
      }
    }
  }
  compiled = { routes, staticRoutes, dynamicRoutes, templates };
  return compiled;
}

export interface RouteMatch {
  route: SimRoute;
  params: Record<string, string>;
}

/** `path` must already be normalised to end with "/". */
export function matchRoute(contract: CompiledContract, method: string, path: string): RouteMatch | undefined {
  const st = contract.staticRoutes.get(`${method} ${path}`);
  if (st) return { route: st, params: {} };
  const list = contract.dynamicRoutes.get(method);
  if (!list) return undefined;
  for (const { regex, route } of list) {
    const m = regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { route, params };
  }
  return undefined;
}

export function describeAjvErrors(validate: ValidateFunction): {
  message: string;
  details: Record<string, unknown>;
} {
  const errors = validate.errors ?? [];
  const e = errors.find((x) => !x.schemaPath.includes('/oneOf/') && x.keyword !== 'oneOf') ?? errors[0];
  if (!e) return { message: 'Invalid request', details: {} };
  const field =
    e.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(e.params['missingProperty'] ?? '');
  return {
    message: `Invalid ${field || 'request'}: ${e.message ?? 'invalid'}`,
    details: { field: field || null, reason: e.keyword, params: e.params },
  };
}
