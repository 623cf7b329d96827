export * from './transport.ts';
export { createGraphConfig, DEFAULT_LIMITS, DEFAULT_USER_AGENT, GraphConfigError } from './config.ts';
export type { GraphCertificate, GraphConfigInput, GraphLimits } from './config.ts';
export { GRAPH_ENV, loadGraphConfig } from './load-config.ts';
export { describeUrl, isGraphError } from './graph-error.ts';
export { Secret } from './secret.ts';
export { BATCH_LIMIT } from './batch.ts';
