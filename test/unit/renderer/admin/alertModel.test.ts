import { describe, expect, it } from 'vitest';
import { acknowledgeAlert, activeEmergencies, addAlerts, alertFromAudit, alertFromEvent } from '../../../../renderer/admin/alerts/alertModel';

const NOW = '2026-12-01T12:00:00.000Z';
const CALL = {
  type: 'emergency-call',
  id: 'q0Jx2m9V3kPa',
  number: '911',
  at: '2026-12-01T11:59:58.000Z',
  caller: 'sip:HD0001@hotdesk.local',
  device: { name: 'HD0001', mac: '02:00:00:00:00:01' },
  user: { extension: '100', name: 'Alice Andrews' },
  location: { short: 'HQ, Building 1, Floor 2, Desk 14', civic: {}, source: 'pbx' },
};

describe('the console alerts', () => {
  it('turns an emergency call into an urgent alert naming the number, the desk, the user and the location', () => {
    expect(alertFromEvent('emergency-call', CALL, NOW)).toEqual({
      id: 'call:q0Jx2m9V3kPa',
      kind: 'emergency',
      at: CALL.at,
      title: 'Emergency call to 911 from HD0001 (100 Alice Andrews)',
      detail: 'Location: HQ, Building 1, Floor 2, Desk 14',
      location: 'HQ, Building 1, Floor 2, Desk 14',
      urgent: true,
      acknowledged: false,
    });
    const unknown = alertFromEvent('emergency-call', { ...CALL, device: null, user: null, location: null }, NOW);
    expect(unknown).toMatchObject({ title: 'Emergency call to 911 from sip:HD0001@hotdesk.local', detail: 'No location could be sent with this call' });
  });

  it('makes lockouts, refused provisioning and failed webhooks alerts, and ignores ordinary phone requests', () => {
    expect(alertFromEvent('extension.locked', { extension: '103', until: '2026-12-01T12:15:00Z', item: { name: 'Dan Diaz' } }, NOW)).toMatchObject({ kind: 'lockout', title: 'Hot-desk login of 103 Dan Diaz locked', urgent: false });
    expect(alertFromEvent('phone.pending', { mac: '02:00:00:00:00:01', item: { keyMismatch: true, device: 'HD0001', lastSeen: NOW } }, NOW)).toMatchObject({ kind: 'provisioning', title: 'Provisioning refused for 02:00:00:00:00:01' });
    expect(alertFromEvent('phone.pending', { mac: '02:00:00:00:0a:01', item: { keyMismatch: false } }, NOW)).toBeNull();
    expect(alertFromEvent('emergency-webhook.failed', { callId: 'c1', attempt: 20, problem: 'HTTP 500', retryInMs: null }, NOW)).toMatchObject({ kind: 'webhook', detail: 'Attempt 20: HTTP 500; no more attempts' });
    expect(alertFromEvent('device.status', {}, NOW)).toBeNull();
    expect(alertFromEvent('emergency-call', null, NOW)).toBeNull();
  });

  it('reads history from the audit log: a recent emergency call is still urgent, an old one is not', () => {
    const entry = { id: 'a1b2c3d4e5', at: '2026-12-01T11:50:00.000Z', kind: 'emergency.call', device: 'HD0002', extension: null, detail: '112 from sip:HD0002@hotdesk.local; location: HQ, Desk 15 (pbx)' };
    expect(alertFromAudit(entry, Date.parse(NOW))).toMatchObject({ id: 'audit:a1b2c3d4e5', urgent: true, location: 'HQ, Desk 15' });
    expect(alertFromAudit(entry, Date.parse(NOW) + 60 * 60_000)?.urgent).toBe(false);
    expect(alertFromAudit({ ...entry, kind: 'hotdesk.lockout', extension: '103', detail: null }, Date.parse(NOW))).toMatchObject({ kind: 'lockout', title: 'Hot-desk login of 103 locked' });
    expect(alertFromAudit({ ...entry, kind: 'hotdesk.login' }, Date.parse(NOW))).toBeNull();
  });

  it('keeps each alert once, newest first; Acknowledge (here or before, in this browser) silences an emergency', () => {
    const call = alertFromEvent('emergency-call', CALL, NOW)!;
    const older = { ...call, id: 'call:older', at: '2026-12-01T10:00:00.000Z' };
    let list = addAlerts([], [older, call, call], new Set());
    expect(list.map((entry) => entry.id)).toEqual(['call:q0Jx2m9V3kPa', 'call:older']);
    expect(activeEmergencies(list)).toHaveLength(2);
    list = acknowledgeAlert(list, 'call:q0Jx2m9V3kPa');
    expect(activeEmergencies(list).map((entry) => entry.id)).toEqual(['call:older']);
    expect(activeEmergencies(addAlerts([], [older], new Set(['call:older'])))).toEqual([]);
  });
});
