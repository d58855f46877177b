/**
 * Export and import of the ledger as a JSON file, and the complete check of a file before
 * anything of it is used: its shape and plausible limits (ledger-schema.ts), the manager's
 * signature on its key list, every entry's hash chain link, hash and signature by the key
 * registered for its actor, the partnerships it names, the entry count and head hash, the
 * manager's checkpoint if it has one, and a replay of every step.
 *
 * What this cannot decide is whether the manager key that signed the key list is trusted:
 * that is the importing browser's (src/storage) or CLI's, from the keys it holds or that its
 * user accepted by fingerprint. The result names that key so the caller can decide.
 */
import { parseJsonInput } from '../data/json-input.ts';
import type { DataIssue } from '../data/types.ts';
import type { FileContent } from '../data/utf8.ts';
import {
  GENESIS_HASH,
  replayLedger,
  signerOf,
  type LedgerEntry,
  type LedgerState,
} from './ledger.ts';
import { entryText } from './ledger-seal.ts';
import {
  MANAGER_SIGNER,
  canonicalJson,
  keyFingerprint,
  keyListProblem,
  keyThumbprint,
  sha256Hex,
  signText,
  verifyText,
  type ActorKey,
  type KeyList,
  type KeyRegistration,
} from './ledger-keys.ts';
import {
  LEDGER_FILE_FORMAT,
  LEDGER_FILE_VERSION,
  LEDGER_MAX_BYTES,
  checkpointSchema,
  entrySchema,
  fileSchema,
  keyListSchema,
  publicKeyFileSchema,
} from './ledger-schema.ts';

/**
 * The manager's signed statement that a ledger, up to this entry, is the one to keep. Only a
 * file with a checkpoint may replace a different ledger held by the importer.
 */
export interface Checkpoint {
  ledgerId: string;
  entryCount: number;
  headHash: string;
  at: string;
  keyId: string;
  signature: string;
}

export interface LedgerFile {
  format: typeof LEDGER_FILE_FORMAT;
  version: typeof LEDGER_FILE_VERSION;
  ledgerId: string;
  exportedAt: string;
  entryCount: number;
  headHash: string;
  keyList: KeyList | null;
  checkpoint: Checkpoint | null;
  entries: LedgerEntry[];
}

function checkpointText(checkpoint: Omit<Checkpoint, 'signature'>): string {
  const { ledgerId, entryCount, headHash, at, keyId } = checkpoint;
  return canonicalJson({ purpose: 'checkpoint', ledgerId, entryCount, headHash, at, keyId });
}

/** The manager's checkpoint of the ledger as it stands. */
export async function signCheckpoint(
  state: LedgerState,
  manager: ActorKey,
  at: string,
): Promise<Checkpoint> {
  if (manager.actor !== MANAGER_SIGNER) throw new Error('only the manager signs a checkpoint');
  const unsigned = {
    ledgerId: state.ledgerId,
    entryCount: state.entries.length,
    headHash: state.headHash,
    at,
    keyId: manager.keyId,
  };
  return { ...unsigned, signature: await signText(manager, checkpointText(unsigned)) };
}

export function exportLedger(
  state: LedgerState,
  exportedAt: string,
  checkpoint: Checkpoint | null = null,
): string {
  const file: LedgerFile = {
    format: LEDGER_FILE_FORMAT,
    version: LEDGER_FILE_VERSION,
    ledgerId: state.ledgerId,
    exportedAt,
    entryCount: state.entries.length,
    headHash: state.headHash,
    keyList: state.keyList,
    checkpoint,
    entries: [...state.entries],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What the importer checks a file against. */
export interface LedgerFileContext {
  /** Codes of the region's partnerships (from its partnership file). */
  partnershipCodes: ReadonlySet<string>;
}

/** A file whose every entry checked out; `signedBy` is the manager key the importer must trust. */
export interface VerifiedLedger {
  state: LedgerState;
  keyList: KeyList;
  /** The manager key that signed the key list. */
  signedBy: KeyRegistration;
  /** The manager's checkpoint, verified to cover the whole file, or null. */
  checkpoint: Checkpoint | null;
}

export type LedgerImportResult =
  { ok: true; ledger: VerifiedLedger } | { ok: false; issues: DataIssue[] };

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0]!;
  const path = first.path.map(String).join('.');
  return path === '' ? first.message : `${path} ${first.message}`;
}

/** Partnership codes an entry names: its actor's, a transfer's two sides, a baseline's lines. */
function partnershipsNamed(entry: LedgerEntry): string[] {
  const { action, actor } = entry;
  const codes = actor.partnershipCode === null ? [] : [actor.partnershipCode];
  if (action.type === 'baseline') codes.push(...action.allocations.map((a) => a.partnershipCode));
  if (action.type === 'propose')
    codes.push(action.transfer.from.partnershipCode, action.transfer.to.partnershipCode);
  return codes;
}

/** Why one entry cannot be taken as it stands, or null when it can. */
async function entryProblem(
  entry: LedgerEntry,
  previousHash: string,
  keyList: KeyList,
  context: LedgerFileContext,
): Promise<string | null> {
  if (entry.prevHash !== previousHash) {
    return 'does not follow the entry before it (hash chain broken): entries were removed, reordered or altered';
  }
  const { hash, signature, ...unsealed } = entry;
  const text = entryText(unsealed);
  if ((await sha256Hex(text)) !== hash) {
    return 'has been altered: its contents no longer match its SHA-256 hash';
  }
  const key = keyList.keys.find((k) => k.keyId === entry.keyId);
  const signer = signerOf(entry.actor);
  if (key === undefined) {
    return `is signed with key ${keyFingerprint(entry.keyId)}, which the manager has not registered`;
  }
  if (key.actor !== signer) {
    return `says it was made by ${signer} but is signed with the key of ${key.actor}`;
  }
  if (!(await verifyText(key.publicKey, text, signature))) {
    return `has a signature that does not match its contents: it was changed after ${signer} signed it`;
  }
  const unknown = partnershipsNamed(entry).find((code) => !context.partnershipCodes.has(code));
  if (unknown !== undefined) {
    return `names partnership ${unknown}, which is not in the region's partnership file`;
  }
  return null;
}

async function checkpointProblem(
  checkpoint: Checkpoint,
  file: { ledgerId: string; entryCount: number; headHash: string },
  keyList: KeyList,
): Promise<string | null> {
  const key = keyList.keys.find((k) => k.keyId === checkpoint.keyId);
  if (key === undefined || key.actor !== MANAGER_SIGNER) {
    return "the checkpoint is not signed by a manager key in the file's key list";
  }
  const { signature, ...unsigned } = checkpoint;
  if (!(await verifyText(key.publicKey, checkpointText(unsigned), signature))) {
    return "the manager's checkpoint signature does not match: the checkpoint was altered";
  }
  if (
    checkpoint.ledgerId !== file.ledgerId ||
    checkpoint.entryCount !== file.entryCount ||
    checkpoint.headHash !== file.headHash
  ) {
    return `the manager's checkpoint covers ${checkpoint.entryCount} entries ending ${checkpoint.headHash.slice(0, 12)}, not the file's ${file.entryCount} ending ${file.headHash.slice(0, 12)}: entries were cut off or added`;
  }
  return null;
}

/** What to do about a refused ledger file, in the words of the page's error message. */
const CHOOSE_LEDGER_FIX = 'Choose a ledger file exported from the In-year page (.json)';
const ALTERED_LEDGER_FIX =
  'Import the ledger exactly as it was exported; a changed ledger cannot be loaded';
const CHOOSE_KEY_FIX = 'Choose the public key file a partnership exported from the In-year page';

/**
 * Read an exported ledger file and check it completely (see the module comment). Nothing is
 * returned unless all of it holds; otherwise the issues name the entry and the reason.
 */
export async function importLedger(
  content: FileContent,
  fileName: string,
  context: LedgerFileContext,
): Promise<LedgerImportResult> {
  const refuse = (message: string, fix = ALTERED_LEDGER_FIX): LedgerImportResult => ({
    ok: false,
    issues: [{ file: fileName, row: null, column: null, message, fix }],
  });
  const read = parseJsonInput(content, { maxBytes: LEDGER_MAX_BYTES, what: 'ledger file' });
  if (!read.ok) return refuse(`the file ${read.reason}`, CHOOSE_LEDGER_FIX);
  const file = fileSchema.safeParse(read.value);
  if (!file.success) {
    return refuse(`the file is not a ledger export: ${firstIssue(file.error)}`, CHOOSE_LEDGER_FIX);
  }
  const { ledgerId, entryCount, headHash } = file.data;
  const listed = keyListSchema.safeParse(file.data.keyList);
  if (!listed.success)
    return refuse(`the file has no usable key list: ${firstIssue(listed.error)}`);
  const keyList = listed.data as KeyList;
  const listProblem = await keyListProblem(keyList, ledgerId);
  if (listProblem !== null) return refuse(listProblem);

  const entries: LedgerEntry[] = [];
  for (const [index, raw] of file.data.entries.entries()) {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) return refuse(`entry ${index + 1}: ${firstIssue(parsed.error)}`);
    entries.push(parsed.data as LedgerEntry);
  }
  if (entries.length !== entryCount) {
    return refuse(
      `the file says it holds ${entryCount} entries but has ${entries.length}: it has been cut short or edited`,
    );
  }
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (entry.seq !== index + 1) {
      return refuse(
        `entry ${index + 1} is numbered ${entry.seq}: entries are missing or reordered`,
      );
    }
    const problem = await entryProblem(entry, previousHash, keyList, context);
    if (problem !== null) return refuse(`entry ${entry.seq} ${problem}`);
    previousHash = entry.hash;
  }
  if (previousHash !== headHash) {
    return refuse(
      'the last entry is not the one the file was exported with (head hash differs): the file is truncated or altered',
    );
  }
  let checkpoint: Checkpoint | null = null;
  if (file.data.checkpoint !== null && file.data.checkpoint !== undefined) {
    const parsed = checkpointSchema.safeParse(file.data.checkpoint);
    if (!parsed.success) return refuse(`checkpoint: ${firstIssue(parsed.error)}`);
    checkpoint = parsed.data;
    const problem = await checkpointProblem(
      checkpoint,
      { ledgerId, entryCount, headHash },
      keyList,
    );
    if (problem !== null) return refuse(problem);
  }
  const replay = replayLedger(ledgerId, entries, keyList);
  if (!replay.ok) return refuse(`entry ${replay.seq} is not a valid step: ${replay.reason}`);
  return {
    ok: true,
    ledger: {
      state: replay.state,
      keyList,
      signedBy: keyList.keys.find((k) => k.keyId === keyList.signedBy)!,
      checkpoint,
    },
  };
}

export type PublicKeyImport =
  { ok: true; registration: KeyRegistration } | { ok: false; issues: DataIssue[] };

/**
 * Read a partnership's public key file (see `publicKeyFile`) for the manager to register:
 * its key id must be the key's thumbprint, and it must be a partnership of the region's.
 */
export async function readPublicKeyFile(
  text: string,
  fileName: string,
  context: LedgerFileContext,
  at: string,
): Promise<PublicKeyImport> {
  const refuse = (message: string): PublicKeyImport => ({
    ok: false,
    issues: [{ file: fileName, row: null, column: null, message, fix: CHOOSE_KEY_FIX }],
  });
  const json = parseJsonInput(text, { maxBytes: 64 * 1024, what: 'public key file' });
  if (!json.ok) return refuse(`the file ${json.reason}`);
  const file = publicKeyFileSchema.safeParse(json.value);
  if (!file.success) return refuse(`the file is not a public key file: ${firstIssue(file.error)}`);
  const { actor, keyId, publicKey } = file.data;
  if (!context.partnershipCodes.has(actor)) {
    return refuse(
      `the file holds the key of ${actor}, which is not in the region's partnership file`,
    );
  }
  if ((await keyThumbprint(publicKey)) !== keyId) {
    return refuse('the file names a key id that is not its key’s: the file was altered');
  }
  return { ok: true, registration: { actor, keyId, publicKey, registeredAt: at } };
}
