import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { SecretRef } from './tenants-file.schema';

/**
 * Where secret references are resolved. The env map is passed in (the module hands it process.env):
 * the variable names come from the tenants file, not from the config schema, so config/ cannot list them.
 */
export type SecretEnv = Readonly<Record<string, string | undefined>>;

/** The secret's value, or an error message that names the reference but never a value. */
export function resolveSecretRef(
  ref: SecretRef,
  baseDir: string,
  env: SecretEnv,
): { value: string } | { error: string } {
  if ('env' in ref) {
    const v = env[ref.env];
    return v ? { value: v.trim() } : { error: `environment variable ${ref.env} is not set` };
  }
  const path = isAbsolute(ref.file) ? ref.file : resolve(baseDir, ref.file);
  try {
    const v = readFileSync(path, 'utf8').trim();
    return v ? { value: v } : { error: `file ${ref.file} is empty` };
  } catch {
    return { error: `file ${ref.file} cannot be read` };
  }
}
