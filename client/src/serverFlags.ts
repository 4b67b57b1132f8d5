// How Node runs the language server: the extension, the bench and the protocol tests start it alike.

/**
 * V8's young generation in semi-spaces of 32 MB instead of 16: a keystroke in a 1 MB issue allocates about
 * 3 MB, so a minor collection (1.5–2 ms) came every fifth keystroke and now every tenth, and full collections
 * half as often. It costs memory: the 2,000-issue archive of the bench is indexed with 20–30 MB more.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
