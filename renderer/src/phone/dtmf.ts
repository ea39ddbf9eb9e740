/** The keys a phone can send as DTMF during a call. */
export function isDtmfTone(key: string): boolean {
  return /^[0-9*#]$/.test(key);
}

export type DtmfTransport = 'RFC2833' | 'INFO';

/** The bits of an RTCPeerConnection that decide how DTMF can be sent. */
export interface DtmfCapablePeer {
  getSenders(): ReadonlyArray<{ readonly track: { readonly kind: string } | null; readonly dtmf?: { readonly canInsertDTMF: boolean } | null }>;
}

/**
 * RFC 4733 telephone-events in the audio stream when the call negotiated them and our audio sender can insert them
 * (JsSIP's 'RFC2833' transport drives the browser's RTCDTMFSender); SIP INFO (`application/dtmf-relay`) otherwise.
 * JsSIP itself does not check `canInsertDTMF`: without this check the tone would be silently lost.
 */
export function dtmfTransportFor(peer: DtmfCapablePeer | null | undefined): DtmfTransport {
  const sender = peer?.getSenders().find((candidate) => candidate.track?.kind === 'audio');
  return sender?.dtmf?.canInsertDTMF ? 'RFC2833' : 'INFO';
}

/** Tone length and gap: long enough for any IVR, short enough that a PIN keyed fast is not delayed. */
export const DTMF_DURATION_MS = 120;
export const DTMF_GAP_MS = 70;
