import { AFTER_START_DELAY_MS } from '../../common';
import { loadMediaEndpoint } from '../media';

/** Loads the WebRTC stack once the device is up, so the first call does not wait for it. */
export function warmUpMediaLater(delayMs = AFTER_START_DELAY_MS): void {
  setTimeout(() => void loadMediaEndpoint().catch((error: unknown) => console.error('media stack failed to load:', error)), delayMs).unref();
}
