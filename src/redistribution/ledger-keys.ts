/**
 * Signing keys of the in-year ledger (WebCrypto ECDSA P-256 with SHA-256, available in
 * browsers, workers and Node 20, so this is not a DOM dependency).
 *
 * Trust model, in short (the README has it in full): each actor - the regional allocation
 * manager and each partnership - has a key pair made in the browser, the private key not
 * extractable. Public keys are registered with the manager: the manager's key signs a key list
 * (actor -> public key, by key id) that travels with the ledger. A browser trusts a manager
 * key it made itself or one the user accepted by fingerprint; every entry must be signed by
 * the key registered for its actor, so a file edited and re-hashed is refused.
 *
 * A key's id is its JWK thumbprint (RFC 7638: SHA-256 of the canonical public JWK), in hex,
 * so a key id cannot be claimed for another key.
 */

/** The public half of a P-256 key as a JWK, only the members that define it. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** Who signs: 'manager' or a partnership code. */
export type SignerId = string;
export const MANAGER_SIGNER: SignerId = 'manager';

/** A key pair held by this browser (or a CLI) for one actor. */
export interface ActorKey {
  actor: SignerId;
  keyId: string;
  publicKey: PublicJwk;
  privateKey: CryptoKey;
  createdAt: string;
}

/** One public key in the manager's key list. */
export interface KeyRegistration {
  actor: SignerId;
  keyId: string;
  publicKey: PublicJwk;
  registeredAt: string;
}

/** The keys registered for a ledger, signed by a manager key that is itself in the list. */
export interface KeyList {
  ledgerId: string;
  keys: KeyRegistration[];
  /** Key id of the manager key that signed the list. */
  signedBy: string;
  signedAt: string;
  signature: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** JSON with object keys sorted at every level, so equal contents always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const toHex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The key id of a public key: its RFC 7638 thumbprint (SHA-256), in hex. */
export function keyThumbprint(key: PublicJwk): Promise<string> {
  return sha256Hex(canonicalJson({ crv: key.crv, kty: key.kty, x: key.x, y: key.y }));
}

/** The start of a key id in groups of four, as people compare it: e.g. `3f2a 9c01 77be 0d45`. */
export function keyFingerprint(keyId: string): string {
  return (keyId.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** A new key pair for `actor`; the private key cannot be exported, only used to sign. */
export async function generateActorKey(actor: SignerId, createdAt: string): Promise<ActorKey> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const publicKey: PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  return {
    actor,
    keyId: await keyThumbprint(publicKey),
    publicKey,
    privateKey: pair.privateKey,
    createdAt,
  };
}

/** ECDSA P-256 / SHA-256 signature of the text's UTF-8 bytes, base64url (r || s). */
export async function signText(key: ActorKey, text: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    SIGNATURE,
    key.privateKey,
    new TextEncoder().encode(text),
  );
  return toBase64Url(signature);
}

/** Whether `signature` is the signature of `text` by the holder of `publicKey`. */
export async function verifyText(
  publicKey: PublicJwk,
  text: string,
  signature: string,
): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (bytes === null || bytes.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('jwk', { ...publicKey }, ALGORITHM, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(SIGNATURE, key, bytes, new TextEncoder().encode(text));
  } catch {
    // Not a point on the curve: no signature can be valid.
    return false;
  }
}

export function registrationOf(key: ActorKey, registeredAt: string): KeyRegistration {
  return { actor: key.actor, keyId: key.keyId, publicKey: key.publicKey, registeredAt };
}

function keyListText(list: Omit<KeyList, 'signature'>): string {
  const { ledgerId, keys, signedBy, signedAt } = list;
  return canonicalJson({ ledgerId, keys, signedBy, signedAt });
}

/** A key list signed by `manager`, which is registered in it first if it is not already. */
export async function signKeyList(
  ledgerId: string,
  keys: readonly KeyRegistration[],
  manager: ActorKey,
  signedAt: string,
): Promise<KeyList> {
  if (manager.actor !== MANAGER_SIGNER) throw new Error('only a manager key signs the key list');
  const all = keys.some((k) => k.keyId === manager.keyId)
    ? [...keys]
    : [registrationOf(manager, signedAt), ...keys];
  const unsigned = { ledgerId, keys: all, signedBy: manager.keyId, signedAt };
  return { ...unsigned, signature: await signText(manager, keyListText(unsigned)) };
}

/** The key list with `registration` added, signed again by the manager. */
export function registerKey(
  list: KeyList,
  registration: KeyRegistration,
  manager: ActorKey,
  at: string,
): Promise<KeyList> {
  return signKeyList(list.ledgerId, [...list.keys, registration], manager, at);
}

/**
 * Why a key list cannot be used, or null when it holds: every key id is its key's thumbprint,
 * no key id is listed twice, it is signed by a manager key in the list, and the signature
 * covers exactly these keys. (Whether that manager key is trusted is the importer's call.)
 */
export async function keyListProblem(list: KeyList, ledgerId: string): Promise<string | null> {
  if (list.ledgerId !== ledgerId) return `the key list is for ledger ${list.ledgerId}`;
  const seen = new Set<string>();
  for (const key of list.keys) {
    if (seen.has(key.keyId)) return `key ${keyFingerprint(key.keyId)} is listed twice`;
    seen.add(key.keyId);
    if ((await keyThumbprint(key.publicKey)) !== key.keyId) {
      return `the key registered for ${key.actor} as ${keyFingerprint(key.keyId)} is a different key`;
    }
  }
  const signer = list.keys.find((k) => k.keyId === list.signedBy);
  if (signer === undefined || signer.actor !== MANAGER_SIGNER) {
    return 'the key list is not signed by a manager key it registers';
  }
  const { signature, ...unsigned } = list;
  if (!(await verifyText(signer.publicKey, keyListText(unsigned), signature))) {
    return "the manager's signature does not match the key list: keys were added, removed or changed";
  }
  return null;
}

export const PUBLIC_KEY_FILE_FORMAT = 'teacher-supply-planner-public-key';

/**
 * The public half of a key as a file, for a partnership working in its own browser to send
 * to the manager, who registers it (the manager compares the fingerprint with the sender).
 */
export function publicKeyFile(key: ActorKey): string {
  const file = {
    format: PUBLIC_KEY_FILE_FORMAT,
    actor: key.actor,
    keyId: key.keyId,
    publicKey: key.publicKey,
    createdAt: key.createdAt,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
