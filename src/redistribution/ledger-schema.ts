/**
 * The shape of an exported ledger file, with plausible limits on every number and text, so a
 * file with absurd values (a baseline of 1e15 places, a 10 MB reason) is refused before any
 * step is replayed. The text passes the shared JSON guard (size and depth) first.
 */
import { z } from 'zod';
import { isTimePeriod } from '../data/academic-year.ts';
import { SUBJECT_GROUPS, type SubjectGroup } from '../data/types.ts';
import { WORKFLOW_EVENTS, type WorkflowEvent } from './workflow.ts';

export const LEDGER_FILE_FORMAT = 'teacher-supply-planner-ledger';
/** Version 2: entries are signed and the file carries the manager-signed key list. */
export const LEDGER_FILE_VERSION = 2;

/**
 * Most places one partnership can hold in one subject. England recruits about 30,000
 * postgraduate trainees a year in all subjects; no partnership's subject comes near 10,000.
 */
export const MAX_PLACES = 10_000;
export const MAX_ENTRIES = 100_000;
/** The In-year page's upload limit for any file. */
export const LEDGER_MAX_BYTES = 5 * 1024 * 1024;
const MAX_TEXT = 2_000;
const MAX_NAME = 200;

const text = z.string().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
const name = z.string().max(MAX_NAME, `must be at most ${MAX_NAME} characters`);
const id = name.min(1, 'must not be blank');
const places = z
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(MAX_PLACES, `must be at most ${MAX_PLACES.toLocaleString('en-GB')} places`);
const timePeriod = z.string().refine(isTimePeriod, 'must be an academic year like 202526');
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO date and time' });
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');
const signature = z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be a P-256 signature');
const subject = z.enum(SUBJECT_GROUPS as [SubjectGroup, ...SubjectGroup[]]);
const side = z.strictObject({ partnershipCode: id, partnershipName: name, subject });
const base64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 coordinate');

export const publicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: base64url,
  y: base64url,
});

export const keyListSchema = z.strictObject({
  ledgerId: id,
  keys: z
    .array(
      z.strictObject({
        actor: id,
        keyId: hash,
        publicKey: publicJwkSchema,
        registeredAt: isoTime,
      }),
    )
    .min(1)
    .max(1_000),
  signedBy: hash,
  signedAt: isoTime,
  signature,
});

export const checkpointSchema = z.strictObject({
  ledgerId: id,
  entryCount: z.number().int().positive().max(MAX_ENTRIES),
  headHash: hash,
  at: isoTime,
  keyId: hash,
  signature,
});

export const entrySchema = z.strictObject({
  seq: z.number().int().positive().max(MAX_ENTRIES),
  ledgerId: id,
  idempotencyKey: id,
  at: isoTime,
  actor: z.strictObject({
    name,
    role: z.enum(['donor', 'recipient', 'manager']),
    partnershipCode: id.nullable(),
  }),
  action: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('baseline'),
      timePeriod,
      allocations: z.array(z.strictObject({ ...side.shape, places })).max(MAX_ENTRIES),
    }),
    z.strictObject({
      type: z.literal('propose'),
      transfer: z.strictObject({
        id,
        timePeriod,
        monthIndex: z.number().int().min(1).max(12),
        from: side,
        to: side,
        places: places.min(1, 'must be at least 1'),
        expectedGain: z.number().min(-MAX_PLACES).max(MAX_PLACES),
        reason: text,
      }),
    }),
    z.strictObject({
      type: z.enum(WORKFLOW_EVENTS as [WorkflowEvent, ...WorkflowEvent[]]),
      transferId: id,
    }),
  ]),
  why: text,
  prevHash: hash,
  keyId: hash,
  hash,
  signature,
});

export const fileSchema = z.strictObject({
  format: z.literal(LEDGER_FILE_FORMAT),
  version: z.literal(LEDGER_FILE_VERSION),
  ledgerId: id,
  exportedAt: isoTime,
  entryCount: z.number().int().nonnegative().max(MAX_ENTRIES),
  headHash: hash,
  keyList: z.unknown(),
  checkpoint: z.unknown(),
  entries: z.array(z.unknown()).max(MAX_ENTRIES),
});

export const publicKeyFileSchema = z.strictObject({
  format: z.literal('teacher-supply-planner-public-key'),
  actor: id,
  keyId: hash,
  publicKey: publicJwkSchema,
  createdAt: isoTime,
});
