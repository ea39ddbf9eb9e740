// Entry point of electron/pbx/transport (docs/ARCHITECTURE.md, "Layers"): what the layers above it may use.
export * from './wsTransport';
