/*
 * Apollo Client 4's CommonJS build keeps its development checks (cache data-loss warnings, invariant messages)
 * off unless globalThis.__DEV__ is true when it loads; a frontend's dev server has them on. Import this module
 * before anything from @apollo/client so the tier runs with them, and loads their full texts.
 */
declare global {
  var __DEV__: boolean | undefined;
}
globalThis.__DEV__ = true;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dev = require('@apollo/client/dev') as typeof import('@apollo/client/dev');
dev.loadDevMessages();
dev.loadErrorMessages();

export {};
