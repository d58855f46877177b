import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';

/**
 * Serves the production build (dist/, made by `vite build` before the tests) on a free
 * loopback port for the browser tests. Tests read the address with inject('baseUrl').
 * TSP_DIST_DIR points at another build folder (e.g. `vite build --outDir /tmp/my-dist`),
 * so several people can build and test at once without sharing dist/.
 */
const distDir = process.env.TSP_DIST_DIR ?? 'dist';
let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(
      `${distDir}/ is missing: run vite build before the browser tests (npm test does).`,
    );
  }
  server = await preview({
    build: { outDir: distDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
