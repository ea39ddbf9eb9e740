import type { ConsolePromptSet } from '../../../../shared/contracts';

export type PromptSetItem = ConsolePromptSet;

/** The page's headline: "Prompt set outdated — Update" when the IVR plays "file not found". */
export function promptHeadline(set: PromptSetItem): string {
  if (set.state === 'current') return 'Prompt set up to date';
  const what = set.state === 'outdated' ? 'Prompt set outdated' : 'Prompt set incomplete';
  return set.updatable ? `${what} — Update` : `${what} — reinstall Hotdesk`;
}

/** What the state means for callers. */
export function promptConsequence(set: PromptSetItem): string {
  if (set.state === 'current') return 'Every prompt plays as it should.';
  if (set.state === 'outdated') return 'Callers hear "file not found" in place of every prompt until the set is updated.';
  return `Callers hear "file not found" in place of ${set.missing.length === 1 ? 'one prompt' : `${set.missing.length} prompts`}: ${set.missing.join(', ')}.`;
}

/** The facts table: label → value. */
export function promptFacts(set: PromptSetItem): Array<[string, string]> {
  const version = (value: number | null) => (value === null ? 'unreadable' : `version ${value}`);
  return [
    ['Installed', `${version(set.installedVersion)} (${set.source === 'installed' ? 'installed in the data directory' : 'shipped with the PBX'})`],
    ['Required', version(set.requiredVersion)],
    ['Update installs', version(set.bundledVersion)],
  ];
}
