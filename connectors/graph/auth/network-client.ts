import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/**
 * msal's HTTP, through the same undici dispatcher as Graph calls, so the token endpoint of the sandbox tenant (a
 * self-signed certificate) is trusted without NODE_EXTRA_CA_CERTS or turning off certificate checks; with the
 * same decorated User-Agent.
 */
export function createMsalNetworkClient(dispatcher: unknown, userAgent: string): INetworkModule {
  async function send<T>(url: string, init: RequestInit, timeout?: number): Promise<NetworkResponse<T>> {
    const response = await fetch(url, {
      ...init,
      ...(dispatcher ? { dispatcher } : {}),
      ...(timeout ? { signal: AbortSignal.timeout(timeout) } : {}),
    } as RequestInit);
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // msal reports a non-JSON answer by its status; the text itself is not passed on.
    }
    return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: body as T };
  }
  return {
    sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number) {
      return send<T>(url, { method: 'GET', headers: { ...options?.headers, 'User-Agent': userAgent } }, timeout);
    },
    sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
      return send<T>(url, { method: 'POST', headers: { ...options?.headers, 'User-Agent': userAgent }, body: options?.body ?? '' });
    },
  };
}
