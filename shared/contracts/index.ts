export * from './bridge';
export * from './device';
export * from './deviceOptions';
export * from './errors';
export * from './settings';
export * from './validate';
export * from './wire';
export * from './adminConsole';
