// Entry point of electron/common: Node-side helpers every Node layer may use (the PBX, the device host, the Electron
// main process). Nothing here knows about SIP, the PBX or the bridge.
export { DIR_MODE, ensureDirectory, FILE_MODE, makePrivate, removeStaleTempFiles, syncDirectory, writeFileAtomic, writeFileAtomicSync } from './atomicFile';
export { brokenFilePath, copyAside, moveAside, moveAsideSync } from './moveAside';
export { defaultDataDir, resolveDataDir } from './dataDir';
export { isLoopback, listenRefusal, normaliseAddress } from './loopback';
export { CliError, parseHostNames, parseMode, parsePort, parseTls, pickFlags, readFlags } from './cliFlags';
