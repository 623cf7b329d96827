/**
 * Lists ahead of the work: pages are pulled from `source` while earlier ones are still being classified, up to
 * `maxItems` items waiting, so the total (and the ETA) is known early for most sources, and memory stays bounded
 * for a million. `onPage` sees each page as it is listed. Stopping the consumer stops the listing.
 */
export async function* readAhead<T extends { items: readonly unknown[] }>(
  source: AsyncIterable<T>,
  maxItems: number,
  onPage?: (page: T) => void,
): AsyncGenerator<T> {
  const buffer: T[] = [];
  let buffered = 0;
  let done = false;
  let failed = false;
  let error: unknown;
  let stop = false;
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const wakeConsumer = () => {
    wake?.();
    wake = undefined;
  };

  const producer = (async () => {
    try {
      for await (const page of source) {
        if (stop) break;
        buffer.push(page);
        buffered += page.items.length;
        onPage?.(page);
        wakeConsumer();
        while (buffered >= maxItems && !stop) await new Promise<void>((resolve) => (room = resolve));
        if (stop) break;
      }
    } catch (e) {
      failed = true;
      error = e;
    } finally {
      done = true;
      wakeConsumer();
    }
  })();

  try {
    for (;;) {
      const page = buffer.shift();
      if (page) {
        buffered -= page.items.length;
        room?.();
        room = undefined;
        yield page;
        continue;
      }
      if (failed) throw error; // after every page listed before the failure
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stop = true;
    room?.();
    await producer;
  }
}
