import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIAL_CODES } from '../../../shared/domain/dialCodes';
import { openPromptLibrary } from '../../../electron/pbx/media/promptSet';
import { DUMMY_OFFER, RawSipClient } from '../support/rawSipClient';
import type { TestPbx } from '../support/pbxServer';
import type { DeskPhone } from './support/deskPhone';
import { startDeskPhone, startHotDeskPbx } from './support/hotDeskRig';
import { firstAudioIs } from './support/promptAudio';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets');
const DEFAULT_PROMPTS_DIR = path.join(ASSETS, 'prompts');
const DEFAULT_LICENCE_DIR = path.join(ASSETS, 'licence');

const servers: TestPbx[] = [];
const phones: DeskPhone[] = [];

async function pbx(options: Parameters<typeof startHotDeskPbx>[0] = {}): Promise<TestPbx> {
  const server = await startHotDeskPbx(options);
  servers.push(server);
  return server;
}

async function desk(server: TestPbx, device = 'HD0001'): Promise<DeskPhone> {
  const phone = await startDeskPhone(server, device);
  phones.push(phone);
  return phone;
}

function tempCopy(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'hotdesk-assets-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

afterAll(async () => {
  await Promise.all(phones.splice(0).map((phone) => phone.close()));
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

describe('hot-desk logins the PBX refuses, and the seed\'s "file not found"', () => {
  let server: TestPbx;
  beforeAll(async () => {
    server = await pbx();
  });

  it('refuses the login call 403 naming a dial code that starts with *7 (a hand-edited data file); logout still works', async () => {
    await server.pbx.hotDesk.store.dialCodes.update(() => ({ next: { ...DEFAULT_DIAL_CODES, voicemail: '*70' }, result: undefined }));
    try {
      const phone = await desk(server);
      const login = await phone.dial('*77*100*');
      expect([login.status, login.response.reason]).toEqual([403, 'Dial code *70 clashes with hot-desk login']);
      const logout = await phone.dial('*77*5*');
      expect(logout.status).toBe(200);
      expect(await logout.nextCaption()).toBe('Not logged in');
    } finally {
      await server.pbx.hotDesk.store.dialCodes.update(() => ({ next: { ...DEFAULT_DIAL_CODES }, result: undefined }));
    }
  });

  it('answers hot-desk codes only from hot-desking phones (403 to a plain softphone of a user who is logged in nowhere)', async () => {
    const softphone = await RawSipClient.connect(server.wsUrl);
    try {
      expect(await softphone.register('103', 'sip-103')).toBe(200);
      const cseq = softphone.nextCSeq();
      softphone.send(softphone.request('INVITE', 'sip:*77*5*@hotdesk.local', { from: 'sip:103@hotdesk.local', cseq, headers: ['Content-Type: application/sdp'], body: DUMMY_OFFER }));
      const response = await softphone.response(cseq, 'INVITE');
      expect([response.status, response.reason]).toEqual([403, 'Hot-desk codes work only on a hot-desking phone']);
    } finally {
      softphone.close();
    }
  });

  it('plays the real prompt from an up-to-date prompt set', async () => {
    const phone = await desk(server, 'HD0002');
    const call = await phone.dial('*77*100*');
    expect(await call.nextCaption()).toBe('Enter your PIN, then press #');
    const library = openPromptLibrary(DEFAULT_PROMPTS_DIR);
    expect(await firstAudioIs(call, library.resolvePrompt('enter-pin').pcm)).toBe(true);
    expect(await firstAudioIs(call, library.resolvePrompt('file-not-found').pcm)).toBe(false);
  });

  it('without a PRO or Enterprise licence the IVR says so, shows it, and hangs up', async () => {
    const licenceDir = mkdtempSync(path.join(tmpdir(), 'hotdesk-licence-'));
    cpSync(path.join(DEFAULT_LICENCE_DIR, 'public-key.pem'), path.join(licenceDir, 'public-key.pem')); // no built-in demo licence
    const unlicensed = await pbx({ licenceDir });
    expect(unlicensed.pbx.hotDesk.licence.status().hotDesking).toBe(false);
    const call = await (await desk(unlicensed)).dial('*77*100*');
    expect(call.status).toBe(200);
    expect(await call.nextCaption()).toBe('Hot desking needs a PRO or Enterprise licence');
    await call.ended();
    expect(call.captions).toEqual(['Hot desking needs a PRO or Enterprise licence']);
    expect(unlicensed.pbx.logins.sessionOf('HD0001')).toBeNull();
  });

  it('plays "file not found" in place of every prompt while the installed prompt set is older than required', async () => {
    const promptsDir = tempCopy(DEFAULT_PROMPTS_DIR);
    const manifest = JSON.parse(readFileSync(path.join(promptsDir, 'manifest.json'), 'utf8')) as { version: number };
    writeFileSync(path.join(promptsDir, 'manifest.json'), JSON.stringify({ ...manifest, version: manifest.version - 1 }));
    const outdated = await pbx({ promptsDir });
    const call = await (await desk(outdated)).dial('*77*100*');
    expect(await call.nextCaption()).toBe('Enter your PIN, then press #'); // the display still says what to do
    expect(await firstAudioIs(call, openPromptLibrary(promptsDir).get('file-not-found')?.pcm ?? new Int16Array(0))).toBe(true);
  });

  it('plays "file not found" in place of a prompt whose file is missing', async () => {
    const promptsDir = tempCopy(DEFAULT_PROMPTS_DIR);
    rmSync(path.join(promptsDir, 'en', 'enter-pin.wav'));
    const broken = await pbx({ promptsDir });
    const call = await (await desk(broken)).dial('*77*100*');
    expect(await call.nextCaption()).toBe('Enter your PIN, then press #');
    expect(await firstAudioIs(call, openPromptLibrary(promptsDir).get('file-not-found')?.pcm ?? new Int16Array(0))).toBe(true);
  });
});
