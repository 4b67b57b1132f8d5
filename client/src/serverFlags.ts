// How Node runs the language server: the extension, the bench and the protocol tests start it alike.

/**
 * V8's young generation in semi-spaces of 32 MB instead of 16: a keystroke in a 1 MB issue allocates about
 * 3 MB of objects besides its new text and JSON, and minor collections (1.5–2 ms each) come half as often (211
 * over 1,100 keystrokes in process became 106; a spawned server, writing the JSON too, still meets one about
 * every sixth keystroke), full ones too. It costs memory: the bench's 2,000-issue archive is indexed with 20–30
 * MB more.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
