import { isIPv6 } from 'node:net';
import { type RTCPeerConnectionConfig, RTCRtpCodecParameters } from 'werift';
import { PCMU_PAYLOAD_TYPE } from './offerSdp';

/** Payload type werift uses for telephone-event when it makes an offer itself; an answer uses the caller's. */
const DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE = 101;

/** PCMU/8000 and telephone-event/8000 (RFC 4733): werift drops RTP whose codec it was not given, DTMF included. */
function endpointCodecs(telephoneEventPayloadType = DEFAULT_TELEPHONE_EVENT_PAYLOAD_TYPE): RTCRtpCodecParameters[] {
  return [
    new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: PCMU_PAYLOAD_TYPE }),
    new RTCRtpCodecParameters({
      mimeType: 'audio/telephone-event',
      clockRate: 8000,
      payloadType: telephoneEventPayloadType,
      parameters: '0-16',
    }),
  ];
}

export interface PeerConfigOptions {
  /** The one address ICE binds to and advertises (the PBX's). */
  bindAddress: string;
  /** UDP port range for ICE sockets (werift requires min < max). */
  portRange?: [number, number];
}

/**
 * werift configuration for a PBX-side peer. werift 0.24.4 by default gathers on every interface (IPv4 and IPv6) and
 * asks stun.l.google.com; here it gathers exactly one host candidate: no interface scan (iceUseIpv4/6 false), the bind
 * address added explicitly (iceAdditionalHostAddresses, which also admits loopback) and the socket bound to it
 * (iceInterfaceAddresses), no STUN/TURN.
 */
export function pbxPeerConfig({ bindAddress, portRange }: PeerConfigOptions): RTCPeerConnectionConfig {
  if (bindAddress === '' || bindAddress === '0.0.0.0' || bindAddress === '::') {
    throw new RangeError('bindAddress must be one concrete address, not a wildcard');
  }
  return {
    codecs: { audio: endpointCodecs(), video: [] },
    headerExtensions: { audio: [], video: [] },
    iceServers: [],
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [bindAddress],
    iceInterfaceAddresses: isIPv6(bindAddress) ? { udp6: bindAddress } : { udp4: bindAddress },
    icePortRange: portRange,
    bundlePolicy: 'max-bundle',
  };
}
