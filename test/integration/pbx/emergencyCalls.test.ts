import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmergencyCallReport } from '../../../electron/pbx/core';
import { createBrowserPeer } from '../support/browserPeer';
import { RawSipClient } from '../support/rawSipClient';
import { startTestPbx, type TestPbx } from '../support/pbxServer';

let server: TestPbx | null = null;
let client: RawSipClient | null = null;

afterEach(async () => {
  client?.close();
  await server?.stop();
  vi.restoreAllMocks();
});

async function call911(options: { offer?: string; onEmergencyCall?: (call: EmergencyCallReport) => void }) {
  server = await startTestPbx(options.onEmergencyCall ? { onEmergencyCall: options.onEmergencyCall } : {});
  client = await RawSipClient.connect(server.wsUrl);
  const cseq = client.nextCSeq();
  const sdp = options.offer === undefined ? [] : ['Content-Type: application/sdp'];
  client.send(client.request('INVITE', 'sip:911@hotdesk.local', { from: 'sip:HD0002@hotdesk.local', cseq, headers: sdp, ...(options.offer ? { body: options.offer } : {}) }));
  return client.response(cseq, 'INVITE');
}

describe('emergency call notifications', () => {
  it('reports a call the operator answered 488 as failed, with the status, never as answered', async () => {
    const reports: EmergencyCallReport[] = [];
    const response = await call911({ onEmergencyCall: (report) => reports.push(report) });
    expect(response.status).toBe(488);
    expect(reports.map((report) => [report.phase, report.failure?.status])).toEqual([
      ['arrived', undefined],
      ['failed', 488],
    ]);
  });

  it('reports an answered call as answered', async () => {
    const reports: EmergencyCallReport[] = [];
    const peer = await createBrowserPeer();
    try {
      expect((await call911({ offer: peer.offer, onEmergencyCall: (report) => reports.push(report) })).status).toBe(200);
    } finally {
      await peer.close();
    }
    expect(reports.map((report) => report.phase)).toEqual(['arrived', 'answered']);
  });

  it('logs a failed emergency call as FAILED by default, not as answered', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await call911({})).status).toBe(488);
    const logged = [...warn.mock.calls, ...error.mock.calls].map((args) => String(args[0])).filter((line) => line.startsWith('EMERGENCY CALL'));
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatch(/^EMERGENCY CALL to 911 from <sip:HD0002@hotdesk\.local>;tag=\w+ at .*: FAILED, not answered \(488 An SDP offer is required\)$/);
    expect(logged.some((line) => /answered by/.test(line))).toBe(false);
  });
});
