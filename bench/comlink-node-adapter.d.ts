// Comlink ships this adapter's types as node-adapter.d.ts, which TypeScript does not match to
// the .mjs file that Node loads.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
