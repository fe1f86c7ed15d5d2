import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { GatewayError } from '../errors/gateway-error';

/*
 * Introspection for tools (GraphiQL docs and autocomplete, codegen, IDE plugins).
 *
 * `INTROSPECTION` (config) says who may introspect: `authenticated` (default: any valid credential, whatever its
 * scopes), `public` (also without a credential; only for an introspection-only document, everything else still
 * needs one), `off` (every `__schema` / `__type` field is refused by validation; `__typename` always works).
 *
 * An introspection-only document (every operation is a query selecting only `__schema`, `__type` and
 * `__typename` at its root) reads the schema, never Barrack, so it spends none of the tenant's data budgets
 * (requests, cost) and the data limits (QUERY_MAX_DEPTH, cost) do not apply: the standard introspection query
 * of graphql-js is depth 15. It has bounds of its own instead:
 *  - graphql-js' MaxIntrospectionDepthRule (part of the specified validation rules, so it runs on every
 *    document): `fields` / `inputFields` / `interfaces` / `possibleTypes` nested 3 deep is refused, which is
 *    what stops the classic cyclic bombs (`types { fields { type { fields { type { fields ... }}}}}}`);
 *  - INTROSPECTION_MAX_DEPTH below bounds plain nesting (`ofType { ofType { ... } }`, which the rule above does
 *    not count), with room over what getIntrospectionQuery() needs;
 *  - the token, alias and body-size limits apply as to any document.
 * A document mixing introspection and data fields is an ordinary data query (all limits, all budgets).
 */

export const INTROSPECTION_MODES = ['authenticated', 'public', 'off'] as const;
export type IntrospectionMode = (typeof INTROSPECTION_MODES)[number];

/** getIntrospectionQuery({ all options }) is depth 15 (TypeRef nests `ofType` 9 times); 5 levels to spare. */
export const INTROSPECTION_MAX_DEPTH = 20;

const SCHEMA_FIELDS = new Set(['__schema', '__type']);
/** Cheap pre-check on the source, so ordinary queries are never parsed twice. `__typename` does not match. */
const MENTIONS_SCHEMA_FIELD = /__(?:schema|type)\b/;

/** True when every operation of the document only reads the schema (see the comment at the top). */
export function isIntrospectionOnly(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let operations = 0;
  let schemaFields = 0;
  const rootOnlyIntrospection = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean =>
    set.selections.every((sel) => {
      if (sel.kind === Kind.FIELD) {
        if (SCHEMA_FIELDS.has(sel.name.value)) schemaFields++;
        return SCHEMA_FIELDS.has(sel.name.value) || sel.name.value === '__typename';
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) return rootOnlyIntrospection(sel.selectionSet, seen);
      const frag = fragments.get(sel.name.value);
      if (!frag || seen.has(sel.name.value)) return false;
      return rootOnlyIntrospection(frag.selectionSet, new Set([...seen, sel.name.value]));
    });
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    operations++;
    if (def.operation !== OperationTypeNode.QUERY) return false;
    if (!rootOnlyIntrospection(def.selectionSet, new Set())) return false;
  }
  return operations > 0 && schemaFields > 0;
}

/**
 * The same test on a request's query text, for code that runs before Apollo parses (authentication, the
 * request budget). Unparseable text is not introspection; Apollo reports the syntax error.
 */
export function isIntrospectionSource(query: unknown): boolean {
  if (typeof query !== 'string' || !MENTIONS_SCHEMA_FIELD.test(query)) return false;
  try {
    return isIntrospectionOnly(parse(query, { noLocation: true }));
  } catch {
    return false;
  }
}

/** Whether this request may skip the data budgets as introspection under the configured mode. */
export function isFreeIntrospection(mode: IntrospectionMode, query: unknown): boolean {
  return mode !== 'off' && isIntrospectionSource(query);
}

/** The bounds of an introspection-only operation, given its measured shape (fragments expanded). */
export function assertIntrospectionBounds(
  shape: { depth: number; aliases: number },
  maxAliases: number,
): void {
  if (shape.depth > INTROSPECTION_MAX_DEPTH) {
    throw new GatewayError(
      'QUERY_TOO_COMPLEX',
      `Introspection depth ${shape.depth} exceeds the maximum of ${INTROSPECTION_MAX_DEPTH}.`,
      { rule: 'introspectionDepth', actual: shape.depth, limit: INTROSPECTION_MAX_DEPTH },
    );
  }
  if (shape.aliases > maxAliases) {
    throw new GatewayError(
      'QUERY_TOO_COMPLEX',
      `Query uses ${shape.aliases} aliases; the maximum is ${maxAliases}.`,
      { rule: 'aliases', actual: shape.aliases, limit: maxAliases },
    );
  }
}

/** `INTROSPECTION=off`: refuses `__schema` and `__type` anywhere in a document (validation, so nothing runs). */
function introspectionDisabledRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (!SCHEMA_FIELDS.has(node.name.value)) return;
      context.reportError(
        new GraphQLError('Introspection is turned off on this gateway (INTROSPECTION=off).', {
          nodes: node,
          extensions: { reason: 'INTROSPECTION_DISABLED' },
        }),
      );
    },
  };
}

/** Extra validation rules for the configured mode (for every transport that validates documents). */
export function introspectionValidationRules(mode: IntrospectionMode): ValidationRule[] {
  return mode === 'off' ? [introspectionDisabledRule] : [];
}
