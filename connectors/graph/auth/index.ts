export { createMsalTokenSource } from './msal.ts';
export { createMsalNetworkClient } from './network-client.ts';
