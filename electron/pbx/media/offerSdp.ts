import { type MediaDescription, parse, type SessionDescription, write } from 'sdp-transform';

/** An offer the media endpoint cannot answer; the signalling layer answers 488 Not Acceptable Here. */
export class UnsupportedOfferError extends Error {
  override readonly name = 'UnsupportedOfferError';
}

/** RFC 3551 static payload type of PCMU. */
export const PCMU_PAYLOAD_TYPE = 0;

const isTelephoneEvent = (codec: string) => codec.toLowerCase() === 'telephone-event';
const isPcmu = (map: { codec: string; rate?: number }) => map.codec.toUpperCase() === 'PCMU' && map.rate === 8000;

/** The formats of the m= line, in order. */
function formatsOf(media: MediaDescription): string[] {
  return String(media.payloads ?? '').split(' ').filter((format) => format !== '');
}

/** Removes payload types from a media section: from the m= line and their rtpmap, fmtp and rtcp-fb attributes. */
function withoutPayloadTypes(media: MediaDescription, dropped: ReadonlySet<string>): MediaDescription {
  const kept = (map: { payload: number | string }) => !dropped.has(String(map.payload));
  return {
    ...media,
    payloads: formatsOf(media).filter((format) => !dropped.has(format)).join(' '),
    rtp: media.rtp.filter(kept),
    fmtp: media.fmtp.filter(kept),
    ...(media.rtcpFb ? { rtcpFb: media.rtcpFb.filter(kept) } : {}),
    ...(media.rtcpFbTrrInt ? { rtcpFbTrrInt: media.rtcpFbTrrInt.filter(kept) } : {}),
  };
}

function stripSection(media: MediaDescription, clockRate: number): MediaDescription {
  const foreign = media.rtp
    .filter((map) => isTelephoneEvent(map.codec) && map.rate !== undefined && map.rate !== clockRate)
    .map((map) => String(map.payload));
  return foreign.length === 0 ? media : withoutPayloadTypes(media, new Set(foreign));
}

/**
 * Removes `telephone-event` payload types whose clock rate is not `clockRate` from every audio section. werift matches
 * codecs by MIME type only, so Chromium's telephone-event/48000 (offered for Opus) would otherwise be negotiated
 * beside PCMU/8000 and DTMF sent on it would carry timestamps at the wrong rate (RFC 4733 §2.1: the event clock rate
 * is the audio codec's).
 */
export function stripForeignRateTelephoneEvents(sdp: string, clockRate = 8000): string {
  const session = parse(sdp);
  return write({ ...session, media: session.media.map((media) => (media.type === 'audio' ? stripSection(media, clockRate) : media)) });
}

export interface PreparedOffer {
  /** The offer as werift should see it. */
  sdp: string;
  /** The payload type the caller uses for RFC 4733 events at 8000 Hz, or null when it offered none (SIP INFO only). */
  telephoneEventPayloadType: number | null;
}

/** The one audio section of an offer the endpoint can answer; throws UnsupportedOfferError with the reason. */
function audioSection(session: SessionDescription): MediaDescription {
  // parse() leaves version unset when no line is `v=`.
  if ((session as Partial<SessionDescription>).version === undefined) throw new UnsupportedOfferError('not a session description (no v= line)');
  const active = session.media.filter((media) => media.port !== 0);
  const other = active.find((media) => media.type !== 'audio');
  if (other) throw new UnsupportedOfferError(`only audio is supported, the offer has ${other.type}`);
  const [audio] = session.media;
  if (active.length !== 1 || session.media.length !== 1 || !audio) throw new UnsupportedOfferError('the offer must have exactly one audio section');
  if (!/^(UDP\/TLS\/RTP\/SAVPF|UDP\/TLS\/RTP\/SAVP)$/i.test(audio.protocol)) {
    throw new UnsupportedOfferError(`media must be DTLS-SRTP (UDP/TLS/RTP/SAVPF), the offer has ${audio.protocol}`);
  }
  return audio;
}

/**
 * Makes a browser's offer fit the endpoint (PCMU/8000 + telephone-event/8000 only): refuses offers it cannot answer,
 * strips telephone-event at other clock rates and lists PCMU first so werift sends PCMU (it sends on the first
 * negotiated codec). Throws UnsupportedOfferError with the reason.
 */
export function prepareOffer(sdp: string): PreparedOffer {
  const session = parse(sdp);
  let audio = stripSection(audioSection(session), 8000);
  const pcmu = String(PCMU_PAYLOAD_TYPE);
  const formats = formatsOf(audio);
  if (!formats.includes(pcmu) && !audio.rtp.some(isPcmu)) throw new UnsupportedOfferError('the offer has no PCMU/8000 audio');
  // Static payload type 0 may come without an rtpmap (RFC 3551 §6); werift needs one to recognise it.
  if (formats.includes(pcmu) && !audio.rtp.some((map) => String(map.payload) === pcmu)) {
    audio = { ...audio, rtp: [{ payload: PCMU_PAYLOAD_TYPE, codec: 'PCMU', rate: 8000 }, ...audio.rtp] };
  }
  const pcmuTypes = audio.rtp.filter(isPcmu).map((map) => String(map.payload));
  audio = { ...audio, payloads: [...pcmuTypes, ...formats.filter((format) => !pcmuTypes.includes(format))].join(' ') };
  const telephoneEvent = audio.rtp.find((map) => isTelephoneEvent(map.codec));
  return { sdp: write({ ...session, media: [audio] }), telephoneEventPayloadType: telephoneEvent ? Number(telephoneEvent.payload) : null };
}
