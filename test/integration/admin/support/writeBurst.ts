/**
 * Child process for crashSafety.test.ts: opens the real store under a data dir and writes as fast as it can —
 * devices, extensions, pending phones and audit events, some one at a time and some concurrently (group commit) —
 * printing `ack <kind> <key> <value>` after each write is acknowledged, until it is killed (or a bound is reached).
 *
 *   node --import tsx test/integration/admin/support/writeBurst.ts <dataDir> <run>
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Mac } from '../../../../shared/domain/mac';
import { openHotDesk } from '../../../../electron/pbx/core/hotdesk/hotDesk';
import { TEST_SCRYPT_COST } from '../../../support/scryptCost';
import { loadLicenceAssets } from '../../../../electron/pbx/core/licence/licenceAssets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const [dataDir, runText] = process.argv.slice(2);
const run = Number(runText);
const MAX_ROUNDS = 400;

function ack(kind: string, key: string, value: string): void {
  // A pipe write is synchronous on Linux: once the parent can read this line, the write it reports was durable.
  process.stdout.write(`ack ${kind} ${key} ${value}\n`);
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

async function main(): Promise<void> {
  if (!dataDir || !Number.isInteger(run)) throw new Error('usage: writeBurst.ts <dataDir> <run>');
  const hotDesk = await openHotDesk(dataDir, {
    mode: 'demo',
    realm: 'hotdesk.test',
    licence: await loadLicenceAssets(path.join(repoRoot, 'assets', 'licence')),
    pinCost: TEST_SCRYPT_COST,
  });
  process.stdout.write(`ready ${hotDesk.warnings.length}\n`);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const tag = `${run}-${round}`;
    const deviceMac = `02:${hex(run)}:00:00:${hex(round >> 8)}:${hex(round & 0xff)}`;
    const phoneMac = `06:${hex(run)}:00:00:${hex(round >> 8)}:${hex(round & 0xff)}` as Mac;
    const extension = `${run + 1}${String(round).padStart(4, '0')}`;
    // Concurrent writes to four different files …
    await Promise.all([
      hotDesk.devices.create({ mac: deviceMac, options: { location: `Desk ${tag}` } }).then((device) => ack('device', device.name, device.mac)),
      hotDesk.audit.append({ kind: 'test.burst', detail: tag }).then((event) => ack('audit', event.id, tag)),
      hotDesk.pendingPhones.upsert({ mac: phoneMac, userAgent: `burst ${tag}`, seenAt: new Date() }).then((phone) => ack('phone', phone.mac, tag)),
      hotDesk.extensions.create({ extension, name: `Burst ${tag}` }).then(({ record }) => ack('extension', record.extension, record.name.replace(/ /g, '_'))),
    ]);
    // … and a burst to one file, batched by group commit.
    const events = await Promise.all([1, 2, 3].map((n) => hotDesk.audit.append({ kind: 'test.burst', detail: `${tag}.${n}` })));
    for (const event of events) ack('audit', event.id, event.detail ?? '');
  }
  process.stdout.write('done\n');
  await hotDesk.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`writeBurst failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
