import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { DIALOG_INFO_NS, type DialogInfo, HOTDESK_DIALOG_INFO_NS, OFFLINE_ELEMENT } from '../../../../../shared/sip/dialogInfo';

const implementation = new DOMImplementation();
const serializer = new XMLSerializer();
/** Stands in for the version while the document is serialised; the root's first attribute, so found first. */
const VERSION_MARK = 'version="VERSION"';

/** A dialog-info document without its version: the same state for every watcher, numbered per subscription. */
export type DialogInfoTemplate = (version: number) => string;

/** Writes a dialog-info document (RFC 4235 §4.1) with an XML DOM, so every value is escaped by the serializer. */
export function buildDialogInfoXml(info: DialogInfo): string {
  return buildDialogInfoTemplate(info)(info.version);
}

/**
 * Serialises the document once; each watcher's NOTIFY only puts its own `version` in (RFC 4235 §4.1 counts versions
 * per subscription). A fan-out to many watchers of one extension thus builds its XML once per change.
 */
export function buildDialogInfoTemplate(info: Omit<DialogInfo, 'version'>): DialogInfoTemplate {
  const document = implementation.createDocument(DIALOG_INFO_NS, 'dialog-info', null);
  const root = document.documentElement as Element;
  root.setAttribute('version', 'VERSION');
  root.setAttribute('state', info.state);
  root.setAttribute('entity', info.entity);
  for (const dialog of info.dialogs) {
    const element = document.createElementNS(DIALOG_INFO_NS, 'dialog');
    element.setAttribute('id', dialog.id);
    if (dialog.direction) element.setAttribute('direction', dialog.direction);
    const state = document.createElementNS(DIALOG_INFO_NS, 'state');
    state.appendChild(document.createTextNode(dialog.state));
    element.appendChild(state);
    root.appendChild(element);
  }
  if (info.offline) {
    root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:hd', HOTDESK_DIALOG_INFO_NS);
    root.appendChild(document.createElementNS(HOTDESK_DIALOG_INFO_NS, `hd:${OFFLINE_ELEMENT}`));
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(document)}`;
  const at = xml.indexOf(VERSION_MARK);
  if (at < 0) throw new Error('dialog-info: the serializer dropped the version attribute');
  const before = `${xml.slice(0, at)}version="`;
  const after = `"${xml.slice(at + VERSION_MARK.length)}`;
  return (version) => {
    if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`dialog-info version must be a whole number ≥ 0, got ${version}`);
    return `${before}${version}${after}`;
  };
}
