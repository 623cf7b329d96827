import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createGraphConfig, GraphConfigError } from './config.ts';
import type { GraphConfig, GraphConfigInput } from './config.ts';

/** Environment variables, each overriding the same setting in the config file. */
export const GRAPH_ENV = {
  tenantId: 'BEWAARDER_GRAPH_TENANT_ID',
  clientId: 'BEWAARDER_GRAPH_CLIENT_ID',
  clientSecret: 'BEWAARDER_GRAPH_CLIENT_SECRET',
  certPath: 'BEWAARDER_GRAPH_CERT_PATH',
  certThumbprint: 'BEWAARDER_GRAPH_CERT_THUMBPRINT',
  graphBaseUrl: 'BEWAARDER_GRAPH_BASE_URL',
  authorityHost: 'BEWAARDER_GRAPH_AUTHORITY_HOST',
  caPath: 'BEWAARDER_GRAPH_CA_PATH',
  userAgent: 'BEWAARDER_GRAPH_USER_AGENT',
  ruPerMinute: 'BEWAARDER_GRAPH_RU_PER_MINUTE',
} as const;

/**
 * The tenant settings from a JSON config file (fields as in GraphConfigInput; paths relative to the file) and/or
 * the environment. A secret in the environment or a key file keeps it out of the config file.
 */
export function loadGraphConfig(options: { file?: string; env?: NodeJS.ProcessEnv } = {}): GraphConfig {
  const env = options.env ?? process.env;
  const input: GraphConfigInput = options.file ? readConfigFile(options.file) : {};
  const set = <K extends keyof GraphConfigInput>(key: K, value: GraphConfigInput[K] | undefined) => {
    if (value !== undefined && value !== '') input[key] = value;
  };
  set('tenantId', env[GRAPH_ENV.tenantId]);
  set('clientId', env[GRAPH_ENV.clientId]);
  set('graphBaseUrl', env[GRAPH_ENV.graphBaseUrl]);
  set('authorityHost', env[GRAPH_ENV.authorityHost]);
  set('caPath', env[GRAPH_ENV.caPath]);
  set('userAgent', env[GRAPH_ENV.userAgent]);
  const secret = env[GRAPH_ENV.clientSecret];
  const certPath = env[GRAPH_ENV.certPath];
  // The environment's credential replaces the file's, whichever kind each is.
  if (secret) {
    input.clientSecret = secret;
    delete input.certificate;
  } else if (certPath) {
    input.certificate = { privateKeyPath: certPath };
    const thumbprint = env[GRAPH_ENV.certThumbprint];
    if (thumbprint) input.certificate.thumbprintSha256 = thumbprint;
    delete input.clientSecret;
  }
  const ru = env[GRAPH_ENV.ruPerMinute];
  if (ru) input.limits = { ...input.limits, ruPerMinute: Number(ru) };
  return createGraphConfig(input);
}

function readConfigFile(file: string): GraphConfigInput {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GraphConfigError(`cannot read the tenant config ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the text around the error, which may be the secret.
    throw new GraphConfigError(`the tenant config ${file} is not valid JSON`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new GraphConfigError(`the tenant config ${file} must hold a JSON object`);
  const input = parsed as GraphConfigInput;
  const base = dirname(resolve(file));
  if (input.caPath) input.caPath = resolve(base, input.caPath);
  if (input.certificate?.privateKeyPath) input.certificate.privateKeyPath = resolve(base, input.certificate.privateKeyPath);
  return input;
}
