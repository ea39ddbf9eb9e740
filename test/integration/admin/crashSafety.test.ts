import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openHotDesk } from '../../../electron/pbx/core/hotdesk/hotDesk';
import { TEST_SCRYPT_COST } from '../../support/scryptCost';
import { loadLicenceAssets } from '../../../electron/pbx/core/licence/licenceAssets';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCRIPT = path.join('test', 'integration', 'admin', 'support', 'writeBurst.ts');
/**
 * When each run is killed: after how many acknowledged writes, then after how many further event-loop turns of the
 * parent (0 = at once), so that kills land both between writes and inside them. No timing is asserted.
 */
const KILL_POINTS: ReadonlyArray<{ acks: number; turns: number }> = [
  { acks: 3, turns: 0 },
  { acks: 17, turns: 2 },
  { acks: 40, turns: 5 },
  { acks: 60, turns: 1 },
  { acks: 90, turns: 9 },
  { acks: 150, turns: 3 },
];

interface Ack {
  kind: string;
  key: string;
  value: string;
}

/** Runs the writer, SIGKILLs it after `killAfter` acknowledgements, and returns every acknowledgement it printed. */
function runAndKill(dataDir: string, run: number, killAt: { acks: number; turns: number }): Promise<{ acks: Ack[]; signal: string | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir, String(run)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let pending = '';
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [word, kind = '', key = '', value = ''] = line.split(' ');
        if (word !== 'ack') continue;
        acks.push({ kind, key, value });
        if (acks.length === killAt.acks) killAfterTurns(killAt.turns);
      }
    });
    const killAfterTurns = (turns: number): void => {
      if (turns === 0) child.kill('SIGKILL');
      else setImmediate(() => killAfterTurns(turns - 1));
    };
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // 'close' comes after the process exited and its stdout was read to the end: acks still in the pipe count.
    child.on('close', (_code, signal) => resolve({ acks, signal, output }));
  });
}

async function reopen(dataDir: string) {
  return openHotDesk(dataDir, {
    mode: 'demo',
    realm: 'hotdesk.test',
    licence: await loadLicenceAssets(path.join(repoRoot, 'assets', 'licence')),
    pinCost: TEST_SCRYPT_COST,
  });
}

describe('store crash safety (SIGKILL in the middle of a burst of writes)', () => {
  it('keeps every acknowledged write and stays readable, run after run', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-crash-'));
    const acknowledged: Ack[] = [];
    for (const [run, killAt] of KILL_POINTS.entries()) {
      const { acks, signal, output } = await runAndKill(dataDir, run, killAt);
      expect(signal, `run ${run} was killed mid-burst (output: ${output.slice(-500)})`).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThanOrEqual(killAt.acks);
      acknowledged.push(...acks);

      const hotDesk = await reopen(dataDir);
      try {
        expect(hotDesk.warnings, 'no file had to be moved aside').toEqual([]);
        expect(Object.values(hotDesk.store.states).every((state) => state === 'opened' || state === 'created')).toBe(true);
        const auditById = new Map(hotDesk.audit.list().map((event) => [event.id, event]));
        for (const ack of acknowledged) {
          if (ack.kind === 'device') expect(hotDesk.devices.get(ack.key)?.mac, `device ${ack.key}`).toBe(ack.value);
          if (ack.kind === 'extension') expect(hotDesk.extensions.get(ack.key)?.name.replace(/ /g, '_'), `extension ${ack.key}`).toBe(ack.value);
          if (ack.kind === 'phone') expect(hotDesk.pendingPhones.get(ack.key)?.userAgent, `phone ${ack.key}`).toBe(`burst ${ack.value}`);
          if (ack.kind === 'audit') expect(auditById.get(ack.key)?.detail, `audit ${ack.key}`).toBe(ack.value);
        }
        // The demo seed made on the first start survived as well.
        expect(hotDesk.devices.get('HD0001')?.mac).toBe('02:00:00:00:00:01');
        expect(hotDesk.extensions.get('100')?.name).toBe('Alice Andrews');
      } finally {
        await hotDesk.close();
      }
    }
    expect(acknowledged.filter((ack) => ack.kind === 'device').length).toBeGreaterThan(10);
    expect(readdirSync(dataDir).filter((name) => name.includes('.broken-') || name.endsWith('.tmp'))).toEqual([]);
  });
});
