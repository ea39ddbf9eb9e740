// Entry point of electron/pbx/admin (docs/ARCHITECTURE.md, "Layers"): what the layers above it may use.
export * from './adminApi';
export * from './adminCredentials';
