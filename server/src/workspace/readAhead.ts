// Files read a few ahead of the one being worked on, so that a reader that works apart from the parser (a browser's
// file system, say) and the parser work at once: the archive's indexing in the server. On Node the files are read
// synchronously, one at a time (`NodeFiles.readsAhead`).

/**
 * A reader of `items` in order: asked for item `i`, it starts reading it and the `ahead - 1` after it (those not
 * started yet), and gives item `i`'s read. Each item is read once; ask for each in order.
 */
export function readAhead<T>(items: readonly string[], read: (item: string) => Promise<T>, ahead: number): (i: number) => Promise<T> {
  const reads = new Map<number, Promise<T>>();
  let next = 0;
  return (i) => {
    for (next = Math.max(next, i); next < Math.min(items.length, i + ahead); next++) {
      const reading = read(items[next]!);
      // A read failing ahead of its turn is told to whoever asks for it, not reported as unhandled meanwhile.
      reading.catch(() => undefined);
      reads.set(next, reading);
    }
    const reading = reads.get(i) ?? read(items[i]!);
    reads.delete(i);
    return reading;
  };
}
