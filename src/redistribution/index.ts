/**
 * In-year tracking and redistribution: the public API for the In-year page, its worker and
 * the CLI. Pure TypeScript (no DOM, Lit or workers); persistence lives in src/storage.
 */
export * from './cycle.ts';
export * from './returns.ts';
export * from './forecast.ts';
export * from './rules.ts';
export * from './transfer-model.ts';
export * from './workflow.ts';
export * from './ledger.ts';
export * from './ledger-keys.ts';
export * from './ledger-seal.ts';
export * from './ledger-file.ts';
export { LEDGER_FILE_FORMAT, LEDGER_FILE_VERSION, MAX_PLACES } from './ledger-schema.ts';
export * from './tracking.ts';
export * from './kpis.ts';
export * from './allocation-file.ts';
