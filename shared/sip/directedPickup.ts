/**
 * Directed pickup on the embedded PBX: a phone dials the pickup code and the extension (`*20*102`); the PBX answers
 * that INVITE `480 Picking up the call` and at once offers the ringing call itself to the picker's phones, as one more
 * branch of the caller's INVITE, carrying `Call-Info: <sip:…>;answer-after=0` — the de facto auto-answer convention of
 * desk phones (Polycom, Yealink, Snom). A phone auto-answers it only right after it dialled a pickup itself, so the
 * header alone never opens a microphone. README, "BLF keys".
 */
export const PICKUP_STARTED_REASON = 'Picking up the call';
export const AUTO_ANSWER_PARAM = 'answer-after';
/** How long after dialling a pickup a phone accepts the auto-answer offer. */
export const PICKUP_WINDOW_MS = 10_000;
