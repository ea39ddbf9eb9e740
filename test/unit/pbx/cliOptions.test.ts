import { describe, expect, it } from 'vitest';
import { parsePbxCliOptions, PbxCliError } from '../../../electron/pbx/cliOptions';

describe('npm run pbx options', () => {
  it('takes the host names of pages elsewhere that may use /sip, from --origin-host or the environment', () => {
    expect(parsePbxCliOptions(['--origin-host', 'kiosk1.lan, kiosk2.lan'], {}).originHosts).toEqual(['kiosk1.lan', 'kiosk2.lan']);
    expect(parsePbxCliOptions([], { HOTDESK_PBX_ORIGIN_HOSTS: 'kiosk3.lan' }).originHosts).toEqual(['kiosk3.lan']);
    expect(parsePbxCliOptions([], {}).originHosts).toEqual([]);
  });

  it('refuses an origin host that is not a host name', () => {
    expect(() => parsePbxCliOptions(['--origin-host=https://kiosk.lan/'], {})).toThrow(PbxCliError);
  });
});
