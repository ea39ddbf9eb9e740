import { DOMParser } from '@xmldom/xmldom';

/** Parses XML with @xmldom/xmldom, throwing on any error (its default only logs and returns what it could read). */
export function strictXmlParse(xml: string): Document {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, 'application/xml');
}
