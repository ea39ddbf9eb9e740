// The media layer's entry point (docs/ARCHITECTURE.md, "Layers"): what core/bots, core/ivr and the composition root use. The
// endpoint itself is reached through loadMediaEndpoint(), so that importing this file does not load werift.
export type { MediaEndpoint } from './mediaEndpoint';
export { UnsupportedOfferError } from './offerSdp';
export { digitPromptIds, PROMPT_SET_VERSION } from './promptCatalog';
export { openPromptLibrary, type PromptLibrary } from './promptSet';
export { PromptInstallation, type PromptSetState, type PromptSetStatus, PromptUpdateError } from './promptInstallation';
export type { MediaBot, PromptSource } from './bots/mediaBot';
export { createReceptionBot } from './bots/receptionBot';
export { createEchoBot } from './bots/echoBot';
export { createEmergencyOperatorBot } from './bots/emergencyOperatorBot';
export { synthesizeSpeech } from './speech';
export { loadMediaEndpoint } from './loadMediaEndpoint';
