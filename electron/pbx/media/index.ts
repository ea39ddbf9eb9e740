// The media layer's entry point (docs/ARCHITECTURE.md, "Layers"): what core/ivr and core/bots use. The endpoint itself
// is reached through loadMediaEndpoint(), so that importing this file does not load werift.
export type { EndReason, MediaEndpoint, MediaEndpointOptions, PlayOptions, PlayOutcome } from './mediaEndpoint';
export { UnsupportedOfferError, stripForeignRateTelephoneEvents } from './offerSdp';
export { FALLBACK_PROMPT_ID, PROMPT_SET_VERSION, PROMPT_TEXTS, REQUIRED_PROMPT_IDS, digitPromptIds } from './promptCatalog';
export { PromptSetError, type PromptManifest } from './promptManifest';
export {
  checkPromptSet,
  loadPromptSet,
  openPromptLibrary,
  type PromptAudio,
  type PromptLibrary,
  type PromptSet,
  type PromptSetCheck,
  type ResolvedPrompt,
} from './promptSet';
export type { BotEndpoint, Caption, MediaBot, PromptSource } from './bots/mediaBot';
export { createReceptionBot } from './bots/receptionBot';
export { createEchoBot } from './bots/echoBot';
export { createEmergencyOperatorBot } from './bots/emergencyOperatorBot';
export { loadMediaEndpoint } from './loadMediaEndpoint';
