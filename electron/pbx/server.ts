import type { Mode } from '../../shared/contracts';
import { HotDeskDevices, seedDemoDevices } from './core/hotdesk/hotDeskDevices';

export interface PbxOptions {
  mode: Mode;
  dataDir: string;
}

export interface Pbx {
  readonly devices: HotDeskDevices;
  stop(): Promise<void>;
}

/** Composition root of the embedded PBX: wires its layers and returns a handle to stop it. */
export async function startPbx(options: PbxOptions): Promise<Pbx> {
  const devices = new HotDeskDevices();
  if (options.mode === 'demo') seedDemoDevices(devices);
  return {
    devices,
    async stop() {},
  };
}
