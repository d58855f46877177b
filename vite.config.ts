/// <reference types="vitest/config" />
import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content Security Policy for the production build. 'wasm-unsafe-eval' lets the HiGHS
 * WebAssembly solver compile in its worker; nothing looser is allowed. The dev server
 * skips it because Vite's hot reload needs a websocket and inline modules.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Headers a host must send with every response of the production build. The CSP header adds
 * `frame-ancestors 'none'` (no site may frame the app: clickjacking), which a <meta> tag cannot
 * carry; the meta tag stays for hosts that cannot set headers. The build writes them to
 * dist/_headers (Netlify and Cloudflare Pages format) and `vite preview` sends them; the README
 * has the nginx equivalent.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The `_headers` file: every path gets the security headers. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}

function deploymentHeaders(): Plugin {
  return {
    name: 'deployment-headers',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS))
          response.setHeader(name, value);
        next();
      });
    },
  };
}

/**
 * The method notes in docs/, served as plain text at /docs/<note>.txt so the app's pages can
 * link to them (a browser shows text/plain; Markdown reads well as it is).
 */
function methodNotes(): Plugin {
  const notes = () =>
    readdirSync('docs')
      .filter((name) => name.endsWith('.md'))
      .map((name) => ({
        url: `/docs/${name.replace(/\.md$/, '.txt')}`,
        text: readFileSync(`docs/${name}`, 'utf8'),
      }));
  return {
    name: 'method-notes',
    generateBundle() {
      for (const note of notes())
        this.emitFile({ type: 'asset', fileName: note.url.slice(1), source: note.text });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const note = notes().find((candidate) => candidate.url === request.url);
        if (!note) return next();
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end(note.text);
      });
    },
  };
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="utf-8" />',
        `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [contentSecurityPolicy(), deploymentHeaders(), methodNotes()],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  server: { fs: { allow: ['.'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Some tests load and warm HiGHS or run thousands of draws: generous limits keep them
          // from failing on a busy machine. Speed is measured in `npm run bench`, not here.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
