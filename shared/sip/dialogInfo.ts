import type { BlfState } from '../domain/blfLayout';

/** The SIP event package for dialog state (RFC 4235) and its document type. */
export const DIALOG_EVENT = 'dialog';
export const DIALOG_INFO_TYPE = 'application/dialog-info+xml';
export const DIALOG_INFO_NS = 'urn:ietf:params:xml:ns:dialog-info';
/**
 * Hotdesk's extension namespace inside dialog-info (RFC 4235 §4.1 lets any other namespace appear in the root):
 * an `<hd:offline/>` child says the monitored extension has no registered contact. A watcher that does not know the
 * namespace ignores it and reads "no dialogs" as idle. See the README, "BLF keys".
 */
export const HOTDESK_DIALOG_INFO_NS = 'urn:hotdesk:params:xml:ns:dialog-info-ext';
export const OFFLINE_ELEMENT = 'offline';

export type DialogStateValue = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
export type DialogDirection = 'initiator' | 'recipient';

export interface DialogInfoDialog {
  readonly id: string;
  readonly state: DialogStateValue;
  readonly direction: DialogDirection | null;
}

/** One dialog-info document (RFC 4235 §4.1). */
export interface DialogInfo {
  readonly version: number;
  readonly state: 'full' | 'partial';
  readonly entity: string;
  readonly dialogs: readonly DialogInfoDialog[];
  /** The entity has no registered contact (Hotdesk's extension element, above). */
  readonly offline: boolean;
}

/** The few DOM members the reader uses: the browser's DOMParser and @xmldom/xmldom both provide them. */
export interface XmlNodeLike {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNodeLike>;
  getAttribute?(name: string): string | null;
}
export interface XmlDocumentLike {
  readonly documentElement: XmlNodeLike | null;
  getElementsByTagName(name: string): ArrayLike<unknown>;
}
export type XmlParse = (xml: string) => XmlDocumentLike;

const ELEMENT_NODE = 1;
const DIALOG_STATES: readonly string[] = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];

export class DialogInfoError extends Error {}

/** Reads a dialog-info document with a real XML parser; throws DialogInfoError when it is not one. */
export function parseDialogInfo(xml: string, parse: XmlParse): DialogInfo {
  let document: XmlDocumentLike;
  try {
    document = parse(xml);
  } catch (error) {
    throw new DialogInfoError(`Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (document.getElementsByTagName('parsererror').length > 0) throw new DialogInfoError('Not well-formed XML');
  const root = document.documentElement;
  if (!root || root.localName !== 'dialog-info' || root.namespaceURI !== DIALOG_INFO_NS) {
    throw new DialogInfoError('The root element is not a dialog-info of RFC 4235');
  }
  const versionText = attribute(root, 'version');
  const version = versionText === null || !/^[0-9]+$/.test(versionText) ? Number.NaN : Number(versionText);
  if (!Number.isSafeInteger(version)) throw new DialogInfoError('dialog-info needs a version (a non-negative integer)');
  const state = attribute(root, 'state');
  if (state !== 'full' && state !== 'partial') throw new DialogInfoError('dialog-info state must be full or partial');
  const children = elements(root);
  return {
    version,
    state,
    entity: attribute(root, 'entity') ?? '',
    dialogs: children.filter((child) => isElement(child, DIALOG_INFO_NS, 'dialog')).map(readDialog),
    offline: children.some((child) => isElement(child, HOTDESK_DIALOG_INFO_NS, OFFLINE_ELEMENT)),
  };
}

function readDialog(element: XmlNodeLike): DialogInfoDialog {
  const id = attribute(element, 'id');
  if (!id) throw new DialogInfoError('A dialog needs an id');
  const stateElement = elements(element).find((child) => isElement(child, DIALOG_INFO_NS, 'state'));
  const state = stateElement?.textContent?.trim() ?? '';
  if (!DIALOG_STATES.includes(state)) throw new DialogInfoError(`Dialog ${id} has no valid state`);
  const direction = attribute(element, 'direction');
  return { id, state: state as DialogStateValue, direction: direction === 'initiator' || direction === 'recipient' ? direction : null };
}

/**
 * The lamp of a monitored extension from its full dialog state: any confirmed dialog, or a call it is placing, is
 * busy; a call ringing it (an early dialog it receives) is ringing; no live dialog is idle, or offline when the PBX
 * says it has no registered contact.
 */
export function blfStateOf(info: Pick<DialogInfo, 'dialogs' | 'offline'>): BlfState {
  const live = info.dialogs.filter((dialog) => dialog.state !== 'terminated');
  if (live.some((dialog) => dialog.state === 'confirmed' || dialog.direction === 'initiator')) return 'busy';
  if (live.length > 0) return 'ringing';
  return info.offline ? 'offline' : 'idle';
}

function attribute(element: XmlNodeLike, name: string): string | null {
  const value = element.getAttribute?.(name);
  return value === undefined || value === null || value === '' ? null : value;
}

function elements(parent: XmlNodeLike): XmlNodeLike[] {
  return Array.from(parent.childNodes).filter((node) => node.nodeType === ELEMENT_NODE);
}

function isElement(node: XmlNodeLike, namespace: string, localName: string): boolean {
  return node.localName === localName && node.namespaceURI === namespace;
}
