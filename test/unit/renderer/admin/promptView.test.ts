import { describe, expect, it } from 'vitest';
import { type PromptSetItem, promptConsequence, promptFacts, promptHeadline } from '../../../../renderer/admin/pages/prompts/promptView';

const CURRENT: PromptSetItem = { state: 'current', requiredVersion: 2, installedVersion: 2, source: 'bundled', bundledVersion: 2, updatable: false, missing: [], problems: [] };

describe('the System prompts page', () => {
  it('says "Prompt set outdated — Update" while the installed set is older than required', () => {
    const outdated: PromptSetItem = { ...CURRENT, state: 'outdated', installedVersion: 1, source: 'installed', updatable: true };
    expect(promptHeadline(outdated)).toBe('Prompt set outdated — Update');
    expect(promptConsequence(outdated)).toContain('"file not found" in place of every prompt');
    expect(promptFacts(outdated)).toEqual([
      ['Installed', 'version 1 (installed in the data directory)'],
      ['Required', 'version 2'],
      ['Update installs', 'version 2'],
    ]);
  });

  it('names the missing prompts of an incomplete set, and says when Update cannot help', () => {
    const damaged: PromptSetItem = { ...CURRENT, state: 'damaged', updatable: false, missing: ['enter-pin'], problems: ['en/enter-pin.wav: file not found'] };
    expect(promptHeadline(damaged)).toBe('Prompt set incomplete — reinstall Hotdesk');
    expect(promptConsequence(damaged)).toBe('Callers hear "file not found" in place of one prompt: enter-pin.');
    expect(promptConsequence({ ...damaged, missing: ['a', 'b'] })).toContain('2 prompts: a, b');
  });

  it('is quiet when all is well', () => {
    expect(promptHeadline(CURRENT)).toBe('Prompt set up to date');
    expect(promptFacts({ ...CURRENT, installedVersion: null })[0]).toEqual(['Installed', 'unreadable (shipped with the PBX)']);
  });
});
