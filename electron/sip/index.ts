// The SIP library (docs/ARCHITECTURE.md, "The SIP library"): message ← transaction ← dialog, over a clock and a flow.
// Used by the embedded PBX and by the device host's plug-and-play client; import it only through this file.
export * from './clock';
export * from './flow';
export * from './message';
export * from './transaction';
export * from './dialog';
