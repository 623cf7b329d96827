import { createMemorySource } from '../support/memory-connector.ts';
import { connectorConformance } from './connector.conformance.ts';

// The conformance suite against a delta listing (as Graph's will be), so the suite itself is proven on both kinds.
connectorConformance('memory (delta listing)', async () => {
  const source = createMemorySource();
  return {
    connector: source.connector,
    put: async (location, content) => source.put(location, content),
    move: async (from, to) => source.move(from, to),
    remove: async (location) => source.remove(location),
    close: async () => {},
  };
});
