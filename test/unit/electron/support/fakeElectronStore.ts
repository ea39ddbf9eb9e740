// electron-store is conf plus Electron's default directory and version. Vitest loads node_modules packages without
// its module mocks, so electron-store's own `import electron from 'electron'` cannot be faked; tests use this
// stand-in, which keeps the part that matters here: a conf file named `${name}.json` in `cwd`, with its file mode.
import Conf from 'conf';

export default class FakeElectronStore<T extends Record<string, unknown>> extends Conf<T> {
  constructor(options: { cwd: string; name: string; clearInvalidConfig?: boolean; configFileMode?: number }) {
    super({
      cwd: options.cwd,
      configName: options.name,
      projectName: 'hotdesk',
      clearInvalidConfig: options.clearInvalidConfig ?? false,
      ...(options.configFileMode === undefined ? {} : { configFileMode: options.configFileMode }),
    });
  }
}
