import { describe, expect, it } from 'vitest';
import { DeviceFlows, REGISTRATION_CLAIM_MS } from '../../../../electron/pbx/core/hotdesk/deviceFlows';

describe('which connections belong to which hot-desking device', () => {
  it("knows a device's connection from its pool identity, and its user's first registration after a login", () => {
    let now = 0;
    const flows = new DeviceFlows(() => now);
    flows.poolSeen('HD0001', 'f1');
    flows.expectRegistration('HD0001', '100');
    flows.userRegistered('100', 'f2'); // the device's new connection as Alice
    flows.userRegistered('100', 'f3'); // Alice's softphone elsewhere: not the device's
    expect(flows.flowsOf('HD0001')).toEqual(['f1', 'f2']);
    expect([flows.deviceOf('f2'), flows.deviceOf('f3')]).toEqual(['HD0001', null]);
    flows.flowClosed('f2');
    expect(flows.flowsOf('HD0001')).toEqual(['f1']);
    now += 1;
    flows.userRegistered('100', 'f1'); // a registration over a connection that already is the device's changes nothing
    expect(flows.deviceOf('f1')).toBe('HD0001');
  });

  it('lets a claim run out, and a logout void it', () => {
    let now = 0;
    const flows = new DeviceFlows(() => now);
    flows.expectRegistration('HD0001', '100');
    now = REGISTRATION_CLAIM_MS;
    flows.userRegistered('100', 'late');
    expect(flows.deviceOf('late')).toBeNull();
    flows.expectRegistration('HD0002', '101');
    flows.sessionEnded('HD0002', '101');
    flows.userRegistered('101', 'after-logout');
    expect(flows.deviceOf('after-logout')).toBeNull();
  });

  it('gives two devices waiting for the same user one registration each, in login order', () => {
    const flows = new DeviceFlows(() => 0);
    flows.expectRegistration('HD0001', '100');
    flows.expectRegistration('HD0002', '100');
    flows.userRegistered('100', 'a');
    flows.userRegistered('100', 'b');
    expect([flows.deviceOf('a'), flows.deviceOf('b')]).toEqual(['HD0001', 'HD0002']);
  });
});
