/** The connection address of an `a=candidate` line (RFC 8839 §5.1: foundation component transport priority address port typ ...). */
export function candidateAddress(line: string): string | null {
  const match = /^a=candidate:\S+\s+\d+\s+\S+\s+\d+\s+(\S+)\s+\d+\s+typ\s/i.exec(line);
  return match ? (match[1] ?? null) : null;
}

const sdpLines = (sdp: string) => sdp.split(/\r?\n/).filter((line) => line !== '');

/**
 * Keeps only the ICE candidates on `address` (the PBX's own address). werift advertises a host candidate for every
 * interface it found, and with `iceInterfaceAddresses` set it binds them all to that one address, so the others would
 * name addresses nothing listens on.
 *
 * The answer is filtered line by line rather than parsed and written again (sdp-transform): every other line goes out
 * as werift wrote it, in werift's order, including the candidate fields sdp-transform does not model (`ufrag`).
 */
export function keepCandidatesOn(sdp: string, address: string): string {
  const keep = (line: string) => {
    const candidate = candidateAddress(line);
    return candidate === null ? !line.startsWith('a=candidate:') : candidate === address;
  };
  return `${sdpLines(sdp).filter(keep).join('\r\n')}\r\n`;
}

/** The candidate addresses an SDP advertises, in order (RFC 8839 §5.1: candidates are media-level attributes). */
export function listCandidateAddresses(sdp: string): string[] {
  return sdpLines(sdp)
    .map(candidateAddress)
    .filter((address): address is string => address !== null);
}
