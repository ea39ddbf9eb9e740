import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsolePromptSet } from '../../../shared/contracts';
import { syncDirectory } from '../../common';
import { PROMPT_SET_VERSION, REQUIRED_PROMPT_IDS } from './promptCatalog';
import { PromptSetError, readPromptManifest } from './promptManifest';
import { checkPromptSet, loadPromptSet, openPromptLibrary, type PromptAudio, type PromptLibrary, type PromptSetCheck, type ResolvedPrompt } from './promptSet';

/** The installed prompt set against what this PBX requires, as the console shows it. */
export type PromptSetStatus = ConsolePromptSet;
export type PromptSetState = PromptSetStatus['state'];

export interface PromptInstallationOptions {
  /** The set shipped with the PBX (`assets/prompts`), read-only (it may sit inside the app's archive). */
  bundledDir: string;
  /** Where an installed set lives (`<pbx data dir>/prompts`); while it does not exist the bundled set plays. */
  installedDir: string;
  requiredVersion?: number;
  requiredIds?: readonly string[];
}

/** Why Update could not install the set; the message is for the administrator. */
export class PromptUpdateError extends Error {
  override readonly name = 'PromptUpdateError';
}

const STAGING = '.new-';
const REPLACED = '.old-';

/**
 * The prompt set the PBX plays, and its Update: installing the set shipped with the PBX under the data dir. It is the
 * PBX's PromptLibrary: an update swaps the set in place, so the next prompt of any call already comes from the new one.
 */
export class PromptInstallation implements PromptLibrary {
  private current: PromptLibrary;
  private updating: Promise<unknown> = Promise.resolve();
  /** The shipped set does not change while the PBX runs: checked once. */
  private readonly bundled: { version: number | null; check: PromptSetCheck };

  constructor(private readonly options: PromptInstallationOptions) {
    this.bundled = this.checkBundled();
    this.current = this.open();
  }

  get version(): number | null {
    return this.current.version;
  }

  get status(): PromptSetCheck {
    return this.current.status;
  }

  get(id: string): PromptAudio | null {
    return this.current.get(id);
  }

  resolvePrompt(id: string): ResolvedPrompt {
    return this.current.resolvePrompt(id);
  }

  describe(): PromptSetStatus {
    const check = this.current.status;
    const { bundled } = this;
    const state: PromptSetState = check.ok ? 'current' : check.outdated ? 'outdated' : 'damaged';
    return {
      state,
      requiredVersion: this.requiredVersion,
      installedVersion: this.current.version,
      source: this.installedExists() ? 'installed' : 'bundled',
      bundledVersion: bundled.version,
      updatable: state !== 'current' && bundled.check.ok,
      missing: check.ok ? [] : [...check.missing],
      problems: check.ok ? [] : [...check.problems],
    };
  }

  /** Installs the bundled set in place of the installed one (one update at a time); resolves with the new status. */
  update(): Promise<PromptSetStatus> {
    const run = this.updating.then(() => this.install());
    this.updating = run.catch(() => undefined);
    return run;
  }

  private async install(): Promise<PromptSetStatus> {
    const { bundledDir, installedDir } = this.options;
    const { bundled } = this;
    if (!bundled.check.ok) {
      throw new PromptUpdateError(`The prompt set shipped with this PBX cannot be installed: ${bundled.check.problems.join('; ') || 'it is incomplete'}`);
    }
    const parent = path.dirname(installedDir);
    await mkdir(parent, { recursive: true });
    await removeLeftovers(installedDir);
    const staging = `${installedDir}${STAGING}${randomBytes(6).toString('hex')}`;
    try {
      await copyPromptSet(bundledDir, staging);
      loadPromptSet(staging); // throws naming the file if the copy is not a complete, valid set
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw new PromptUpdateError(`The prompt set could not be installed: ${(error as Error).message}`);
    }
    if (this.installedExists()) {
      // Between these renames no set is installed and the bundled one (the same content) would play after a crash.
      const replaced = `${installedDir}${REPLACED}${randomBytes(6).toString('hex')}`;
      await rename(installedDir, replaced);
      await rename(staging, installedDir);
      await rm(replaced, { recursive: true, force: true });
    } else {
      await rename(staging, installedDir);
    }
    await syncDirectory(parent);
    this.current = this.open();
    return this.describe();
  }

  private get requiredVersion(): number {
    return this.options.requiredVersion ?? PROMPT_SET_VERSION;
  }

  private installedExists(): boolean {
    return existsSync(this.options.installedDir);
  }

  private open(): PromptLibrary {
    const dir = this.installedExists() ? this.options.installedDir : this.options.bundledDir;
    return openPromptLibrary(dir, { requiredVersion: this.requiredVersion, requiredIds: this.options.requiredIds ?? REQUIRED_PROMPT_IDS });
  }

  private checkBundled(): { version: number | null; check: PromptSetCheck } {
    const { bundledDir, requiredIds = REQUIRED_PROMPT_IDS } = this.options;
    let version: number | null = null;
    try {
      version = readPromptManifest(bundledDir).version;
    } catch (error) {
      if (!(error instanceof PromptSetError)) throw error;
    }
    return { version, check: checkPromptSet(bundledDir, this.requiredVersion, requiredIds) };
  }
}

/**
 * Copies the manifest and the files it lists, by reading and writing them: the bundled set may sit inside the
 * packaged app's archive, which Electron can read file by file but not copy as a directory.
 */
async function copyPromptSet(from: string, to: string): Promise<void> {
  const manifest = readPromptManifest(from);
  await mkdir(to, { recursive: true });
  for (const entry of Object.values(manifest.prompts)) {
    const target = path.join(to, entry.file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(path.join(from, entry.file)));
  }
  await writeFile(path.join(to, 'manifest.json'), await readFile(path.join(from, 'manifest.json')));
}

/** Staging and replaced copies an interrupted update left beside the installed set. */
async function removeLeftovers(installedDir: string): Promise<void> {
  const base = path.basename(installedDir);
  const names = await readdir(path.dirname(installedDir));
  for (const name of names) {
    if (name.startsWith(`${base}${STAGING}`) || name.startsWith(`${base}${REPLACED}`)) {
      await rm(path.join(path.dirname(installedDir), name), { recursive: true, force: true });
    }
  }
}
