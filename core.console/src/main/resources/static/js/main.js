// The console shell: sign-in gate, left navigation by role, top bar (scope, language, user menu), the page.
import { html, createApp, defineComponent, ref, computed, watch, shallowRef, reactive } from './lib.js';
import { tr, lang, setLang, name } from './i18n.js';
import { session, whenSignedOut, api } from './api.js';
import { has, scope, switchScope, bindings, loadMe, signOut, STAFF } from './auth.js';
import { route, defineRoutes, navigate } from './router.js';
import { placeName } from './places.js';
import { ConfirmHost, ToastHost, ErrorAlert, Loading, toast } from './ui.js';
import { inbox, refreshUnread, watchUnread } from './inbox.js';

const ALL_STAFF = STAFF;
const WITH_LEADER = [...STAFF, 'LEADER'];

/** Every page: path, menu label (null: not in the menu), who may open it, and its module. */
const WORKSPACE = () => import('./pages/workspace.js');
const PAGES = [
  { path: '/workspace', zh: '工作台', en: 'Workspace', icon: '☷', roles: ['LEADER'], load: WORKSPACE },
  { path: '/workspace/:section', roles: ['LEADER'], load: WORKSPACE, parent: '/workspace' },
  { path: '/workspace/:section/:id', roles: ['LEADER'], load: WORKSPACE, parent: '/workspace' },
  { path: '/', zh: '首页', en: 'Home', icon: '⌂', roles: ALL_STAFF, load: () => import('./pages/dashboard.js') },
  { path: '/org', zh: '组织架构', en: 'Organisation', icon: '▦', roles: ALL_STAFF, load: () => import('./pages/org.js') },
  { path: '/leaders', zh: '楼门栋长', en: 'Leaders', icon: '☺', roles: ALL_STAFF, load: () => import('./pages/leaders.js') },
  { path: '/leaders/new', roles: ALL_STAFF, load: () => import('./pages/leader-new.js'), parent: '/leaders' },
  { path: '/leaders/:id', roles: ALL_STAFF, load: () => import('./pages/leader.js'), parent: '/leaders' },
  { path: '/leader-accounts', zh: '楼门栋长账号', en: 'Leader accounts', icon: '✉', roles: ALL_STAFF, load: () => import('./pages/leader-accounts.js') },
  { path: '/imports', zh: '导入导出', en: 'Import / export', icon: '⇅', roles: ALL_STAFF, load: () => import('./pages/imports.js') },
  { path: '/households', zh: '住户', en: 'Households', icon: '⌂', roles: WITH_LEADER, load: () => import('./pages/households.js') },
  { path: '/reports', zh: '问题时报', en: 'Problem reports', icon: '!', roles: WITH_LEADER, load: () => import('./pages/reports.js') },
  { path: '/reports/:id', roles: WITH_LEADER, load: () => import('./pages/report.js'), parent: '/reports' },
  { path: '/meetings', zh: '例会', en: 'Meetings', icon: '◷', roles: ALL_STAFF, load: () => import('./pages/meetings.js') },
  { path: '/meetings/:id', roles: ALL_STAFF, load: () => import('./pages/meeting.js'), parent: '/meetings' },
  { path: '/care', zh: '关怀走访', en: 'Care visits', icon: '♥', roles: WITH_LEADER, load: () => import('./pages/care.js') },
  { path: '/training', zh: '入职培训', en: 'Onboarding training', icon: '✎', roles: ALL_STAFF, load: () => import('./pages/training.js') },
  { path: '/training/:id', roles: ALL_STAFF, load: () => import('./pages/training-batch.js'), parent: '/training' },
  { path: '/capacity-training', zh: '赋能培训', en: 'Capacity training', icon: '✦', roles: ALL_STAFF, load: () => import('./pages/capacity.js') },
  { path: '/evaluations', zh: '群众评议', en: 'Evaluations', icon: '✓', roles: ALL_STAFF, load: () => import('./pages/evaluations.js') },
  { path: '/evaluations/:id', roles: ALL_STAFF, load: () => import('./pages/evaluation.js'), parent: '/evaluations' },
  { path: '/awards', zh: '评优', en: 'Awards', icon: '★', roles: ALL_STAFF, load: () => import('./pages/awards.js') },
  { path: '/awards/:id', roles: ALL_STAFF, load: () => import('./pages/award.js'), parent: '/awards' },
  { path: '/projects', zh: '项目扶持', en: 'Projects', icon: '⚒', roles: ALL_STAFF, load: () => import('./pages/projects.js') },
  { path: '/committees', zh: '下属委员会', en: 'Sub-committees', icon: '⚖', roles: ALL_STAFF, load: () => import('./pages/committees.js') },
  { path: '/campaigns', zh: '宣传活动', en: 'Campaigns', icon: '✺', roles: ALL_STAFF, load: () => import('./pages/campaigns.js') },
  { path: '/consultations', zh: '楼门议事', en: 'Consultations', icon: '☍', roles: ALL_STAFF, load: () => import('./pages/consultations.js') },
  { path: '/programmes', zh: '特色项目', en: 'Programmes', icon: '◈', roles: ALL_STAFF, load: () => import('./pages/programmes.js') },
  { path: '/p/:street/:programme', roles: WITH_LEADER, load: () => import('./pages/programme-page.js'), parent: '/programmes' },
  { path: '/users', zh: '账号', en: 'Accounts', icon: '⚿', roles: ALL_STAFF, load: () => import('./pages/users.js') },
  { path: '/users/:username', roles: ALL_STAFF, load: () => import('./pages/user.js'), parent: '/users' },
  { path: '/audit', zh: '审计日志', en: 'Audit log', icon: '☰', roles: ['AUDITOR', 'DISTRICT_ADMIN'], load: () => import('./pages/audit.js') },
  { path: '/notifications', roles: WITH_LEADER, load: () => import('./pages/notifications.js') },
  { path: '/print/:doc/:id', roles: WITH_LEADER, print: true, load: () => import('./pages/print.js') },
  { path: '/password', roles: null, load: () => import('./pages/password.js') },
  { path: '/login', roles: null, public: true, load: () => import('./pages/signin.js') },
];
defineRoutes(PAGES);

/** A leader without a staff role: works in the phone-first workspace, without the staff menu. */
export function leaderOnly() {
  return has('LEADER') && !has(...ALL_STAFF, 'AUDITOR');
}

/** The first page the user may open: staff land on the dashboard, auditors on the log, leaders on the workspace. */
export function homePath() {
  // a leader's account lands on the workspace; an account bound as LEADER without a leader record (a programme's
  // helper such as a 楼门管家 steward) on the programmes of its street, where its programme page opens
  if (leaderOnly()) return session.user && !session.user.leaderId ? '/workspace/programmes' : '/workspace';
  const p = PAGES.find((x) => x.zh && x.roles && has(...x.roles));
  return p ? p.path : '/password';
}

/** The programmes with a console page that the user may open: from their streets' enabled programmes. */
const programmeMenu = reactive({ items: [], loadedFor: null });
async function loadProgrammeMenu() {
  const key = session.user ? session.user.username + '|' + scope.node : null;
  if (!key || programmeMenu.loadedFor === key) return;
  programmeMenu.loadedFor = key;
  const roles = new Set(bindings().map((b) => b.role));
  const streets = new Set();
  for (const b of bindings('DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY', 'LEADER')) {
    if (b.node.length >= 9) streets.add(b.node.slice(0, 9));
  }
  if (has('DISTRICT_ADMIN') && scope.node && scope.node.length >= 9) streets.add(scope.node.slice(0, 9));
  const items = [];
  for (const street of streets) {
    try {
      const list = await api.get(`/streets/${street}/programmes`);
      for (const p of list) {
        if (p.enabled && p.state === 'ACTIVE' && p.console && p.console.resources && p.roles.some((r) => roles.has(r))) {
          items.push({ street, id: p.id, menu: p.console.menu, name: p.name });
        }
      }
    } catch (e) { /* the menu is a convenience: the page itself reports errors */ }
  }
  programmeMenu.items = items;
}
/** Pages call this after switching a programme so the menu follows at once. */
export function refreshProgrammeMenu() { programmeMenu.loadedFor = null; return loadProgrammeMenu(); }
window.addEventListener('loumen:programmes-changed', () => refreshProgrammeMenu());

const Nav = defineComponent({
  props: { open: Boolean, onNavigate: Function },
  setup(props) {
    const active = (p) => route.match && (route.match.path === p.path || route.match.parent === p.path);
    return () => html`
      <nav id="sidenav" class=${'sidenav' + (props.open ? ' open' : '')} aria-label=${tr('主菜单', 'Main menu')}>
        <ul class="nav flex-column">
          ${PAGES.filter((p) => p.zh && p.roles && has(...p.roles)).map((p) => html`
            <li class="nav-item" key=${p.path}>
              <a class=${'nav-link' + (active(p) ? ' active' : '')} aria-current=${active(p) ? 'page' : null}
                 href=${'#' + p.path} onClick=${() => props.onNavigate()} data-nav=${p.path}>
                <span class="nav-icon" aria-hidden="true">${p.icon}</span><span class="nav-label">${tr(p.zh, p.en)}</span></a>
            </li>`)}
          ${programmeMenu.items.length ? html`<li class="nav-section">${tr('本街道项目', 'Street programmes')}</li>` : null}
          ${programmeMenu.items.map((p) => html`
            <li class="nav-item" key=${p.street + p.id}>
              <a class=${'nav-link' + (route.params.programme === p.id && route.params.street === p.street ? ' active' : '')}
                 href=${`#/p/${p.street}/${p.id}`} onClick=${() => props.onNavigate()} data-programme=${p.id}>
                <span class="nav-icon" aria-hidden="true">◇</span>${name(p.menu) || name(p.name)}${programmeMenu.items.some((o) => o.id === p.id && o.street !== p.street) ? html` <small>(${placeName(p.street)})</small>` : null}</a>
            </li>`)}
        </ul>
      </nav>`;
  },
});

const ROLE_NAMES = {
  DISTRICT_ADMIN: ['区管理员', 'District admin'], STREET_ADMIN: ['街镇管理员', 'Street admin'],
  COMMUNITY_SECRETARY: ['社区书记', 'Community secretary'], LEADER: ['楼门栋长', 'Leader'], AUDITOR: ['审计员', 'Auditor'],
};
export function roleName(r) { const n = ROLE_NAMES[r]; return n ? tr(n[0], n[1]) : r; }

const TopBar = defineComponent({
  props: { onMenu: Function, menuOpen: Boolean, noMenu: Boolean },
  setup(props) {
    const userMenu = ref(false);
    const doSignOut = async () => { userMenu.value = false; await signOut(); navigate('/login'); };
    return () => html`
      <header class="topbar">
        ${props.noMenu ? null : html`<button type="button" class="btn btn-outline-light d-lg-none me-2 menu-toggle" aria-controls="sidenav"
                aria-expanded=${props.menuOpen ? 'true' : 'false'} onClick=${() => props.onMenu()}>☰<span class="visually-hidden"> ${tr('菜单', 'Menu')}</span></button>`}
        <a class="brand" href="#/" aria-label=${tr('楼门栋长工作平台 首页', 'Loumen home')}><img src=${document.getElementById('app').dataset.assets + '/img/logo.svg'} alt="" width="28" height="28" />
          <span>${tr('楼门栋长工作平台', 'Loumen building leaders')}</span></a>
        <div class="ms-auto d-flex align-items-center gap-2 flex-wrap justify-content-end">
          ${session.user && !props.noMenu ? html`
            <label class="visually-hidden" for="scope-switch">${tr('当前范围', 'Current scope')}</label>
            <select id="scope-switch" class="form-select form-select-sm scope-switch" data-testid="scope"
                    disabled=${bindings().length < 2}
                    onChange=${(e) => { const b = bindings()[Number(e.target.value)]; switchScope(b); }}>
              ${bindings().map((b, i) => html`<option value=${i} selected=${b.role === scope.role && b.node === scope.node}>${roleName(b.role)} · ${placeName(b.node)}</option>`)}
            </select>` : null}
          <button type="button" class="btn btn-sm btn-outline-light" data-testid="lang" aria-label=${lang.value === 'en' ? '切换到中文' : 'Switch to English'}
                  onClick=${() => setLang(lang.value === 'en' ? 'zh' : 'en')} lang=${lang.value === 'en' ? 'zh-CN' : 'en'}>
            <span class="lang-long">${lang.value === 'en' ? '中文' : 'English'}</span><span class="lang-short" aria-hidden="true">${lang.value === 'en' ? '中' : 'EN'}</span></button>
          ${session.user && !session.user.mustChangePassword && has(...WITH_LEADER) ? html`
            <a class="btn btn-sm btn-outline-light position-relative inbox-bell" href="#/notifications" data-testid="inbox-bell"
               aria-label=${inbox.unread ? tr(`通知，${inbox.unread} 条未读`, `Notifications, ${inbox.unread} unread`) : tr('通知', 'Notifications')}>
              <span aria-hidden="true" class="bell-icon">✉</span><span class="bell-label"> ${tr('通知', 'Notices')}</span>
              ${inbox.unread ? html`<span class="badge rounded-pill text-bg-danger inbox-count" data-testid="inbox-count" aria-hidden="true">${inbox.unread > 99 ? '99+' : inbox.unread}</span>` : null}</a>` : null}
          ${session.user ? html`
            <div class="position-relative">
              <button type="button" class="btn btn-sm btn-light" aria-haspopup="true" aria-expanded=${userMenu.value ? 'true' : 'false'}
                      data-testid="user-menu" onClick=${() => { userMenu.value = !userMenu.value; }}>
                <span class="user-name">${session.user.displayName || session.user.username}</span> ▾</button>
              ${userMenu.value ? html`
                <ul class="dropdown-menu dropdown-menu-end show user-menu">
                  <li><span class="dropdown-item-text small text-body-secondary">${session.user.username}</span></li>
                  <li><a class="dropdown-item" href="#/password" onClick=${() => { userMenu.value = false; }}>${tr('修改密码', 'Change password')}</a></li>
                  ${has(...ALL_STAFF, 'AUDITOR') ? html`<li><a class="dropdown-item" href="/api-docs" data-testid="api-docs">${tr('接口文档', 'API documentation')}</a></li>` : null}
                  <li><button type="button" class="dropdown-item" data-testid="sign-out" onClick=${doSignOut}>${tr('退出登录', 'Sign out')}</button></li>
                </ul>` : null}
            </div>` : null}
        </div>
      </header>`;
  },
});

/** Loads the page module of the current route and shows it; a user without the page's roles goes home. */
const PageHost = defineComponent({
  props: { cls: { type: String, default: '' } },
  setup(props) {
    const comp = shallowRef(null);
    /** The route the loaded page belongs to: until the next page's module is there, no page is shown (the old one,
     * keyed by the new path, would otherwise be mounted again and load its data for nothing). */
    const loadedFor = shallowRef(null);
    const error = ref(null);
    const load = async () => {
      const m = route.match;
      error.value = null;
      if (!m) { comp.value = null; error.value = new Error(tr('没有这个页面', 'No such page')); return; }
      try {
        const mod = await m.load();
        if (route.match !== m) return;
        comp.value = mod.default;
        loadedFor.value = m;
      } catch (e) {
        comp.value = null;
        error.value = e;
      }
    };
    watch(() => route.match, load, { immediate: true });
    return () => html`<main id="main" class=${'content ' + props.cls} tabindex="-1">
      ${error.value ? html`<${ErrorAlert} error=${error.value} />` : comp.value && loadedFor.value === route.match ? html`<${comp.value} key=${route.path + '|' + scope.node} />` : html`<${Loading} />`}
    </main>`;
  },
});

const App = defineComponent({
  setup() {
    const ready = ref(false);
    const menuOpen = ref(false);
    const guard = () => {
      const m = route.match;
      if (!session.user) {
        if (!m || !m.public) {
          const next = location.hash && !location.hash.startsWith('#/login') ? location.hash.slice(1) : '';
          navigate('/login', next ? { next } : {});
        }
        return;
      }
      if (session.user.mustChangePassword && route.path !== '/password') { navigate('/password'); return; }
      if (m && m.public) {
        // just signed in: back to the page the user was on when the session ended, else home
        const next = route.query.next;
        if (next && next.startsWith('/') && !next.startsWith('/login')) location.hash = '#' + next;
        else navigate(homePath());
        return;
      }
      if (m && m.roles && !has(...m.roles)) { navigate(homePath()); return; }
      if (m && m.path === '/' && !has(...ALL_STAFF)) navigate(homePath());
    };
    whenSignedOut(() => {
      if (location.hash.startsWith('#/login')) return; // several requests may learn it at once: act on the first
      const next = location.hash.slice(1);
      toast(tr('登录已过期或已退出，请重新登录', 'Your session ended; please sign in again'), 'info');
      navigate('/login', next ? { next, expired: '1' } : { expired: '1' });
    });
    (async () => {
      if (session.token) {
        try { await loadMe(); } catch (e) { /* expired: handled by whenSignedOut */ }
      }
      ready.value = true;
      guard();
    })();
    watch(() => [route.path, session.user && session.user.mustChangePassword, !!session.user], () => { if (ready.value) guard(); });
    watch(() => [session.user && session.user.username, scope.node], () => { if (session.user && !session.user.mustChangePassword) loadProgrammeMenu(); }, { immediate: true });
    watch(() => route.path, () => { menuOpen.value = false; });
    watch(() => [session.user && session.user.username, session.user && session.user.mustChangePassword, route.path], () => {
      if (session.user && !session.user.mustChangePassword && has(...WITH_LEADER)) { watchUnread(); refreshUnread(); }
    }, { immediate: true });
    return () => {
      if (!ready.value) return html`<p class="boot">${tr('正在加载…', 'Loading…')}</p>`;
      const bare = !session.user || (route.match && route.match.public) || session.user.mustChangePassword;
      if (!bare && route.match && route.match.print) {
        // a print preview: the document alone (its own toolbar says 打印 and 返回)
        return html`<div class="print-host"><${PageHost} /></div><${ConfirmHost} /><${ToastHost} />`;
      }
      const easy = !bare && (leaderOnly() || (route.match && route.match.path.startsWith('/workspace')));
      return html`
        <a class="skip-link" href="#main" onClick=${(e) => { e.preventDefault(); const m = document.getElementById('main'); if (m) m.focus(); }}>${tr('跳到正文', 'Skip to content')}</a>
        ${bare ? html`<div class="bare"><${TopBar} onMenu=${() => {}} /><${PageHost} /></div>` : easy && leaderOnly() ? html`
          <div class="ws-shell"><${TopBar} noMenu=${true} onMenu=${() => {}} /><${PageHost} cls="easy easy-main" /></div>` : html`
          <div class="shell">
            <${TopBar} onMenu=${() => { menuOpen.value = !menuOpen.value; }} menuOpen=${menuOpen.value} />
            <div class="body">
              <${Nav} open=${menuOpen.value} onNavigate=${() => { menuOpen.value = false; }} />
              <${PageHost} cls=${easy ? 'easy' : ''} />
            </div>
          </div>`}
        <${ConfirmHost} />
        <${ToastHost} />`;
    };
  },
});

createApp(App).mount('#app');
