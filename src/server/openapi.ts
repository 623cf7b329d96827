import { LABELS } from '../types.ts';

/** The API described for other systems (a DMS): OpenAPI 3.1, served at /api/v1/openapi.json. */
type Op = [method: string, path: string, summary: string, role: string, query?: string[], body?: Record<string, unknown>];

const idBody = { type: 'object', required: ['ids'], properties: { ids: { type: 'array', items: { type: 'integer' } }, comment: { type: 'string' } } };

const OPS: Op[] = [
  ['post', '/session', 'Sign in with a local account (sets the session cookie, returns the CSRF token)', 'anyone', [], { type: 'object', required: ['name', 'password'], properties: { name: { type: 'string' }, password: { type: 'string' } } }],
  ['get', '/session', 'The person signed in, their permissions and CSRF token', 'any role'],
  ['delete', '/session', 'Sign out', 'any role'],
  ['get', '/documents', 'Documents, filtered and paged; bijzonder first with sort=priority', 'read', ['label', 'type', 'category', 'source', 'location', 'review', 'retention', 'status', 'scannedFrom', 'scannedTo', 'modifiedFrom', 'modifiedTo', 'sort', 'offset', 'limit']],
  ['get', '/documents/{id}', 'One document: masked findings with explanations, reasons, retention, history (the view is audited)', 'read'],
  ['post', '/documents/{id}/review', 'Confirm or correct label and type', 'review', [], { type: 'object', properties: { label: { enum: LABELS }, documentType: { type: 'string' }, comment: { type: 'string' } } }],
  ['post', '/reviews', 'The same review decision for many documents', 'review', [], { ...idBody, properties: { ...idBody.properties, label: { enum: LABELS }, documentType: { type: 'string' } } }],
  ['get', '/document-types', 'The document types', 'read'],
  ['get', '/sources', 'Sources in the store', 'read'],
  ['get', '/stats', 'Counts per label, type, category, location; review backlog; due', 'read', ['depth']],
  ['post', '/classify', 'Classify one file (multipart field or raw body + X-File-Name); nothing is stored', 'read'],
  ['get', '/scans', 'Scan targets, recent jobs and runs', 'read'],
  ['post', '/scans', 'Start a scan of all targets or of chosen ones', 'scan', [], { type: 'object', properties: { targets: { type: 'array', items: { type: 'string' } } } }],
  ['get', '/scans/{id}', 'One scan job', 'read'],
  ['get', '/scans/{id}/events', 'Live progress (text/event-stream: progress, done)', 'read'],
  ['post', '/scans/{id}/stop', 'Stop a running scan (it can be resumed)', 'scan'],
  ['get', '/disposition', 'Due documents grouped by policy', 'read'],
  ['get', '/disposition/needs-trigger', 'Documents waiting for an event date', 'read'],
  ['post', '/disposition/approve', 'Approve disposal', 'dispose', [], idBody],
  ['post', '/disposition/extend', 'Extend retention until a date', 'dispose', [], { ...idBody, properties: { ...idBody.properties, until: { type: 'string', format: 'date' } } }],
  ['post', '/disposition/relabel', 'Another type or label (another policy)', 'dispose', [], idBody],
  ['post', '/disposition/trigger', 'Set the event date (ids or a location)', 'dispose', [], { type: 'object', properties: { ids: { type: 'array' }, location: { type: 'string' }, date: { type: 'string', format: 'date' }, event: { type: 'string' } } }],
  ['get', '/holds', 'Active holds (all=true: released ones too)', 'read', ['all']],
  ['post', '/holds', 'Place a hold (document, location or search)', 'dispose'],
  ['post', '/holds/{id}/release', 'Release a hold', 'dispose'],
  ['post', '/purge', 'Run the purge job now (dryRun: only plan)', 'dispose'],
  ['get', '/disposals', 'The disposal log', 'read', ['after', 'limit']],
  ['get', '/disposals.csv', 'The disposal log as CSV', 'read'],
  ['get', '/disposals/verify', 'Check the disposal log’s hash chain', 'read'],
  ['get', '/audit', 'The audit log', 'audit', ['after', 'limit']],
  ['get', '/training', 'The document-type model’s reviewed examples', 'read'],
];

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, role, query = [], body] of OPS) {
    const params = [
      ...(path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] : []),
      ...query.map((name) => ({ name, in: 'query', schema: { type: name === 'label' ? 'string' : 'string', ...(name === 'label' ? { enum: LABELS } : {}) } })),
    ];
    (paths[path] ??= {})[method] = {
      summary,
      description: `Permission: ${role}.`,
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: { content: { 'application/json': { schema: body } } } } : {}),
      ...(path === '/classify' ? { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } } : {}),
      responses: { '200': { description: 'OK' }, '400': { $ref: '#/components/responses/Error' }, '401': { $ref: '#/components/responses/Error' }, '403': { $ref: '#/components/responses/Error' } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Bewaarder API', version, description: 'Personal data in documents: labels (geen/generiek/bijzonder), review, retention. Authenticate with `Authorization: Bearer TOKEN` or a session cookie plus `X-CSRF-Token`.' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: '__Host-bw_session' } },
      responses: { Error: { description: 'An error', content: { 'application/json': { schema: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } } } } },
    },
    paths,
  };
}
