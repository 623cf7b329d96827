/**
 * Download URLs from the listing, kept only until the item is fetched: they are pre-authenticated and live about
 * an hour (GRAPH.md §1), so they are never stored, and bounded (the scan lists at most 10,000 items ahead).
 */
export function createDownloadUrls(max = 20_000) {
  const urls = new Map<string, string>();
  return {
    remember(id: string, url: string): void {
      urls.delete(id);
      urls.set(id, url);
      if (urls.size > max) urls.delete(urls.keys().next().value!);
    },
    take(id: string): string | undefined {
      const url = urls.get(id);
      urls.delete(id);
      return url;
    },
  };
}
