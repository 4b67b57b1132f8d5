// Files read a few ahead of the one being worked on, so that a reader that works apart from the parser (a browser's
// file system, say) and the parser work at once: the archive's indexing in the server. On Node the files are read
// synchronously, one at a time (`NodeFiles.readsAhead`).

/**
 * A reader of `items` in order: asked for item `i`, it starts reading it and the `ahead - 1` after it (those not
 * started yet), and gives item `i`'s read. Each item is read once; ask for each in order.
 */
export function readAhead<T>(items: readonly string[], read: (item: string) => Promise<T>, ahead: number): (i: number) => Promise<T> {
  // The reads under way, in order, in a queue. Kept in a Map by index, the texts read ahead were moved to V8's old
  // generation, where they stayed as garbage until a full collection: on 2026-12-08, 158 MB over the bench's 2,000
  // issues read eight ahead and parsed, against 30 in this queue (why a Map makes the difference was not found);
  // the server indexing them eight ahead had 289–295 MB resident against 210–212.
  const reads: { readonly index: number; readonly reading: Promise<T> }[] = [];
  let next = 0;
  return (i) => {
    for (next = Math.max(next, i); next < Math.min(items.length, i + ahead); next++) {
      const reading = read(items[next]!);
      // A read failing ahead of its turn is told to whoever asks for it, not reported as unhandled meanwhile.
      reading.catch(() => undefined);
      reads.push({ index: next, reading });
    }
    while (reads.length > 0 && reads[0]!.index < i) reads.shift();
    return reads[0]?.index === i ? reads.shift()!.reading : read(items[i]!);
  };
}
