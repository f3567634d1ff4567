// The one way the console reaches data: the public HTTP API under /api/v1, with the signed-in user's token.
// The token lives in sessionStorage (gone with the tab; never in a URL, never in localStorage).
import { reactive } from './lib.js';
import { msg, tr } from './i18n.js';

const KEY = 'loumen.token';

/** Who is signed in: {token, user, expiresAt}; user is null until /auth/me answered. */
export const session = reactive({ token: sessionStorage.getItem(KEY), user: null, expiresAt: null });

/** Called when the server says the token is gone (expired, revoked): the shell goes back to sign-in. */
let onSignedOut = () => {};
export function whenSignedOut(fn) { onSignedOut = fn; }

export function setToken(token) {
  session.token = token;
  if (token) sessionStorage.setItem(KEY, token); else sessionStorage.removeItem(KEY);
}

/** An error from the API, with its code, field and the message in the current language. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.code = this.body.error || 'http-' + status;
    this.field = this.body.field || null;
  }
  /** The message for people, in the current language. */
  get text() {
    if (this.status === 0) return tr('无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and try again');
    return msg(this.body.message) || tr('请求失败', 'Request failed') + ` (HTTP ${this.status})`;
  }
}

function url(path, query) {
  let u = '/api/v1' + path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') q.append(k, v);
    }
    const s = q.toString();
    if (s) u += '?' + s;
  }
  return u;
}

async function call(method, path, { query, body, raw, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  const sentWith = session.token;
  if (sentWith) headers.Authorization = 'Bearer ' + sentWith;
  let payload;
  if (body !== undefined) {
    if (contentType) { headers['Content-Type'] = contentType; payload = body; }
    else { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  }
  let resp;
  try {
    resp = await fetch(url(path, query), { method, headers, body: payload, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (raw && resp.ok) return resp;
  const text = resp.status === 204 ? '' : await resp.text();
  let data = null;
  if (text) { try { data = JSON.parse(text); } catch (e) { data = { message: text.slice(0, 200) }; } }
  if (!resp.ok) {
    const err = new ApiError(resp.status, data);
    // only the token in use now is gone: a late answer to a request made before a new sign-in changes nothing
    if (resp.status === 401 && sentWith && session.token === sentWith && path !== '/auth/login') {
      setToken(null);
      session.user = null;
      onSignedOut(err);
    }
    if (resp.status === 403 && err.code === 'password-change-required' && session.user) {
      session.user.mustChangePassword = true;
    }
    throw err;
  }
  return data;
}

export const api = {
  get: (path, query) => call('GET', path, { query }),
  post: (path, body, query) => call('POST', path, { body: body ?? {}, query }),
  put: (path, body) => call('PUT', path, { body }),
  del: (path) => call('DELETE', path),
  /** A CSV (or other text) body. */
  upload: (path, text, contentType = 'text/csv') => call('POST', path, { body: text, contentType }),
  /** Fetches a file with the token and hands it to the browser as a download (the token never goes in a URL). */
  async download(path, query, fallbackName) {
    const resp = await call('GET', path, { query, raw: true });
    const blob = await resp.blob();
    const cd = resp.headers.get('Content-Disposition') || '';
    const m = /filename\*=UTF-8''([^;]+)/.exec(cd) || /filename="([^"]+)"/.exec(cd);
    const name = m ? decodeURIComponent(m[1]) : fallbackName;
    saveBlob(blob, name);
  },
};

/** Offers a blob as a file download. */
export function saveBlob(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * Uploads with progress (fetch cannot report upload progress): onProgress(0..1). Resolves with the JSON answer;
 * rejects with an ApiError like every other call.
 */
export function uploadWithProgress(path, blob, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(path));
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    const sentWith = session.token;
    if (sentWith) xhr.setRequestHeader('Authorization', 'Bearer ' + sentWith);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onload = () => {
      let data = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(1); resolve(data); return; }
      const err = new ApiError(xhr.status, data);
      if (xhr.status === 401 && sentWith && session.token === sentWith) { setToken(null); session.user = null; onSignedOut(err); }
      reject(err);
    };
    xhr.send(blob);
  });
}
