export { startSandboxTenant, type SandboxOptions, type SandboxTenant } from './server.ts';
export type { ThrottlingOptions } from './throttle/options.ts';
export type { SandboxStats, EarlyRetry } from './throttle/stats.ts';
export type { SandboxControl, ItemRef, NewMessageSpec } from './control.ts';
export type { ScriptSpec } from './http/scripts.ts';
export { quickXorHash } from './state/quickxor.ts';
export { writeMime } from './mime/mime-writer.ts';
