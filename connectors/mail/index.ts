export { createMailConnector, LABELS_PROPERTY, type MailConnectorOptions } from './mail-connector.ts';
export { CATEGORY_PREFIX, messageName } from './message.ts';
