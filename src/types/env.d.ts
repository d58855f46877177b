/** Build-time settings from `.env` (Vite exposes those starting VITE_). */
interface ImportMetaEnv {
  /** The support mailbox the Support and feedback page links to; empty for none. */
  readonly VITE_SUPPORT_EMAIL?: string;
}
