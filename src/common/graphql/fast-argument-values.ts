import { version } from 'graphql';
import * as values from 'graphql/execution/values';

/*
 * graphql-js 16 builds the arguments of every field it executes, whether the field declares arguments or not:
 * `getArgumentValues` makes two dictionary-mode objects (`Object.create(null)`, one for the values and one
 * keyMap of the argument nodes) and returns a copy of the first. On the console page (S3: ~1,400 fields, of
 * which only the three nested connections declare arguments) that was 27% of all bytes the gateway allocated
 * per page (sampling heap profile), so a large part of its garbage-collection time.
 *
 * For a field (or directive) that declares no argument, graphql-js's answer is always a fresh empty object:
 * validation has refused any argument the definition does not declare, and there is no default to apply.
 * This returns that object directly and leaves every other call to graphql-js. graphql-js calls the function
 * through its module's exports object (`(0, _values.getArgumentValues)(...)` in execution/execute.js), so
 * replacing the export reaches execution, subscriptions and every other caller (the cost analysis) alike.
 * Applied only to graphql 16, whose internals this relies on; a later major is left untouched.
 */

type ArgumentValues = typeof values.getArgumentValues;

const original: ArgumentValues = values.getArgumentValues;

const fast: ArgumentValues = (def, node, variableValues) =>
  def.args.length === 0 ? {} : original(def, node, variableValues);

/** Installs the short cut (idempotent). Returns whether it is in place. */
export function useFastArgumentValues(): boolean {
  if (!version.startsWith('16.')) return false;
  const exportsOfValues: { getArgumentValues: ArgumentValues } = values;
  exportsOfValues.getArgumentValues = fast;
  return values.getArgumentValues === fast;
}
