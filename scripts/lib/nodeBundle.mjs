// What every Node bundle of the project (Electron's main process, the host CLI) needs from esbuild.

// Bundled CommonJS dependencies (ws, …) call require() for Node built-ins, which an ES module does not have; give the
// bundle one.
export const NODE_REQUIRE_SHIM =
  "import { createRequire as __hotdeskCreateRequire } from 'node:module';\nconst require = __hotdeskCreateRequire(import.meta.url);";
