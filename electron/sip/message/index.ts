// The PBX message layer: SIP message model, parser, serialiser and the responses this layer answers with.
export type { SipHeader, HeaderBag, SipRequest, SipResponse, SipMessage } from './sipMessage';
export {
  SIP_VERSION,
  getHeader,
  getHeaders,
  getHeaderLines,
  hasHeader,
  setHeader,
  addHeader,
  prependHeader,
  removeHeader,
  getBodyText,
  setBody,
} from './sipMessage';
export { headerKey, canonicalHeaderName, isListHeader } from './headerNames';
export { splitHeaderList } from './splitList';

export type { Uri, SipUri, TelUri, AbsoluteUri, UriParam, UriHeader } from './uri';
export { parseUri, serializeUri, getUriParam } from './uri';
export { parseSipUri, serializeSipUri } from './sipUri';
export { parseTelUri, serializeTelUri } from './telUri';
export { urisEqual } from './uriCompare';
export { unescapeUriComponent, normalizeEscapes, escapeUriUser } from './escapes';
export type { HostKind } from './host';
export { hostKind, hostsEqual, parseIPv6 } from './host';

export type { Param } from './params';
export { findParam, getParam, hasParam, setParam, serializeParams } from './params';
export { quoteString, unquoteString } from './quoting';
export type { NameAddr, NameAddrOptions } from './nameAddr';
export { parseNameAddr, parseNameAddrList, serializeNameAddr } from './nameAddr';
export type { Via } from './via';
export { parseVia, parseViaList, serializeVia, BRANCH_MAGIC_COOKIE } from './via';
export type { CSeq } from './cseq';
export { parseCSeq, CSEQ_MAX } from './cseq';
export type { ContactList } from './contact';
export { parseContactValue, getContactExpires, getContactQ } from './contact';
export type { MediaType } from './contentType';
export { parseMediaType, mediaTypeEssence } from './contentType';
export type { BodyPart } from './multipart';
export { buildMultipart, parseMultipart, bodyParts, findBodyPart, findBodyPartById } from './multipart';
export { parseMaxForwards, parseContentLength, parseDeltaSeconds, isValidCallId } from './scalars';
export { parseSipDate, formatSipDate } from './sipDate';
export {
  getFrom,
  getTo,
  getFromTag,
  getToTag,
  getCallId,
  getCSeq,
  getMaxForwards,
  getContentLength,
  getExpires,
  getMinExpires,
  getDate,
  getContentType,
  getVias,
  getTopVia,
  getContacts,
  getRoutes,
  getRecordRoutes,
  getOptionTags,
  getEventPackage,
} from './headerAccessors';

export type { ParseResult, ParseError, ParseErrorStatus, ParseOptions, PartialRequest } from './parseResult';
export { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_HEADERS } from './parseResult';
export { parseSipMessage } from './parse';
export { serializeSipMessage, serializeSipMessageBytes } from './serialize';
export type { BuildResponseOptions, ErrorResponseOptions } from './responses';
export { buildResponse, buildErrorResponse } from './responses';
export { reasonPhrase } from './reasonPhrases';
export type { EventHeader } from './eventHeader';
export { getEventHeader, eventParam } from './eventHeader';
export type { ReplacesHeader } from './replacesHeader';
export { getReplacesHeader } from './replacesHeader';
