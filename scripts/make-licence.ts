/**
 * The vendor's licence tool: makes the Ed25519 key pair and signs licence tokens (electron/pbx/core/licence).
 *
 *   npx tsx scripts/make-licence.ts init-key [--key-dir DIR]
 *       Generates a key pair. The PRIVATE key goes to DIR (default $HOTDESK_LICENCE_KEY_DIR or ~/.hotdesk-licence,
 *       never inside the repository) with mode 0600; the public key to assets/licence/public-key.pem (committed).
 *       Refuses to overwrite an existing private key.
 *   npx tsx scripts/make-licence.ts demo [--key FILE]
 *       Signs the built-in demo PRO licence into assets/licence/demo-pro.licence (committed).
 *   npx tsx scripts/make-licence.ts issue --edition pro|enterprise|free --licensee NAME
 *       [--expires YYYY-MM-DD] [--max-devices N] [--key FILE] [--out FILE]
 *       Signs a customer licence; prints the token (or writes it to FILE).
 *
 * The vendor keeps the private key offline and backed up: whoever holds it can issue licences, and losing it means
 * every PBX must be updated with a new public key.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_LICENCE_FILE, PUBLIC_KEY_FILE } from '../electron/pbx/core/licence/licenceAssets';
import { editionSchema, type Licence } from '../electron/pbx/core/licence/licencePayload';
import { signLicence, verifyLicence } from '../electron/pbx/core/licence/licenceToken';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASSETS = path.join(REPO_ROOT, 'assets', 'licence');
const PRIVATE_KEY_FILE = 'private-key.pem';

function defaultKeyDir(): string {
  return process.env.HOTDESK_LICENCE_KEY_DIR ?? path.join(homedir(), '.hotdesk-licence');
}

function privateKeyPath(option: string | undefined): string {
  return option ?? path.join(defaultKeyDir(), PRIVATE_KEY_FILE);
}

function initKey(keyDir: string): void {
  const dir = path.resolve(keyDir);
  if (dir === REPO_ROOT || dir.startsWith(`${REPO_ROOT}${path.sep}`)) throw new Error(`Refusing to keep the private key inside the repository (${dir})`);
  const privatePath = path.join(dir, PRIVATE_KEY_FILE);
  if (existsSync(privatePath)) throw new Error(`${privatePath} exists already; move it away first if you really want a new key pair`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  mkdirSync(ASSETS, { recursive: true });
  writeFileSync(path.join(ASSETS, PUBLIC_KEY_FILE), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(`Private key (keep it secret, offline, backed up; never commit it): ${privatePath}`);
  console.log(`Public key (commit it): ${path.join(ASSETS, PUBLIC_KEY_FILE)}`);
}

function sign(licence: Licence, keyFile: string): string {
  const token = signLicence(licence, readFileSync(keyFile, 'utf8'));
  const check = verifyLicence(token, readFileSync(path.join(ASSETS, PUBLIC_KEY_FILE), 'utf8'), new Date());
  if (!check.ok) throw new Error(`The new token does not verify with ${PUBLIC_KEY_FILE} (${check.reason}): wrong private key?`);
  return token;
}

function main(argv: string[]): void {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'key-dir': { type: 'string' },
      key: { type: 'string' },
      edition: { type: 'string' },
      licensee: { type: 'string' },
      expires: { type: 'string' },
      'max-devices': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const command = positionals[0];
  const today = new Date().toISOString().slice(0, 10);
  if (command === 'init-key') {
    initKey(values['key-dir'] ?? defaultKeyDir());
  } else if (command === 'demo') {
    const token = sign({ edition: 'pro', licensee: 'Hotdesk demo mode (built in, not for production use)', issued: today }, privateKeyPath(values.key));
    writeFileSync(path.join(ASSETS, DEMO_LICENCE_FILE), `${token}\n`);
    console.log(`Demo PRO licence written to ${path.join(ASSETS, DEMO_LICENCE_FILE)}`);
  } else if (command === 'issue') {
    if (!values.licensee) throw new Error('--licensee is required');
    const licence: Licence = {
      edition: editionSchema.parse(values.edition ?? 'pro'),
      licensee: values.licensee,
      issued: today,
      ...(values.expires ? { expires: values.expires } : {}),
      ...(values['max-devices'] ? { maxHotDeskDevices: Number(values['max-devices']) } : {}),
    };
    const token = sign(licence, privateKeyPath(values.key));
    if (values.out) writeFileSync(values.out, `${token}\n`);
    else console.log(token);
  } else {
    throw new Error('usage: make-licence.ts init-key [--key-dir DIR] | demo [--key FILE] | issue --licensee NAME [--edition pro] [--expires DATE] [--max-devices N] [--key FILE] [--out FILE]');
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`make-licence: ${(error as Error).message}`);
  process.exit(1);
}
