import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/app-config';
import {
  addApiKey,
  parseScopes,
  revokeApiKey,
  TenantsFileEditError,
  writeFileAtomic,
} from './tenants-file-editor';

const USAGE = `usage:
  npm run keys -- create --tenant <id> --scopes read,write [--expires 2027-01-01] [--label text] [--file tenants.yaml]
  npm run keys -- revoke --key-id <id> [--file tenants.yaml]
--file defaults to TENANTS_FILE. The key is printed once; only its SHA-256 is written to the file.
A running gateway picks the change up by itself (file watch; or send it SIGHUP).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      scopes: { type: 'string' },
      expires: { type: 'string' },
      label: { type: 'string' },
      'key-id': { type: 'string' },
      file: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'create' && command !== 'revoke')) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const file = values.file ?? loadConfig().TENANTS_FILE;
  if (!file) throw new TenantsFileEditError('no --file given and TENANTS_FILE is not set');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new TenantsFileEditError(`cannot read ${file}`);
  });
  if (command === 'create') {
    if (!values.tenant || !values.scopes)
      throw new TenantsFileEditError('create needs --tenant and --scopes');
    const r = addApiKey(text, file, {
      tenantId: values.tenant,
      scopes: parseScopes(values.scopes),
      expiresAt: values.expires,
      label: values.label,
    });
    await writeFileAtomic(file, r.text);
    console.error(
      `created key ${r.keyId} for tenant ${values.tenant} in ${file}; it is shown once, store it now:`,
    );
    console.log(r.key);
    return 0;
  }
  const keyId = values['key-id'];
  if (!keyId) throw new TenantsFileEditError('revoke needs --key-id');
  await writeFileAtomic(file, revokeApiKey(text, file, keyId));
  console.error(`revoked key ${keyId} in ${file}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(
      e instanceof TenantsFileEditError || e instanceof TypeError
        ? e.message
        : e instanceof Error
          ? e.message
          : String(e),
    );
    process.exit(e instanceof TenantsFileEditError ? 2 : 1);
  },
);
