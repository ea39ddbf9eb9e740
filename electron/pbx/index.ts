// Entry point of electron/pbx (docs/ARCHITECTURE.md, "Layers"): what the layers above it may use.
export * from './server';
export { deviceKeyFingerprint } from './core';
