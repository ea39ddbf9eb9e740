import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ValidatedSettingsStore } from '../../../electron/host/settings/settingsStore';
import { createMainWindow } from '../../../electron/main/window';
import { FakeBrowserWindow } from './support/fakeElectron';

vi.mock('electron', () => import('./support/fakeElectron'));

function open(kiosk: boolean) {
  const settings = new ValidatedSettingsStore({ path: 'mem', store: { kiosk } });
  createMainWindow({ origin: 'http://127.0.0.1:5170', preloadPath: '/app/preload.cjs', settings, bridge: { attach: vi.fn() } });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return { contents: window.webContents, settings };
}

/** Sends a key press through before-input-event as Electron does; true when the window swallowed it. */
function swallowed(contents: FakeBrowserWindow['webContents'], key: string, modifiers: { control?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit('before-input-event', event, { type: 'keyDown', key, control: false, shift: false, alt: false, meta: false, ...modifiers });
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  FakeBrowserWindow.instances = [];
});

describe('the kiosk window', () => {
  it('swallows reload, developer tools, navigation and zoom shortcuts in kiosk mode, and lets the phone keys through', () => {
    const { contents } = open(true);
    expect(swallowed(contents, 'F5')).toBe(true);
    expect(swallowed(contents, 'r', { control: true })).toBe(true);
    expect(swallowed(contents, 'I', { control: true, shift: true })).toBe(true);
    expect(swallowed(contents, 'i', { meta: true, alt: true })).toBe(true);
    expect(swallowed(contents, 'ArrowLeft', { alt: true })).toBe(true);
    expect(swallowed(contents, '=', { control: true })).toBe(true);
    expect(swallowed(contents, 'F4', { alt: true })).toBe(true);
    expect(swallowed(contents, '5')).toBe(false);
    expect(swallowed(contents, 'Enter')).toBe(false);
    expect(swallowed(contents, 'v', { control: true })).toBe(false);
    // Key releases are not shortcuts.
    const release = { preventDefault: vi.fn() };
    contents.emit('before-input-event', release, { type: 'keyUp', key: 'F5', control: false, shift: false, alt: false, meta: false });
    expect(release.preventDefault).not.toHaveBeenCalled();
  });

  it('follows kiosk mode as it changes: an ordinary window keeps its shortcuts and developer tools', () => {
    const { contents, settings } = open(false);
    expect(swallowed(contents, 'F5')).toBe(false);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).not.toHaveBeenCalled();
    settings.update({ kiosk: true });
    expect(swallowed(contents, 'F5')).toBe(true);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('never zooms the kiosk: pinch zoom is off and a zoom change is undone', () => {
    const { contents } = open(true);
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    contents.emit('zoom-changed', {}, 'in');
    expect(contents.setZoomLevel).toHaveBeenCalledWith(0);
  });
});
