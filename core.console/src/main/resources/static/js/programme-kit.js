// What the console hands a programme's page (the contract of ProgrammeDefinition.consoleResources): a programme
// page is an ES module `index.js` in the programme's bundle whose default export is { mount(element, context) }
// returning an optional cleanup function. The context gives it the console's look and its API, scoped to itself.
import * as vue from './lib.js';
import { html } from './lib.js';
import * as i18n from './i18n.js';
import * as ui from './ui.js';
import { api, session } from './api.js';

/** The kit's version: pages may check it (major changes are incompatible). */
export const KIT_VERSION = '1.0';

/**
 * The context for one programme page.
 * api.get('/brands') calls /api/v1/streets/{street}/programmes/{id}/brands with the user's token; api.core reaches the
 * rest of the API (still subject to the user's rights).
 */
export function contextFor(street, programme, streetName) {
  const base = `/streets/${street}/programmes/${programme.id}`;
  const scoped = {
    get: (path, query) => api.get(base + path, query),
    post: (path, body, query) => api.post(base + path, body, query),
    put: (path, body) => api.put(base + path, body),
    del: (path) => api.del(base + path),
    download: (path, query, name) => api.download(base + path, query, name),
    core: api,
  };
  const roles = session.user.bindings.filter((b) => street.startsWith(b.node) || b.node.startsWith(street));
  return Object.freeze({
    kitVersion: KIT_VERSION,
    /** True when the user holds one of the roles at this street, above it, or inside it (a community of it). */
    hasRole: (...names) => roles.some((b) => names.includes(b.role)),
    /**
     * The communities of this street the user works in: all of them for the district and the street's admin, their
     * own for secretaries and leaders. Resolves to [{code, name}].
     */
    communities: async () => {
      const all = await api.get(`/public/streets/${street}/communities`);
      if (roles.some((b) => b.node.length <= 9)) return all;
      return all.filter((c) => roles.some((b) => b.node.startsWith(c.code)));
    },
    street,
    streetName,
    programme: { id: programme.id, name: programme.name, version: programme.version, roles: programme.roles },
    user: Object.freeze({
      username: session.user.username,
      displayName: session.user.displayName,
      bindings: session.user.bindings.map((b) => ({ role: b.role, node: b.node })),
    }),
    api: scoped,
    vue,
    html,
    ui,
    i18n,
    tr: i18n.tr,
  });
}
