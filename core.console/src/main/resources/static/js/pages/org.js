// 组织架构 / Organisation: the tree district → street → community → building → unit with its codes, loaded a level
// at a time as it is opened. The selected node's panel offers only what the user's role may do there: street and
// district admins add and rename communities; they and community secretaries add buildings and units and rename them.
import { html, defineComponent, reactive, ref } from '../lib.js';
import { tr, name as nameOf } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { bindings, scope } from '../auth.js';
import { refreshCommunities, learn } from '../places.js';
import { PageHeader, ErrorAlert, Field, BusyButton, useForm, toast, Loading } from '../ui.js';
import { mayAt } from '../people.js';

const ADMINS = ['DISTRICT_ADMIN', 'STREET_ADMIN'];
const MANAGERS = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_SECRETARY'];

const KIND = {
  district: ['区', 'District'], SUBDISTRICT: ['街道', 'Subdistrict'], TOWN: ['镇', 'Town'],
  COMMUNITY: ['社区', 'Community'], VILLAGE: ['村', 'Village'], building: ['楼栋', 'Building'], unit: ['单元', 'Unit'],
};

export default defineComponent({
  setup() {
    /** Every node seen, by code: {code, level, kind, name, version, data, children (codes) or null, open, loading, error}. */
    const nodes = reactive({});
    const root = ref(null);
    const rootError = ref(null);
    const selected = ref(null);

    const put = (code, level, kind, nm, data, children = null) => {
      const n = nodes[code];
      if (n) {
        Object.assign(n, { kind, name: nm, data, version: data && data.version });
        if (children) n.children = children;
      } else {
        nodes[code] = { code, level, kind, name: nm, data, version: data && data.version, children, open: false, loading: false, error: null };
      }
      return code;
    };
    const building = (b) => {
      b.units.forEach((u) => put(u.code, 'unit', 'unit', u.label, u, []));
      return put(b.code, 'building', 'building', b.label, b, b.units.map((u) => u.code));
    };

    /** Loads a node's children (again). */
    const load = async (code) => {
      const n = nodes[code];
      n.loading = true; n.error = null;
      try {
        if (n.level === 'district') {
          const streets = await api.get('/streets');
          n.children = streets.map((s) => put(s.code, 'street', s.kind, s.name, s));
        } else if (n.level === 'street') {
          let list;
          if (mayAt(code, ...ADMINS)) {
            list = await api.get(`/streets/${code}/communities`);
          } else {
            // a secretary sees their own communities only
            const mine = [...new Set(bindings().map((b) => b.node).filter((c) => c.length >= 12 && c.startsWith(code)).map((c) => c.slice(0, 12)))];
            list = await Promise.all(mine.map((c) => api.get(`/communities/${c}`)));
          }
          n.children = list.map((c) => { learn(c.code, c.name); return put(c.code, 'community', c.kind, c.name, c); });
        } else if (n.level === 'community') {
          const list = await api.get(`/communities/${code}/buildings`);
          n.children = list.map(building);
        }
      } catch (e) {
        n.error = e;
      } finally {
        n.loading = false;
      }
    };
    const toggle = async (code) => {
      const n = nodes[code];
      n.open = !n.open;
      if (n.open && n.children == null) await load(code);
    };
    const expand = async (code) => { const n = nodes[code]; if (!n) return; n.open = true; if (n.children == null) await load(code); };

    (async () => {
      try {
        const d = await api.get('/district');
        root.value = put(d.code, 'district', 'district', nameOf({ zh: d.name, en: d.nameEn }), d);
        await expand(root.value);
        // open the way down to where the user works
        const node = scope.node || '';
        if (node.length >= 9) await expand(node.slice(0, 9));
        if (node.length >= 12) await expand(node.slice(0, 12));
        selected.value = node.length >= 12 ? node.slice(0, 12) : node.length >= 9 ? node.slice(0, 9) : root.value;
      } catch (e) {
        rootError.value = e;
      }
    })();

    // ---- the tree ----
    const kindBadge = (n) => html`<span class="badge text-bg-light border tree-kind">${tr(...(KIND[n.kind] || KIND[n.level] || [n.level, n.level]))}</span>`;
    const renderNode = (code) => {
      const n = nodes[code];
      const leaf = n.level === 'unit' || (n.level === 'building' && n.children && n.children.length === 0);
      return html`<li key=${code} data-node=${code} data-level=${n.level}>
        <div class=${'tree-row' + (selected.value === code ? ' selected' : '')}>
          ${leaf ? html`<span class="tree-toggle tree-leaf" aria-hidden="true">•</span>`
            : html`<button type="button" class="tree-toggle" data-testid="toggle" aria-expanded=${n.open ? 'true' : 'false'}
                     aria-label=${(n.open ? tr('收起 ', 'Collapse ') : tr('展开 ', 'Expand ')) + n.name} onClick=${() => toggle(code)}>${n.open ? '▾' : '▸'}</button>`}
          <button type="button" class="tree-label" data-testid="select" aria-current=${selected.value === code ? 'true' : null}
                  onClick=${() => { selected.value = code; }}>${kindBadge(n)} <span class="tree-name">${n.name}</span></button>
          <span class="mono tree-code" data-testid="code">${code}</span>
        </div>
        ${n.open && !leaf ? html`<ul>
          ${n.loading ? html`<li class="text-body-secondary small" role="status">${tr('加载中…', 'Loading…')}</li>` : null}
          ${n.error ? html`<li><${ErrorAlert} error=${n.error} /></li>` : null}
          ${n.children ? n.children.map(renderNode) : null}
          ${n.children && !n.children.length && !n.loading ? html`<li class="text-body-secondary small">${n.level === 'community'
            ? tr('还没有楼栋', 'No buildings yet') : tr('空', 'Empty')}</li>` : null}
        </ul>` : null}
      </li>`;
    };

    // ---- the selected node's panel: facts and what may be done there ----
    const forms = reactive({ open: null, v: {}, stale: null });
    const form = useForm();
    const openForm = (kind, v) => { forms.open = kind; forms.v = v; forms.stale = null; form.error = null; form.fields = {}; };
    const close = () => { forms.open = null; forms.stale = null; };

    /** The next free committee segment of the street: communities 001-199, villages 200-399. */
    const nextCode = (street, kind) => {
      const segs = (nodes[street].children || []).map((c) => Number(c.slice(9)));
      const [lo, hi] = kind === 'VILLAGE' ? [200, 399] : [1, 199];
      const used = segs.filter((s) => s >= lo && s <= hi);
      const next = used.length ? Math.max(...used) + 1 : lo === 200 ? 201 : 1;
      return String(Math.min(next, hi)).padStart(3, '0');
    };

    const submit = async (e) => {
      e.preventDefault();
      const code = selected.value;
      const n = nodes[code];
      const v = forms.v;
      if (forms.open === 'community') {
        const c = await form.run(() => api.post(`/streets/${code}/communities`, { code: code + v.segment, name: v.name.trim(), kind: v.kind }));
        if (!c) return;
        refreshCommunities(code);
        await load(code); n.open = true;
        selected.value = c.code;
        toast(tr(`已新增 ${c.name}（${c.code}）`, `Added ${c.name} (${c.code})`));
        close();
      } else if (forms.open === 'building' || forms.open === 'unit') {
        const path = forms.open === 'building' ? `/communities/${code}/buildings` : `/buildings/${code}/units`;
        const r = await form.run(() => api.post(path, { label: v.label.trim() }));
        if (!r) return;
        if (forms.open === 'building') { await load(code); n.open = true; } else {
          const community = code.slice(0, 12);
          await load(community);
          nodes[code].open = true;
        }
        selected.value = r.code;
        toast(tr(`已新增 ${r.label}（${r.code}）`, `Added ${r.label} (${r.code})`));
        close();
      } else if (forms.open === 'rename') {
        const version = forms.stale ? forms.stale.version : n.version;
        const field = n.level === 'community' ? 'name' : 'label';
        const path = n.level === 'community' ? `/communities/${code}` : n.level === 'building' ? `/buildings/${code}` : `/units/${code}`;
        const r = await form.run(() => api.put(path, { [field]: v.name.trim(), version }));
        if (r) {
          if (n.level === 'community') { put(code, 'community', r.kind, r.name, r); learn(r.code, r.name); refreshCommunities(code.slice(0, 9)); }
          else await load(code.slice(0, 12));
          toast(tr('已重命名，代码不变', 'Renamed; the code stays'));
          close();
        } else if (form.error instanceof ApiError && form.error.code === 'stale-version') {
          forms.stale = await fresh(n);
        }
      }
    };
    /** The node as stored now (after someone else's change). */
    const fresh = async (n) => {
      try {
        if (n.level === 'community') { const c = await api.get(`/communities/${n.code}`); put(n.code, 'community', c.kind, c.name, c); return { name: c.name, version: c.version }; }
        await load(n.code.slice(0, 12));
        const m = nodes[n.code];
        return { name: m.name, version: m.version };
      } catch (e) { return null; }
    };

    const actions = (n) => {
      const list = [];
      if (n.level === 'street' && mayAt(n.code, ...ADMINS)) {
        list.push(['community', tr('新增社区/村', 'Add a community'), () => openForm('community', { segment: n.children ? nextCode(n.code, 'COMMUNITY') : '', name: '', kind: 'COMMUNITY' })]);
      }
      if (n.level === 'community' && mayAt(n.code, ...ADMINS)) list.push(['rename', tr('重命名', 'Rename'), () => openForm('rename', { name: n.name })]);
      if (n.level === 'community' && mayAt(n.code, ...MANAGERS)) list.push(['building', tr('新增楼栋', 'Add a building'), () => openForm('building', { label: '' })]);
      if (n.level === 'building' && mayAt(n.code, ...MANAGERS)) list.push(['unit', tr('新增单元', 'Add a unit'), () => openForm('unit', { label: '' })]);
      // buildings and units carry a version once the platform can rename them
      if ((n.level === 'building' || n.level === 'unit') && n.data && n.data.version != null && mayAt(n.code, ...MANAGERS)) {
        list.push(['rename', tr('重命名', 'Rename'), () => openForm('rename', { name: n.name })]);
      }
      return list;
    };

    const formBody = (n) => {
      const v = forms.v;
      const input = (k, label, attrs = {}) => html`<${Field} label=${label} required error=${form.err(k === 'name' && n.level !== 'community' && forms.open === 'rename' ? 'label' : k)}>${({ id, describedBy }) => html`
        <input id=${id} name=${k} class="form-control" value=${v[k]} aria-describedby=${describedBy} autocomplete="off"
               onInput=${(e) => { v[k] = e.target.value; }} ...${attrs} />`}<//>`;
      let fields;
      let title;
      if (forms.open === 'community') {
        title = tr(`在 ${n.name} 新增社区/村`, `Add a community to ${n.name}`);
        fields = html`
          <${Field} label=${tr('类型', 'Kind')} required>${({ id }) => html`<select id=${id} class="form-select" onChange=${(e) => { v.kind = e.target.value; v.segment = nextCode(n.code, v.kind); }}>
            <option value="COMMUNITY" selected=${v.kind === 'COMMUNITY'}>${tr('社区（居委会）', 'Community (residents\u2019 committee)')}</option>
            <option value="VILLAGE" selected=${v.kind === 'VILLAGE'}>${tr('村（村委会）', 'Village (villagers\u2019 committee)')}</option></select>`}<//>
          <${Field} label=${tr('代码', 'Code')} required error=${form.err('code')} help=${tr('统计用区划代码的后 3 位：社区一般 0xx，村 2xx；已填入下一个空号', 'The last 3 digits of the statistical division code: communities usually 0xx, villages 2xx; the next free one is filled in')}>${({ id, describedBy }) => html`
            <div class="input-group"><span class="input-group-text mono">${n.code}</span>
              <input id=${id} name="segment" class="form-control mono" inputmode="numeric" maxlength="3" pattern="[0-9]{3}" value=${v.segment}
                     aria-describedby=${describedBy} onInput=${(e) => { v.segment = e.target.value.replace(/\D/g, ''); }} /></div>`}<//>
          ${input('name', tr('名称', 'Name'), { maxlength: 60 })}`;
      } else if (forms.open === 'rename') {
        title = tr(`重命名 ${n.name}`, `Rename ${n.name}`);
        fields = html`
          ${forms.stale ? html`<div class="alert alert-warning" role="alert" data-testid="stale">
            ${tr(`未保存：在此期间已有人把它改为“${forms.stale.name}”（现为第 ${forms.stale.version} 版）。如仍要改为下面的名称，请再点“保存”（将以最新版本为准）；否则点“取消”。`,
              `Not saved: meanwhile someone renamed it to \u201c${forms.stale.name}\u201d (now version ${forms.stale.version}). To rename it to the name below anyway, press Save again (on the latest version); otherwise Cancel.`)}</div>` : null}
          ${input('name', n.level === 'community' ? tr('新名称', 'New name') : tr('新标签（如 3号楼、2单元）', 'New label (e.g. 3号楼, 2单元)'), { maxlength: 60 })}
          <p class="small text-body-secondary">${tr(`代码 ${n.code} 不变。`, `The code ${n.code} stays.`)}</p>`;
      } else {
        title = forms.open === 'building' ? tr(`在 ${n.name} 新增楼栋`, `Add a building to ${n.name}`) : tr(`在 ${n.name} 新增单元`, `Add a unit to ${n.name}`);
        fields = html`${input('label', forms.open === 'building' ? tr('楼栋名称（如 3号楼）', 'Building (e.g. 3号楼)') : tr('单元名称（如 2单元）', 'Unit (e.g. 2单元)'), { maxlength: 40 })}
          <p class="small text-body-secondary">${tr('代码按顺序自动编号，之后不会改变。', 'The code is numbered in order and never changes.')}</p>`;
      }
      return html`<form class="border rounded p-3 mt-3 bg-light" onSubmit=${submit} novalidate data-testid=${'form-' + forms.open}>
        <h3 class="h6">${title}</h3>
        ${form.error && !form.error.field && !forms.stale ? html`<${ErrorAlert} error=${form.error} />` : null}
        ${fields}
        <div class="d-flex gap-2">
          <${BusyButton} type="submit" busy=${form.busy} testid="form-submit">${tr('保存', 'Save')}<//>
          <button type="button" class="btn btn-outline-dark" onClick=${close}>${tr('取消', 'Cancel')}</button>
        </div>
      </form>`;
    };

    const panel = () => {
      const n = nodes[selected.value];
      if (!n) return html`<p class="text-body-secondary mb-0">${tr('在左侧选择一个节点查看详情', 'Choose a node on the left to see it')}</p>`;
      const facts = [[tr('名称', 'Name'), n.name], [tr('代码', 'Code'), html`<span class="mono">${n.code}</span>`],
        [tr('类型', 'Kind'), tr(...(KIND[n.kind] || KIND[n.level] || ['', '']))]];
      if (n.level === 'street' && n.data) facts.push([tr('社区/村数', 'Communities'), n.data.communities]);
      if (n.level === 'community' && n.children) facts.push([tr('楼栋数', 'Buildings'), n.children.length]);
      if (n.level === 'building') facts.push([tr('单元数', 'Units'), n.children.length]);
      const acts = actions(n);
      const links = [];
      if (n.level === 'street') links.push([`#/leaders?street=${n.code}`, tr('本街镇楼门栋长', 'Leaders of this street')]);
      if (n.level === 'community') {
        links.push([`#/leaders?community=${n.code}`, tr('本社区楼门栋长', 'Leaders of this community')]);
        links.push([`#/households?community=${n.code}`, tr('本社区住户', 'Households of this community')]);
      }
      if (n.level === 'unit') links.push([`#/households?community=${n.code.slice(0, 12)}&unit=${n.code}`, tr('本单元住户', 'Households of this unit')]);
      if (n.level === 'unit') links.push([`#/print/poster/${n.code}`, tr('打印楼门公示牌', 'Print the door poster'), 'print-poster']);
      if (n.level === 'building' && n.children.length) links.push([`#/print/poster/${n.code}`, tr('打印本楼各单元公示牌', 'Print the door posters of every unit'), 'print-posters']);
      return html`<div data-testid="panel" data-code=${n.code}>
        <h2 class="card-title">${n.name}</h2>
        <dl class="row mb-2">${facts.map(([k, v]) => html`<dt class="col-4">${k}</dt><dd class="col-8">${v}</dd>`)}</dl>
        ${links.length ? html`<p class="mb-2">${links.map(([h, t, id]) => html`<a class="me-3" href=${h} data-testid=${id || null}>${t}</a>`)}</p>` : null}
        ${acts.length ? html`<div class="d-flex flex-wrap gap-2">${acts.map(([k, t, fn]) => html`<button type="button" class="btn btn-outline-primary btn-sm" data-testid=${'action-' + k}
            aria-expanded=${forms.open === k ? 'true' : 'false'} onClick=${fn}>${t}</button>`)}</div>`
          : html`<p class="small text-body-secondary mb-0">${tr('您在此处没有可做的修改。', 'Nothing you may change here.')}</p>`}
        ${forms.open ? formBody(n) : null}
      </div>`;
    };

    return () => html`<div>
      <${PageHeader} title=${tr('组织架构', 'Organisation')} />
      <${ErrorAlert} error=${rootError.value} />
      <div class="row g-3">
        <div class="col-12 col-lg-7">
          <div class="card"><div class="card-body">
            <p class="small text-body-secondary">${tr('区 → 街镇 → 社区/村 → 楼栋 → 单元。代码遵循统计用区划代码，楼栋、单元代码按顺序编号，永不改变。',
              'District → street → community → building → unit. Codes follow the statistical division codes; buildings and units are numbered in order and never change.')}</p>
            ${root.value ? html`<ul class="tree org-tree" data-testid="tree">${renderNode(root.value)}</ul>` : rootError.value ? null : html`<${Loading} />`}
          </div></div>
        </div>
        <div class="col-12 col-lg-5">
          <div class="card org-panel"><div class="card-body">${panel()}</div></div>
        </div>
      </div>
    </div>`;
  },
});
