import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT_CALLS, type CallRecord } from '../../../shared/contracts';
import { applyHistoryChange } from '../../../shared/domain/callHistoryRules';
import { EMPTY_CALL_HISTORY } from '../../../shared/contracts';
import { CallHistoryStore } from '../../../electron/host/history/callHistoryStore';

const ALICE = 'user:100';
const BOB = 'user:101';
const DEVICE = '020000000001';

function record(id: string, outcome: CallRecord['outcome'] = 'answered', number = '102'): CallRecord {
  return { id, direction: outcome === 'missed' ? 'incoming' : 'outgoing', number, name: 'Carol Chen', outcome, at: 1_700_000_000_000, durationS: outcome === 'answered' ? 65 : 0 };
}

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'hotdesk-history-'));
}

describe('the rules of the recent calls', () => {
  it('keeps the newest first, one row per call, at most MAX_RECENT_CALLS', () => {
    let history = EMPTY_CALL_HISTORY;
    for (let index = 0; index < MAX_RECENT_CALLS + 5; index += 1) history = applyHistoryChange(history, { kind: 'record', call: record(`c${index}`) });
    history = applyHistoryChange(history, { kind: 'record', call: { ...record(`c${MAX_RECENT_CALLS + 4}`), durationS: 70 } });
    expect(history.calls).toHaveLength(MAX_RECENT_CALLS);
    expect(history.calls[0]).toMatchObject({ id: `c${MAX_RECENT_CALLS + 4}`, durationS: 70 });
    expect(history.calls[1]?.id).toBe(`c${MAX_RECENT_CALLS + 3}`);
  });

  it('counts a missed call once until seen; Redial is the last number dialled', () => {
    let history = applyHistoryChange(EMPTY_CALL_HISTORY, { kind: 'record', call: record('m1', 'missed') });
    history = applyHistoryChange(history, { kind: 'record', call: record('m1', 'missed') });
    history = applyHistoryChange(history, { kind: 'record', call: record('m2', 'missed') });
    history = applyHistoryChange(history, { kind: 'record', call: record('a1') });
    expect(history.missedUnseen).toBe(2);
    expect(applyHistoryChange(history, { kind: 'seen' }).missedUnseen).toBe(0);
    expect(applyHistoryChange(applyHistoryChange(history, { kind: 'dialled', number: '201' }), { kind: 'dialled', number: '102' }).redialNumber).toBe('102');
  });
});

describe('CallHistoryStore: per identity on the device, across restarts', () => {
  it('keeps an identity history across a restart of the host, in a private file', () => {
    const dir = freshDir();
    const store = new CallHistoryStore(dir);
    store.change(DEVICE, ALICE, ALICE, { kind: 'record', call: record('c1', 'missed', '101') });
    store.change(DEVICE, ALICE, ALICE, { kind: 'dialled', number: '102' });
    store.change(DEVICE, ALICE, ALICE, { kind: 'do-not-disturb', on: true });
    const reopened = new CallHistoryStore(dir);
    expect(reopened.read(DEVICE, ALICE)).toEqual({
      identity: ALICE,
      history: { calls: [record('c1', 'missed', '101')], redialNumber: '102', missedUnseen: 1, doNotDisturb: true },
    });
    if (process.platform !== 'win32') expect(statSync(path.join(dir, `${DEVICE}.json`)).mode & 0o077).toBe(0);
  });

  it('deletes the file the moment the device has another identity (logout, roaming), whoever notices', () => {
    const dir = freshDir();
    const store = new CallHistoryStore(dir);
    store.change(DEVICE, ALICE, ALICE, { kind: 'record', call: record('c1') });
    // While the device's provisioning is still being read it has no identity: that wipes nothing.
    expect(store.observe(DEVICE, null)).toBe(false);
    expect(store.read(DEVICE, null).history).toEqual(EMPTY_CALL_HISTORY);
    expect(new CallHistoryStore(dir).read(DEVICE, ALICE).history.calls).toHaveLength(1);
    expect(store.observe(DEVICE, 'pool:HD0001')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(new CallHistoryStore(dir).read(DEVICE, ALICE).history).toEqual(EMPTY_CALL_HISTORY);

    store.change(DEVICE, ALICE, ALICE, { kind: 'do-not-disturb', on: true });
    // Bob roams in; the first read as Bob finds nothing of Alice's — not even her Do not disturb.
    expect(new CallHistoryStore(dir).read(DEVICE, BOB)).toEqual({ identity: BOB, history: EMPTY_CALL_HISTORY });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("drops a change about another identity (a call that ended as its user logged out)", () => {
    const store = new CallHistoryStore(freshDir());
    store.change(DEVICE, BOB, BOB, { kind: 'dialled', number: '103' });
    const answer = store.change(DEVICE, BOB, ALICE, { kind: 'record', call: record('late') });
    expect(answer).toEqual({ identity: BOB, history: { ...EMPTY_CALL_HISTORY, redialNumber: '103' } });
  });

  it('keeps devices apart', () => {
    const store = new CallHistoryStore(freshDir());
    store.change(DEVICE, ALICE, ALICE, { kind: 'dialled', number: '102' });
    expect(store.read('account-101', 'account:sip:101@hotdesk.local').history).toEqual(EMPTY_CALL_HISTORY);
    expect(() => store.read('../settings', ALICE)).toThrow(/not a device key/);
  });

  it('moves an unreadable file aside with a warning and starts empty', () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, `${DEVICE}.json`), '{"version":1,"identity":"user:100","history":{"calls":"nope"}}');
    const warnings: string[] = [];
    const store = new CallHistoryStore(dir, (message) => warnings.push(message));
    expect(store.read(DEVICE, ALICE).history).toEqual(EMPTY_CALL_HISTORY);
    expect(warnings[0]).toMatch(/unreadable; moved aside/);
    const broken = readdirSync(dir).find((name) => name.includes('.broken-'));
    expect(broken && readFileSync(path.join(dir, broken), 'utf8')).toContain('nope');
  });
});
