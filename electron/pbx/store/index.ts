// Entry point of electron/pbx/store (docs/ARCHITECTURE.md, "Layers"): what the layers above it may use.
export type * from './documentStore';
export * from './schema/settingsDocs';
export * from './schema/devicesDoc';
export * from './schema/common';
export * from './schema/extensionsDoc';
export * from './schema/pendingPhonesDoc';
export * from './schema/auditRecord';
export type * from './journal';
export * from './pbxStore';
export type * from './migrations';
