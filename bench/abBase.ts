// The other revision's side in bench/ab.ts: the bundler (scripts/bench.mjs) loads bench/inProcess.ts in its
// place with that revision's imports; the type checker sees this checkout's.
export * from './inProcess';
