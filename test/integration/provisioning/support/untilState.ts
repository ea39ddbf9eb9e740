import type { ProvisioningClient, ProvisioningState } from '../../../../electron/host/provisioning/provisioningClient';

/** Resolves with the client's state once `done` holds for it (now or after a later change). */
export function untilState(client: ProvisioningClient, done: (state: ProvisioningState) => boolean): Promise<ProvisioningState> {
  return new Promise((resolve) => {
    if (done(client.state())) return resolve(client.state());
    const off = client.onChange((state) => {
      if (!done(state)) return;
      off();
      resolve(state);
    });
  });
}
