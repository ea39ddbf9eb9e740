import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'hotdesk/layering').map((message) => message.message);
}

describe('layering lint rule (docs/ARCHITECTURE.md import rules)', () => {
  // Loading the ESLint config (typescript-eslint) takes seconds on a busy machine; do it once, outside the tests.
  beforeAll(async () => {
    await eslint.calculateConfigForFile(path.join(repoRoot, 'renderer/src/x.ts'));
    await eslint.lintText('export {};', { filePath: path.join(repoRoot, 'renderer/src/x.ts') });
  }, 60_000);

  it.each([
    ['renderer/src/features/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", 'Node built-in "node:fs"'],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'fs';\nexport const f = readFileSync;", 'Node built-in "fs"'],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;", '"electron"'],
    ['electron/pbx/core/x.ts', "import { app } from 'electron';\nexport const a = app;", '"electron"'],
    ['electron/host/x.ts', "const { app } = require('electron');\nexport const a = app;", '"electron"'],
    ['electron/pbx/core/x.ts', "export { BridgeHub } from '../../host/bridge/bridgeHub';", 'electron/host'],
    ['shared/domain/x.ts', "import { startPbx } from '../../electron/pbx/server';\nexport const s = startPbx;", 'electron/pbx'],
    ['shared/domain/x.ts', "import { createServer } from 'node:http';\nexport const c = createServer;", 'Node built-in'],
    ['renderer/src/x.ts', "import { startPbx } from '../../electron/pbx/server';\nexport const s = startPbx;", 'electron/pbx'],
    ['electron/preload/x.ts', "import { describeDevice } from '../host/bridge/deviceView';\nexport const d = describeDevice;", 'electron/host'],
    ['electron/main/x.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;", 'renderer'],
    ['renderer/src/x.ts', "export const load = () => import('node:child_process');", 'Node built-in'],
    // Inner layers: deep imports past an entry point, and imports upwards.
    ['electron/host/x.ts', "import { startPbx } from '../pbx/server';\nexport const s = startPbx;", 'electron/pbx/index.ts'],
    ['electron/host/x.ts', "import { parseSipMessage } from '../sip/message/parse';\nexport const p = parseSipMessage;", 'electron/sip/index.ts'],
    ['electron/pbx/admin/x.ts', "import { openHotDesk } from '../core/hotdesk/hotDesk';\nexport const o = openHotDesk;", 'electron/pbx/core/index.ts'],
    ['electron/sip/dialog/x.ts', "import { parseSipMessage } from '../message/parse';\nexport const p = parseSipMessage;", 'electron/sip/message/index.ts'],
    ['electron/sip/message/x.ts', "import { TransactionLayer } from '../transaction';\nexport const t = TransactionLayer;", 'sip/message may not import sip/transaction'],
    ['electron/sip/transaction/x.ts', "import { Dialog } from '../dialog';\nexport const d = Dialog;", 'sip/transaction may not import sip/dialog'],
    ['electron/sip/message/x.ts', "import { startPbx } from '../../pbx';\nexport const s = startPbx;", 'sip/message may not import electron/pbx'],
    ['electron/pbx/core/x.ts', "import { createAdminApi } from '../admin';\nexport const c = createAdminApi;", 'pbx/core may not import pbx/admin'],
    ['electron/pbx/core/x.ts', "import { WsSipTransport } from '../transport';\nexport const w = WsSipTransport;", 'pbx/core may not import pbx/transport'],
    ['electron/pbx/store/x.ts', "import { openHotDesk } from '../core';\nexport const o = openHotDesk;", 'pbx/store may not import pbx/core'],
    ['electron/pbx/media/x.ts', "import { startPbx } from '..';\nexport const s = startPbx;", 'pbx/media may not import electron/pbx'],
    ['electron/common/x.ts', "import { startPbx } from '../pbx';\nexport const s = startPbx;", 'electron/common may not import electron/pbx'],
    ['electron/common/x.ts', "import { app } from 'electron';\nexport const a = app;", '"electron"'],
    ['electron/host/x.ts', "import { moveAside } from '../common/moveAside';\nexport const m = moveAside;", 'electron/common/index.ts'],
  ])('%s: refuses %s', async (file, code, expected) => {
    const errors = await layeringErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it.each([
    ['renderer/src/x.ts', "import { classifyDialString } from '../../shared/domain/dialString';\nexport const c = classifyDialString;"],
    ['electron/pbx/core/x.ts', "import { createServer } from 'node:http';\nexport const c = createServer;"],
    ['electron/host/x.ts', "import { startPbx } from '../pbx';\nexport const s = startPbx;"],
    ['electron/pbx/core/x.ts', "import { parseSipMessage } from '../../sip';\nexport const p = parseSipMessage;"],
    ['electron/sip/dialog/x.ts', "import { TransactionLayer } from '../transaction';\nexport const t = TransactionLayer;"],
    ['electron/pbx/admin/x.ts', "import { openHotDesk } from '../core';\nexport const o = openHotDesk;"],
    ['electron/pbx/store/x.ts', "import { writeFileAtomic } from '../../common';\nexport const w = writeFileAtomic;"],
    ['electron/host/x.ts', "import { moveAsideSync } from '../common';\nexport const m = moveAsideSync;"],
    ['electron/main/x.ts', "import { pickFlags } from '../common';\nexport const p = pickFlags;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { startDeviceServices } from '../host/services';\nexport const a = [app, startDeviceServices];"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport { REQUEST_NAMES } from '../../shared/contracts/bridge';\nexport const c = [contextBridge, REQUEST_NAMES];"],
  ])('%s: allows a permitted import', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
