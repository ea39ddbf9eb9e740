import { joinSdp, splitSdp } from './sdpLines';

/** The connection address of an `a=candidate` line (RFC 8839 §5.1: foundation component transport priority address port typ ...). */
export function candidateAddress(line: string): string | null {
  const match = /^a=candidate:\S+\s+\d+\s+\S+\s+\d+\s+(\S+)\s+\d+\s+typ\s/i.exec(line);
  return match ? (match[1] ?? null) : null;
}

/**
 * Keeps only the ICE candidates on `address` (the PBX's own address). werift advertises a host candidate for every
 * interface it found, and with `iceInterfaceAddresses` set it binds them all to that one address, so the others would
 * name addresses nothing listens on.
 */
export function keepCandidatesOn(sdp: string, address: string): string {
  const parsed = splitSdp(sdp);
  const keep = (line: string) => {
    const candidate = candidateAddress(line);
    return candidate === null ? !line.startsWith('a=candidate:') : candidate === address;
  };
  return joinSdp({ session: parsed.session.filter(keep), media: parsed.media.map((section) => section.filter(keep)) });
}

/** The candidate addresses an SDP advertises, in order. */
export function listCandidateAddresses(sdp: string): string[] {
  return splitSdp(sdp)
    .media.flat()
    .map(candidateAddress)
    .filter((address): address is string => address !== null);
}
