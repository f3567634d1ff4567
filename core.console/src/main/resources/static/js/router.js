// A small hash router: #/path/with/:params?filters. The part after '#' never reaches the server; filters in it are
// codes and states only — personal data (names, phones) never goes into a URL.
import { reactive } from './lib.js';

/** The current route: path, params (from the pattern), query (filters). */
export const route = reactive({ path: '/', params: {}, query: {}, match: null });

let table = [];

/** Registers the routes: [{path: '/leaders/:id', ...anything the shell needs}]. */
export function defineRoutes(list) {
  table = list.map((r) => {
    const keys = [];
    const rx = new RegExp('^' + r.path.replace(/:([a-zA-Z]+)/g, (_, k) => { keys.push(k); return '([^/]+)'; }) + '$');
    return { ...r, rx, keys };
  });
  resolve();
}

export function parse(hash) {
  const h = (hash || '').replace(/^#/, '') || '/';
  const [path, qs] = h.split('?');
  const query = Object.fromEntries(new URLSearchParams(qs || ''));
  return { path: path || '/', query };
}

function resolve() {
  const { path, query } = parse(location.hash);
  for (const r of table) {
    const m = r.rx.exec(path);
    if (m) {
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
      Object.assign(route, { path, params, query, match: r });
      return;
    }
  }
  Object.assign(route, { path, params: {}, query, match: null });
}

window.addEventListener('hashchange', resolve);

/** Builds '#/path?filters' from a path and a query object (empty values left out). */
export function href(path, query) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') q.append(k, v);
  const s = q.toString();
  return '#' + path + (s ? '?' + s : '');
}

export function navigate(path, query) {
  const target = href(path, query);
  if (location.hash !== target) location.hash = target;
  resolve(); // at once: the page host must not load the old route's page first
}

/** Replaces the filters of the current page without a new history entry per keystroke. */
export function setQuery(query) {
  history.replaceState(null, '', href(route.path, query));
  resolve();
}
