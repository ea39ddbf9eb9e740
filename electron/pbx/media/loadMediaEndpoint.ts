import type * as MediaEndpointModule from './mediaEndpoint';

let loading: Promise<typeof MediaEndpointModule> | null = null;

/**
 * The media endpoint with werift, which takes most of a second to load. The PBX starts without it (the kiosk's idle
 * screen should not wait for it) and loads it on the first answered call, or when warmUp() is called once idle.
 */
export function loadMediaEndpoint(): Promise<typeof MediaEndpointModule> {
  return (loading ??= import('./mediaEndpoint'));
}
