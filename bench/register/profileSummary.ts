/**
 * Where a V8 CPU profile (`node --cpu-prof`, e.g. of the PBX child under `bench:register --profile <dir>`) spent
 * its time: self time by function and by file, and inclusive time of the PBX's own functions.
 *
 *   npx tsx bench/register/profileSummary.ts <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topText] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx bench/register/profileSummary.ts <file.cpuprofile> [top=25]');
  process.exit(2);
}
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const shortUrl = (url: string) => {
  const plain = url.replace(/^file:\/\//, '');
  if (plain.startsWith(repoRoot)) return path.relative(repoRoot, plain);
  return plain.replace(/^.*node_modules\//, 'node_modules/') || '(native)';
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const keyOf = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return url ? `${functionName || '(anonymous)'}  ${shortUrl(url)}:${lineNumber + 1}` : functionName;
};

const self = new Map<string, number>();
const selfByFile = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000; // ms
  total += delta;
  const node = byId.get(id) as ProfileNode;
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + delta);
  const fileKey = node.callFrame.url ? shortUrl(node.callFrame.url) : node.callFrame.functionName;
  selfByFile.set(fileKey, (selfByFile.get(fileKey) ?? 0) + delta);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const k = keyOf(byId.get(at) as ProfileNode);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + delta);
  }
});

const idle = self.get('(idle)') ?? 0;
const busy = total - idle;
const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%`;
const list = (title: string, map: Map<string, number>, filter: (key: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].filter(([k]) => filter(k) && k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (${((busy / total) * 100).toFixed(0)}%), ${(idle / 1000).toFixed(1)} s idle; percentages of busy time`);
list('self time by function', self);
list('self time by file', selfByFile);
list('inclusive time, PBX code (electron/pbx, shared)', inclusive, (k) => / (electron\/pbx|shared)\//.test(k));
list('inclusive time, ws and node internals', inclusive, (k) => /node_modules\/ws\/|node:/.test(k));
