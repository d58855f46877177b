import type { ESLint, Rule } from 'eslint';

/** What a folder of the layering table may import besides itself. */
export interface Layer {
  paths: string[];
  packages: string[];
}

export const PURE_CORE: string[];
export const LAYERS: Record<string, Layer>;
export const allowedImports: Rule.RuleModule;
export const layersPlugin: ESLint.Plugin;
