/**
 * Whether a 429 says the app's resource-unit budget is spent (as opposed to a mailbox's concurrency or request
 * window, or a fence still standing): Graph's `x-ms-throttle-information: ResourceUnitLimitExceeded` header
 * (GRAPH.md §3), or, where a workload sends no such header, an error message that names the resource units
 * ("Application is over its resource unit budget").
 */
export function isBudgetRefusal(status: number, headers: Headers, body: string): boolean {
  if (status !== 429) return false;
  if (/resourceunit/i.test(headers.get('x-ms-throttle-information') ?? '')) return true;
  return /resource unit/i.test(errorMessage(body));
}

function errorMessage(body: string): string {
  if (!body) return '';
  try {
    const error = (JSON.parse(body) as { error?: { message?: unknown } } | null)?.error;
    return typeof error?.message === 'string' ? error.message : '';
  } catch {
    return '';
  }
}
