export { createDriveConnector, type DriveConnectorOptions } from './drive-connector.ts';
export { createFolderTree, memoryFolderStorage, type FolderRecord, type FolderStorage } from './folder-tree.ts';
export { COLUMNS, DELTA_SELECT } from './drive-item.ts';
export { connectorErrorOf } from './graph-errors.ts';
