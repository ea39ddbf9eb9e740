import {
  type SdpSections,
  formatMediaLine,
  joinSdp,
  parseMediaLine,
  removePayloadTypes,
  rtpMaps,
  splitSdp,
} from './sdpLines';

/** An offer the media endpoint cannot answer; the signalling layer answers 488 Not Acceptable Here. */
export class UnsupportedOfferError extends Error {
  override readonly name = 'UnsupportedOfferError';
}

/** RFC 3551 static payload type of PCMU. */
export const PCMU_PAYLOAD_TYPE = 0;

function isTelephoneEvent(encoding: string): boolean {
  return encoding.toLowerCase() === 'telephone-event';
}

function stripSection(section: readonly string[], clockRate: number): string[] {
  const foreign = rtpMaps(section)
    .filter((map) => isTelephoneEvent(map.encoding) && map.clockRate !== clockRate)
    .map((map) => map.payloadType);
  return foreign.length === 0 ? [...section] : removePayloadTypes(section, new Set(foreign));
}

/**
 * Removes `telephone-event` payload types whose clock rate is not `clockRate` from every audio section. werift matches
 * codecs by MIME type only, so Chromium's telephone-event/48000 (offered for Opus) would otherwise be negotiated
 * beside PCMU/8000 and DTMF sent on it would carry timestamps at the wrong rate (RFC 4733 §2.1: the event clock rate
 * is the audio codec's).
 */
export function stripForeignRateTelephoneEvents(sdp: string, clockRate = 8000): string {
  const parsed = splitSdp(sdp);
  return joinSdp({
    session: parsed.session,
    media: parsed.media.map((section) => (parseMediaLine(section[0] ?? '').kind === 'audio' ? stripSection(section, clockRate) : section)),
  });
}

export interface PreparedOffer {
  /** The offer as werift should see it. */
  sdp: string;
  /** The payload type the caller uses for RFC 4733 events at 8000 Hz, or null when it offered none (SIP INFO only). */
  telephoneEventPayloadType: number | null;
}

/**
 * Makes a browser's offer fit the endpoint (PCMU/8000 + telephone-event/8000 only): refuses offers it cannot answer,
 * strips telephone-event at other clock rates and lists PCMU first so werift sends PCMU (it sends on the first
 * negotiated codec). Throws UnsupportedOfferError with the reason.
 */
export function prepareOffer(sdp: string): PreparedOffer {
  const parsed: SdpSections = splitSdp(sdp);
  if (!parsed.session.some((line) => line.startsWith('v='))) throw new UnsupportedOfferError('not a session description (no v= line)');
  const active = parsed.media.filter((section) => parseMediaLine(section[0] ?? '').port !== 0);
  const other = active.find((section) => parseMediaLine(section[0] ?? '').kind !== 'audio');
  if (other) throw new UnsupportedOfferError(`only audio is supported, the offer has ${parseMediaLine(other[0] ?? '').kind}`);
  if (active.length !== 1 || parsed.media.length !== 1) throw new UnsupportedOfferError('the offer must have exactly one audio section');
  let section = stripSection(parsed.media[0] ?? [], 8000);
  const media = parseMediaLine(section[0] ?? '');
  if (!/^(UDP\/TLS\/RTP\/SAVPF|UDP\/TLS\/RTP\/SAVP)$/i.test(media.protocol)) {
    throw new UnsupportedOfferError(`media must be DTLS-SRTP (UDP/TLS/RTP/SAVPF), the offer has ${media.protocol}`);
  }
  const pcmu = String(PCMU_PAYLOAD_TYPE);
  const maps = rtpMaps(section);
  const hasPcmu = media.formats.includes(pcmu) || maps.some((map) => map.encoding.toUpperCase() === 'PCMU' && map.clockRate === 8000);
  if (!hasPcmu) throw new UnsupportedOfferError('the offer has no PCMU/8000 audio');
  // Static payload type 0 may come without an rtpmap (RFC 3551 §6); werift needs one to recognise it.
  if (media.formats.includes(pcmu) && !maps.some((map) => map.payloadType === pcmu)) {
    section = [section[0] ?? '', `a=rtpmap:${pcmu} PCMU/8000`, ...section.slice(1)];
  }
  const pcmuTypes = rtpMaps(section).filter((map) => map.encoding.toUpperCase() === 'PCMU' && map.clockRate === 8000).map((map) => map.payloadType);
  const reordered = { ...media, formats: [...pcmuTypes, ...media.formats.filter((format) => !pcmuTypes.includes(format))] };
  section = [formatMediaLine(reordered), ...section.slice(1)];
  const telephoneEvent = rtpMaps(section).find((map) => isTelephoneEvent(map.encoding));
  return {
    sdp: joinSdp({ session: parsed.session, media: [section] }),
    telephoneEventPayloadType: telephoneEvent ? Number(telephoneEvent.payloadType) : null,
  };
}
