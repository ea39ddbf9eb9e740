/** PCMU at 8000 Hz in 20 ms frames (RFC 3551 §4.5.14 default packetisation). */
export const SAMPLE_RATE = 8000;
export const FRAME_MS = 20;
export const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;

/** Sends one 20 ms frame as PCMU; `continuous` when it follows the previous frame of the same audio without a pause. */
export type SendFrame = (frame: Int16Array, continuous: boolean) => Promise<void>;
