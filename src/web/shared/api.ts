/**
 * Talking to the server from a page: the token (taken once from `?token=`, then kept in
 * sessionStorage and out of the address bar), authorised fetches, and URLs for what cannot carry
 * a header (WebSockets, <audio>, downloads).
 */
const TOKEN_KEY = 'earshot.token';
let memoryToken: string | null = null;

/** Reads `?token=` once: keeps it for this tab and removes it from the URL and history. */
export function initToken(): void {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return;
  memoryToken = fromUrl || null;
  try {
    if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives as long as the page
  }
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

export function getToken(): string | null {
  if (memoryToken) return memoryToken;
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function authHeaders(extra?: HeadersInit): Headers {
  const headers = new Headers(extra);
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/** The server's `{"error":{"code","message"}}`, or the status line when the body is not that. */
async function errorOf(res: Response): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, code, message);
}

export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: authHeaders(init.headers) });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', `cannot reach the server (${(err as Error).message})`);
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await apiFetch(path)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await apiFetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

/** A same-origin URL carrying the token as `?token=` (for <audio src>, download links). */
export function tokenUrl(path: string): string {
  const token = getToken();
  if (!token) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

export function wsUrl(path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${tokenUrl(path)}`;
}

/** What to tell the user about a failed request; refusals say what to do about them. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) {
      return `Sign-in needed (${err.code}): ${err.message}. Open this page with ?token=YOUR_TOKEN in the address.`;
    }
    if (err.status === 403) return `Not allowed (${err.code}): ${err.message}. Ask an administrator for a token with the right role.`;
    if (err.status === 0) return `The server cannot be reached: ${err.message}.`;
    return `${err.message} (${err.code}, HTTP ${err.status})`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function isRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.status === 401 || err.status === 403);
}
