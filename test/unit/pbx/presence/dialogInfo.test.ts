import { describe, expect, it } from 'vitest';
import { buildDialogInfoTemplate, buildDialogInfoXml } from '../../../../electron/pbx/core/presence/dialogEvents/dialogInfoXml';
import { strictXmlParse as strictParse } from '../../../support/strictXml';
import { blfStateOf, type DialogInfo, DialogInfoError, parseDialogInfo } from '../../../../shared/sip/dialogInfo';


const info = (overrides: Partial<DialogInfo> = {}): DialogInfo => ({
  version: 3,
  state: 'full',
  entity: 'sip:102@hotdesk.local',
  dialogs: [],
  offline: false,
  ...overrides,
});

describe('dialog-info documents (RFC 4235 §4)', () => {
  it('round-trips through the builder and the parser', () => {
    const original = info({
      dialogs: [
        { id: 'call-1-in', state: 'early', direction: 'recipient' },
        { id: 'call-2-out', state: 'confirmed', direction: 'initiator' },
      ],
    });
    expect(parseDialogInfo(buildDialogInfoXml(original), strictParse)).toEqual(original);
    expect(parseDialogInfo(buildDialogInfoXml(info({ offline: true })), strictParse)).toEqual(info({ offline: true }));
  });

  it('serialises a document once for many watchers: each gets it with its own version only', () => {
    const { version: _version, ...state } = info({ entity: 'sip:version="VERSION"@x', offline: true, dialogs: [{ id: 'call-1-in', state: 'early', direction: 'recipient' }] });
    const template = buildDialogInfoTemplate(state);
    for (const version of [0, 1, 41, 2 ** 40]) {
      expect(template(version)).toBe(buildDialogInfoXml({ ...state, version }));
      expect(parseDialogInfo(template(version), strictParse)).toEqual({ ...state, version });
    }
    expect(() => template(-1)).toThrow(RangeError);
    expect(() => template(1.5)).toThrow(RangeError);
  });

  it('writes the RFC 4235 namespace and escapes what it writes', () => {
    const xml = buildDialogInfoXml(info({ entity: 'sip:a&b<c>"@x' }));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<dialog-info ')).toBe(true);
    expect(strictParse(xml).documentElement?.namespaceURI).toBe('urn:ietf:params:xml:ns:dialog-info');
    expect(parseDialogInfo(xml, strictParse).entity).toBe('sip:a&b<c>"@x');
  });

  it('reads a document written by another notifier (RFC 4235 §4.2 example shape, prefixes and extra elements)', () => {
    const xml = `<?xml version="1.0"?>
      <d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" xmlns:x="urn:example" version="7" state="full" entity="sip:alice@example.com">
        <x:note>ignored</x:note>
        <d:dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="initiator">
          <d:state event="replaced">confirmed</d:state>
          <d:duration>274</d:duration>
        </d:dialog>
      </d:dialog-info>`;
    const parsed = parseDialogInfo(xml, strictParse);
    expect(parsed).toEqual({ version: 7, state: 'full', entity: 'sip:alice@example.com', offline: false, dialogs: [{ id: 'as7d900as8', state: 'confirmed', direction: 'initiator' }] });
  });

  it.each([
    ['not XML', 'dialog-info version="1"'],
    ['a broken document', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"><dialog></dialog-info>'],
    ['another root', '<presence xmlns="urn:ietf:params:xml:ns:pidf"/>'],
    ['the right name in no namespace', '<dialog-info version="1" state="full"/>'],
    ['no version', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" state="full"/>'],
    ['a negative version', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="-1" state="full"/>'],
    ['a bad state attribute', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="some"/>'],
    ['a dialog without id', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"><dialog><state>early</state></dialog></dialog-info>'],
    ['a dialog with an unknown state', '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="1" state="full"><dialog id="a"><state>dancing</state></dialog></dialog-info>'],
  ])('refuses %s with a DialogInfoError', (_name, xml) => {
    expect(() => parseDialogInfo(xml, strictParse)).toThrow(DialogInfoError);
  });
});

describe('the lamp of a monitored extension', () => {
  const dialog = (state: 'trying' | 'early' | 'confirmed' | 'terminated', direction: 'initiator' | 'recipient' | null) => ({ id: `${state}-${direction}`, state, direction });

  it.each([
    ['no dialogs, registered', [], false, 'idle'],
    ['no dialogs, no registered contact', [], true, 'offline'],
    ['only terminated dialogs', [dialog('terminated', 'recipient')], false, 'idle'],
    ['a call ringing it', [dialog('early', 'recipient')], false, 'ringing'],
    ['a call being offered to it', [dialog('trying', 'recipient')], false, 'ringing'],
    ['an early dialog of unknown direction', [dialog('early', null)], false, 'ringing'],
    ['a call it is placing', [dialog('early', 'initiator')], false, 'busy'],
    ['a confirmed call', [dialog('confirmed', 'recipient')], false, 'busy'],
    ['a confirmed call and a second one ringing', [dialog('confirmed', 'initiator'), dialog('early', 'recipient')], false, 'busy'],
    ['a call while its registration lapsed', [dialog('confirmed', 'recipient')], true, 'busy'],
  ] as const)('%s → %s', (_name, dialogs, offline, expected) => {
    expect(blfStateOf({ dialogs, offline })).toBe(expected);
  });
});
