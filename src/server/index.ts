export { startServer, type RunningServer, type StartOptions } from './server.ts';
export { loadConfig, DEFAULT_CONFIG, type ServerConfig, type OidcConfig } from './config.ts';
export { createApp } from './app.ts';
export type { ScanLauncher, ScanTarget } from './scans/index.ts';
export { hashPassword, newSecret, secretHash } from './auth/passwords.ts';
