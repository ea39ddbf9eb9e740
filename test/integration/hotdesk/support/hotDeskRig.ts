import { afterAll, afterEach, beforeAll } from 'vitest';
import { DeviceKey } from '../../../../electron/host/identity/deviceKey';
import { startTestPbx, type TestPbx } from '../../support/pbxServer';
import { DeskPhone } from './deskPhone';

export const ADMIN_AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
export const ADMIN = { Authorization: ADMIN_AUTH, 'Content-Type': 'application/json' };
export const ENTER_PIN = 'Enter your PIN, then press #';
export const WRONG_PIN = 'Wrong PIN — try again';
export const TOO_MANY = 'Too many wrong PINs — goodbye';

/** The device host key of the test phones: demo mode enrols HD0001–HD0003 to it. */
export const HOST_KEY = DeviceKey.generate();

/** A test PBX whose demo devices are enrolled to HOST_KEY. */
export function startHotDeskPbx(options: Parameters<typeof startTestPbx>[0] = {}): Promise<TestPbx> {
  return startTestPbx({ localDeviceKey: HOST_KEY.publicKey, ...options });
}

/** A provisioned, registered phone of `device` on `server`, signing with HOST_KEY. */
export function startDeskPhone(server: TestPbx, device = 'HD0001'): Promise<DeskPhone> {
  return DeskPhone.start(server, device, HOST_KEY);
}

export interface HotDeskRig {
  readonly server: TestPbx;
  /** A provisioned, registered phone of `device`, closed after the test. */
  desk(device?: string): Promise<DeskPhone>;
}

/**
 * One real PBX (demo mode) for the test file; after each test its phones are closed and every demo device is logged
 * out again, so each test starts from idle devices.
 */
export function useHotDeskPbx(): HotDeskRig {
  let server: TestPbx | null = null;
  const phones: DeskPhone[] = [];
  const rig: HotDeskRig = {
    get server() {
      if (!server) throw new Error('the PBX starts in beforeAll');
      return server;
    },
    async desk(device = 'HD0001') {
      const phone = await startDeskPhone(rig.server, device);
      phones.push(phone);
      return phone;
    },
  };
  beforeAll(async () => {
    server = await startHotDeskPbx();
  });
  afterEach(async () => {
    await Promise.all(phones.splice(0).map((phone) => phone.close()));
    for (const device of ['HD0001', 'HD0002', 'HD0003']) await rig.server.pbx.logins.logout(device, 'admin');
    await rig.server.pbx.logins.settled();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return rig;
}
