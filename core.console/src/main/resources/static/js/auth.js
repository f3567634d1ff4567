// Who the user is and what they may do. The server decides every access (each route's rule); the console only
// hides what the server would refuse, so menus and buttons match the user's roles and place in the tree.
import { reactive, computed } from './lib.js';
import { api, session, setToken } from './api.js';

export const ROLES = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER', 'AUDITOR'];
export const STAFF = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];

/** The scope the user works in now: one of their role bindings {role, node}; switchable when they hold several. */
export const scope = reactive({ role: null, node: null });

/** True when the user holds any of the roles (anywhere). */
export function has(...roles) {
  const u = session.user;
  return !!u && u.bindings.some((b) => roles.includes(b.role));
}

/** The user's bindings with one of the roles. */
export function bindings(...roles) {
  const u = session.user;
  return u ? u.bindings.filter((b) => roles.length === 0 || roles.includes(b.role)) : [];
}

/** The kind of node a code names: district, street, community, building or unit. */
export function kindOf(code) {
  if (!code) return null;
  if (/U\d+$/.test(code)) return 'unit';
  if (/B\d+$/.test(code)) return 'building';
  if (/^\d{12}$/.test(code)) return 'community';
  if (/^\d{9}$/.test(code)) return 'street';
  if (/^\d{6}$/.test(code)) return 'district';
  return null;
}

/** True when the current scope covers the code (codes are hierarchical by prefix). */
export function covers(node, code) {
  return !!node && !!code && code.startsWith(node);
}

/** The street (9 digits) and community (12 digits) of the current scope, when it is at or below them. */
export const scopeStreet = computed(() => (scope.node && scope.node.length >= 9 ? scope.node.slice(0, 9) : ''));
export const scopeCommunity = computed(() => (scope.node && scope.node.length >= 12 ? scope.node.slice(0, 12) : ''));

const RANK = { DISTRICT_ADMIN: 0, AUDITOR: 1, STREET_ADMIN: 2, COMMUNITY_SECRETARY: 3, LEADER: 4 };

function chooseScope() {
  const saved = sessionStorage.getItem('loumen.scope');
  const all = bindings();
  const keep = all.find((b) => `${b.role}@${b.node}` === saved);
  const pick = keep || [...all].sort((a, b) => RANK[a.role] - RANK[b.role])[0] || { role: null, node: null };
  scope.role = pick.role;
  scope.node = pick.node;
}

export function switchScope(b) {
  scope.role = b.role;
  scope.node = b.node;
  sessionStorage.setItem('loumen.scope', `${b.role}@${b.node}`);
}

/** Loads the signed-in user (after sign-in or a page reload with a token). */
export async function loadMe() {
  const me = await api.get('/auth/me');
  session.user = me.user;
  session.expiresAt = me.expiresAt;
  chooseScope();
  return me.user;
}

export async function signIn(username, password) {
  const r = await api.post('/auth/login', { username, password });
  setToken(r.token);
  session.user = r.user;
  session.expiresAt = r.expiresAt;
  chooseScope();
  return r.user;
}

export async function signOut() {
  try { if (session.token) await api.post('/auth/logout'); } catch (e) { /* already gone */ }
  setToken(null);
  session.user = null;
  sessionStorage.removeItem('loumen.scope');
}
