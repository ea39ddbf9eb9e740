// Entry point of electron/common: Node-side helpers every Node layer may use (the PBX, the device host, the Electron
// main process). Nothing here knows about SIP, the PBX or the bridge.
export { ensureDirectory, makePrivate, removeStaleTempFiles, syncDirectory, writeFileAtomic, writeFileAtomicSync } from './atomicFile';
export { ensurePrivateDirectory, makeFilePrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './privateFiles';
export { brokenFilePath, copyAside, moveAside, moveAsideSync } from './moveAside';
export { defaultDataDir, resolveDataDir } from './dataDir';
export { isLoopback, listenRefusal, normaliseAddress } from './loopback';
export { AFTER_START_DELAY_MS, LaterTask } from './laterTask';
export { CliError, parseHostNames, parseMode, parsePort, parseTls, pickFlags, readFlags } from './cliFlags';
export { cookieValue } from './cookies';
export { contentSecurityPolicy, webSocketOrigin } from './contentSecurityPolicy';
export { createStaticHandler, staticPathOf, type PageHeaders, type ShellFor } from './staticFiles';
