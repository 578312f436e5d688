/**
 * Compile-time flag set by wxt.config.ts (`vite.define`): true only in the benchmark build
 * (`TL_BENCH=1`, .output/bench/chrome-mv3), false in the build users install, where the code it
 * guards is removed as dead code. Undefined under vitest (WxtVitest does not load the app's vite
 * config), hence the `typeof` guard at each use.
 */
declare const __TL_BENCH__: boolean;
