import type { Mode } from '../../../shared/contracts';
import { parseMac } from '../../../shared/domain/mac';
import { type AdminApiHandler, createAdminApi, initAdminCredentials, type PromptAdmin } from '../admin';
import type { HotDesk, HotDeskLogins, UaProfileService } from '../core';
import type { Provisioning } from '../provisioning';
import type { SipStack } from '../sipStack';
import { trackRegistrationTimes } from './registrationTimes';
import type { PbxEmergency } from './pbxEmergency';

export interface PbxAdminOptions {
  hotDesk: HotDesk;
  logins: Pick<HotDeskLogins, 'sessionOf' | 'logout'>;
  mode: Mode;
  sip: SipStack;
  uaProfile: UaProfileService;
  provisioning: Provisioning;
  prompts: PromptAdmin;
  sendCheckSync(deviceName: string): Promise<void>;
  emergency: Pick<PbxEmergency, 'callbacks'>;
}

/** The admin API with its credentials (generated on the first start of site mode), hooked to SIP and provisioning. */
export async function startAdminApi(options: PbxAdminOptions): Promise<{ api: AdminApiHandler; generatedPassword: string | null; credentialsStored(): Promise<void> }> {
  const { hotDesk, logins, sip, uaProfile, provisioning, sendCheckSync } = options;
  const admin = await initAdminCredentials({ store: hotDesk.store.admin, mode: options.mode });
  // Subscribed before the API, so a registration is recorded before the API pushes the device's new state.
  const registrations = trackRegistrationTimes(hotDesk, sip);
  const api = createAdminApi({
    hotDesk,
    credentials: admin.credentials,
    prompts: options.prompts,
    hooks: {
      isRegistered: (name) => sip.bindingsOf(name).length > 0,
      sessionOf: (name) => logins.sessionOf(name),
      lastRegistration: (name) => registrations.of(name),
      logout: async (name, admin) => ((await logins.logout(name, 'admin', `forced by the administrator (${admin})`)) ? 'logged-out' : 'not-logged-in'),
      onAssigned: (mac, name) => {
        const parsed = parseMac(mac);
        if (parsed) uaProfile.assign(parsed, name);
      },
      onDeviceChanged: (name) => void sendCheckSync(name),
      provisioningUrl: (device) => provisioning.urlFor(device.name),
      emergencyCallback: (id) => options.emergency.callbacks()?.callBack(id) ?? { kind: 'unknown' },
    },
  });
  return { api, generatedPassword: admin.generatedPassword ?? null, credentialsStored: () => admin.credentials.settled() };
}
