// What the admin API answers for the console's Extensions, System prompts, Licence and Login history pages. The
// PBX's own types are these (prompt set, licence) or its zod DTOs are checked against them at compile time.
import type { BlfPosition } from '../domain/blfLayout';

/** `GET /api/v1/extensions` (one of `extensions`). */
export interface ConsoleExtension {
  extension: string;
  name: string;
  hotDesking: boolean;
  /** Whether a PIN is set; the PIN itself is write-only. */
  pinSet: boolean;
  blf: BlfPosition[];
  locked: boolean;
  lockedUntil: string | null;
}

/** `POST /api/v1/extensions/{ext}/pin`: the new PIN, answered this once. */
export interface ConsolePinReset {
  extension: string;
  pin: string;
}

/** `GET /api/v1/prompts`: the prompt set that plays against what the PBX requires. */
export interface ConsolePromptSet {
  /** `outdated`: older than required (every prompt plays "file not found"); `damaged`: some prompts missing. */
  state: 'current' | 'outdated' | 'damaged';
  requiredVersion: number;
  /** The version of the set that plays, or null when its manifest is unreadable. */
  installedVersion: number | null;
  /** `installed`: a set under the PBX's data dir; `bundled`: none is installed, the set shipped with the PBX plays. */
  source: 'installed' | 'bundled';
  /** The version of the set shipped with the PBX (what Update installs), or null when it is unreadable. */
  bundledVersion: number | null;
  /** Whether Update would make the set current: it is not, and the shipped set is. */
  updatable: boolean;
  missing: string[];
  problems: string[];
}

/** `GET /api/v1/licence`: the licence in force. */
export interface ConsoleLicence {
  /** The edition in force: `free` unless a valid licence says otherwise. */
  edition: 'free' | 'pro' | 'enterprise';
  source: 'installed' | 'built-in-demo' | 'none';
  state: 'valid' | 'expired' | 'invalid' | 'none';
  licensee: string | null;
  issued: string | null;
  expires: string | null;
  maxHotDeskDevices: number | null;
  hotDesking: boolean;
  /** Why a licence that is present is not in force. */
  problem: string | null;
}

/** `GET /api/v1/audit` (one of `events`): an admin action or a hot-desk login, logout, failure… */
export interface ConsoleAuditEvent {
  id: string;
  at: string;
  kind: string;
  actor: string | null;
  device: string | null;
  extension: string | null;
  mac: string | null;
  detail: string | null;
}
