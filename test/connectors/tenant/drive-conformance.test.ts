import { dirname, basename } from 'node:path';
import { afterAll } from 'vitest';
import { createDriveConnector } from '../../../connectors/sharepoint/index.ts';
import { connectorConformance } from '../connector.conformance.ts';
import { cleanUp, emptyLibraryTenant, startTestTenant } from './support.ts';

afterAll(cleanUp);

// The drive connector against the sandbox tenant over HTTPS, through the real transport: irregular delta pages,
// repeated items, eTags, If-Match, 423, column writes. The harness changes the library through the sandbox control.
connectorConformance('SharePoint library (sandbox tenant)', async () => {
  const { root } = emptyLibraryTenant();
  // Small, irregular pages (as Graph gives when a page is mostly deletions), with repeats, so resuming is tested.
  const tenant = await startTestTenant({ root, throttling: false, deltaPageSizes: [2, 3, 1, 2] });
  const drive = tenant.sandbox.control.drives()[0]!.id;
  const exists = (path: string) => {
    try {
      tenant.sandbox.control.itemId({ drive, item: path });
      return true;
    } catch {
      return false;
    }
  };
  return {
    connector: createDriveConnector(tenant.transport, { kind: 'sharepoint', driveId: drive, readLabels: true }),
    async put(location, content) {
      const body = typeof content === 'string' ? content : Buffer.from(content);
      if (exists(location)) tenant.sandbox.control.changeFile({ drive, item: location, content: body });
      else tenant.sandbox.control.addFile({ drive, path: location, content: body });
    },
    async move(from, to) {
      tenant.sandbox.control.moveFile({ drive, item: from, to: dirname(to) === '.' ? '' : dirname(to), name: basename(to) });
    },
    async remove(location) {
      tenant.sandbox.control.deleteFile({ drive, item: location });
    },
    close: () => tenant.close(),
  };
});
