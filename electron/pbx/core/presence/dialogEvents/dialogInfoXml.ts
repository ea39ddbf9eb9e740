import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom';
import { DIALOG_INFO_NS, type DialogInfo, HOTDESK_DIALOG_INFO_NS, OFFLINE_ELEMENT } from '../../../../../shared/sip/dialogInfo';

const implementation = new DOMImplementation();
const serializer = new XMLSerializer();

/** Writes a dialog-info document (RFC 4235 §4.1) with an XML DOM, so every value is escaped by the serializer. */
export function buildDialogInfoXml(info: DialogInfo): string {
  const document = implementation.createDocument(DIALOG_INFO_NS, 'dialog-info', null);
  const root = document.documentElement as Element;
  root.setAttribute('version', String(info.version));
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
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(document)}`;
}
