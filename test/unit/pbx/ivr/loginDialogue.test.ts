import { describe, expect, it, vi } from 'vitest';
import type { LoginOutcome } from '../../../../electron/pbx/core/hotdesk/hotDeskLogins';
import { MediaIvrLine, toCaption } from '../../../../electron/pbx/core/ivr/ivrLine';
import { MAX_PIN_ATTEMPTS, runLoginDialogue, runLogoutDialogue } from '../../../../electron/pbx/core/ivr/loginDialogue';
import { INTER_DIGIT_TIMEOUT_MS } from '../../../../electron/pbx/core/ivr/pinEntry';
import type { PlayOutcome } from '../../../../electron/pbx/media/mediaEndpoint';
import { ManualClock } from '../../../../electron/sip/clock';

/** A media endpoint whose prompts "play" until the test finishes them (or a key aborts them). */
function fakeEndpoint() {
  let dtmf: (digit: string) => void = () => undefined;
  const playing: Array<{ finish(outcome: PlayOutcome): void }> = [];
  return {
    endpoint: {
      connected: Promise.resolve(),
      onDtmf: (listener: (digit: string) => void) => ((dtmf = listener), () => undefined),
      play: (_pcm: Int16Array, options: { signal?: AbortSignal } = {}) =>
        new Promise<PlayOutcome>((resolve) => {
          options.signal?.addEventListener('abort', () => resolve('aborted'));
          playing.push({ finish: resolve });
        }),
    },
    press: (keys: string) => [...keys].forEach((key) => dtmf(key)),
    /** Lets every prompt playing now finish. */
    finishPrompts: () => playing.splice(0).forEach((play) => play.finish('completed')),
  };
}

function fakeLogins(options: { licensed?: boolean; pins?: Record<string, string>; outcome?: LoginOutcome['kind'] } = {}) {
  const checks: string[] = [];
  const logins = {
    licensed: () => options.licensed ?? true,
    checkPin: async (_device: string, extension: string, pin: string) => {
      checks.push(`${extension}:${pin}`);
      return (options.pins ?? { '100': '482619' })[extension] === pin ? ('accepted' as const) : ('refused' as const);
    },
    login: vi.fn(async (_device: string, extension: string): Promise<LoginOutcome> =>
      options.outcome === 'denied'
        ? { kind: 'denied', extension, elsewhere: ['HD0002'] }
        : { kind: 'logged-in', extension, name: 'Alice Andrews', roamedFrom: null, loggedOutElsewhere: [] },
    ),
    logout: vi.fn(async () => true),
  };
  return { logins, checks };
}

function setUp(loginOptions: Parameters<typeof fakeLogins>[0] = {}) {
  const media = fakeEndpoint();
  const captions: string[] = [];
  const line = new MediaIvrLine({
    endpoint: media.endpoint,
    prompts: { resolvePrompt: (id) => ({ requested: id, played: id, pcm: new Int16Array(160), text: id, fallback: null }) },
    sendCaption: (text) => captions.push(text),
  });
  const clock = new ManualClock();
  const { logins, checks } = fakeLogins(loginOptions);
  return { media, captions, line, clock, logins, checks, deps: { logins, clock } };
}

const caption = (captions: string[], text: string) => vi.waitFor(() => expect(captions.at(-1)).toBe(text));

describe('the login dialogue (*77*<ext>*)', () => {
  it('asks for the PIN, checks it on #, logs in and confirms', async () => {
    const { media, captions, line, deps, logins, checks } = setUp();
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Enter your PIN, then press #');
    media.press('482619#'); // typing cuts the prompt short
    await caption(captions, 'Logged in as extension 100');
    media.finishPrompts();
    await done;
    expect(checks).toEqual(['100:482619']);
    expect(logins.login).toHaveBeenCalledWith('HD0001', '100');
  });

  it(`says "wrong PIN" and asks again, and after ${MAX_PIN_ATTEMPTS} wrong PINs says goodbye without logging in`, async () => {
    const { media, captions, line, deps, logins, checks } = setUp();
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Enter your PIN, then press #');
    media.press('111#');
    await caption(captions, 'Wrong PIN — try again');
    media.press('222#');
    await vi.waitFor(() => expect(checks).toHaveLength(2));
    media.press('333#');
    await caption(captions, 'Too many wrong PINs — goodbye');
    media.finishPrompts();
    await done;
    expect(captions).toEqual(['Enter your PIN, then press #', 'Wrong PIN — try again', 'Wrong PIN — try again', 'Too many wrong PINs — goodbye']);
    expect(logins.login).not.toHaveBeenCalled();
  });

  it('prompts again after 5 s of silence, and gives up after three silent prompts', async () => {
    const { media, captions, line, deps, clock } = setUp();
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    for (let prompt = 1; prompt <= 3; prompt += 1) {
      await vi.waitFor(() => expect(captions).toHaveLength(prompt));
      media.finishPrompts();
      await Promise.resolve();
      await vi.waitFor(() => {
        clock.advance(INTER_DIGIT_TIMEOUT_MS);
        expect(captions.length).toBeGreaterThan(prompt);
      });
    }
    media.finishPrompts();
    await done;
    expect(captions).toEqual(['Enter your PIN, then press #', 'Enter your PIN, then press #', 'Enter your PIN, then press #', 'Goodbye']);
  });

  it('keys typed while the PIN was being checked count for the next try', async () => {
    const { media, captions, line, deps, checks } = setUp();
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Enter your PIN, then press #');
    media.press('111#482619#'); // the second PIN arrives before the first one's verdict
    await caption(captions, 'Logged in as extension 100');
    media.finishPrompts();
    await done;
    expect(checks).toEqual(['100:111', '100:482619']);
  });

  it('without a PRO licence says so and collects no PIN', async () => {
    const { media, captions, line, deps, checks } = setUp({ licensed: false });
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Hot desking needs a PRO or Enterprise licence');
    media.finishPrompts();
    await done;
    expect(checks).toEqual([]);
  });

  it('says "not permitted" when the multiple-login policy refuses', async () => {
    const { media, captions, line, deps } = setUp({ outcome: 'denied' });
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Enter your PIN, then press #');
    media.press('482619#');
    await caption(captions, 'Login not permitted — you are logged in on another phone');
    media.finishPrompts();
    await done;
  });

  it('stops when the caller hangs up, and logs nobody in behind their back', async () => {
    const { media, captions, line, deps, logins } = setUp();
    const done = runLoginDialogue(line, deps, 'HD0001', '100');
    await caption(captions, 'Enter your PIN, then press #');
    media.press('482619');
    line.end();
    media.press('#');
    await done;
    expect(logins.login).not.toHaveBeenCalled();
  });
});

describe('the logout dialogue (*77*5*)', () => {
  it('logs out at once and says so', async () => {
    const { media, captions, line, deps, logins } = setUp();
    const done = runLogoutDialogue(line, deps, 'HD0001');
    await caption(captions, 'Logged out');
    expect(logins.logout).toHaveBeenCalledWith('HD0001', 'user', 'dialled the logout code');
    media.finishPrompts();
    await done;
  });

  it('says "not logged in" on an idle phone', async () => {
    const { media, captions, line, deps, logins } = setUp();
    logins.logout.mockResolvedValueOnce(false);
    const done = runLogoutDialogue(line, deps, 'HD0001');
    await caption(captions, 'Not logged in');
    media.finishPrompts();
    await done;
  });
});

describe('captions', () => {
  it('are one line of at most 200 characters', () => {
    expect(toCaption('Logged in as\r\nextension\t100 ')).toBe('Logged in as extension 100');
    expect([...toCaption('é'.repeat(300))]).toHaveLength(200);
  });
});
