// 特色项目: a street admin switches their street's programmes on and off; the district sees every programme's state,
// version, bundle, failure reason and which streets enabled it; a secretary sees what their street runs.
import { html, defineComponent, ref, computed, reactive } from '../lib.js';
import { tr, name, msg } from '../i18n.js';
import { api } from '../api.js';
import { has, bindings, scope } from '../auth.js';
import { placeName, loadStreets } from '../places.js';
import { PageHeader, ErrorAlert, Loading, Empty, badge, confirmAction, toast, useLoad, Field, options } from '../ui.js';

const STATE = {
  ACTIVE: ['运行中', 'Active', 'success'], FAILED: ['启动失败', 'Failed', 'danger'],
  UNSATISFIED: ['等待依赖', 'Waiting for services', 'warning'], STOPPED: ['已停止', 'Stopped', 'secondary'],
};
const stateBadge = (s) => { const x = STATE[s] || [s, s, 'secondary']; return badge(tr(x[0], x[1]), x[2]); };

/** The streets the user may switch programmes for, or see (secretaries). */
function userStreets() {
  const set = new Set();
  for (const b of bindings('STREET_ADMIN', 'COMMUNITY_SECRETARY')) set.add(b.node.slice(0, 9));
  return [...set];
}

const StreetProgrammes = defineComponent({
  props: { street: String, canSwitch: Boolean },
  setup(props) {
    const list = useLoad(() => api.get(`/streets/${props.street}/programmes`));
    const busy = reactive({});
    const toggle = async (p) => {
      const on = !p.enabled;
      const reads = p.dataAccess || [];
      if (on && reads.length) {
        // like an app's permissions: the personal data it reads, shown before it is switched on, and acknowledged
        const ok = await confirmAction({
          title: tr(`启用「${name(p.name)}」？`, `Enable “${name(p.name)}”?`),
          body: tr(`该项目将读取以下个人信息（仅限使用者本人权限范围内，每次读取均记入审计日志）：${reads.map((d) => d.description.zh).join('；')}。`,
            `This programme reads the following personal data (only within each user's own scope; every read is audited): ${reads.map((d) => d.description.en).join('; ')}.`),
          ok: tr('我已了解，启用', 'I understand, enable'),
        });
        if (!ok) return;
      }
      if (!on) {
        const ok = await confirmAction({
          title: tr(`停用「${name(p.name)}」？`, `Disable “${name(p.name)}”?`),
          body: tr(`${placeName(props.street)}的工作人员和楼门栋长将看不到这个项目及其页面；已有数据保留，重新启用即可恢复。`,
            `People of ${placeName(props.street)} will no longer see this programme or its page; its data is kept and comes back when it is enabled again.`),
          ok: tr('停用', 'Disable'),
        });
        if (!ok) return;
      }
      busy[p.id] = true;
      try {
        await api.put(`/streets/${props.street}/programmes/${p.id}`,
          on ? { enabled: true, acknowledged: reads.map((d) => d.kind) } : { enabled: false });
        p.enabled = on;
        toast(on ? tr(`已为${placeName(props.street)}启用「${name(p.name)}」`, `Enabled “${name(p.name)}” for ${placeName(props.street)}`)
          : tr(`已停用「${name(p.name)}」`, `Disabled “${name(p.name)}”`));
        window.dispatchEvent(new Event('loumen:programmes-changed'));
      } catch (e) {
        toast(e.text || String(e), 'danger');
      } finally {
        busy[p.id] = false;
      }
    };
    return () => html`
      <section class="card mb-3" aria-labelledby=${'st-' + props.street}>
        <div class="card-body">
          <h2 class="card-title" id=${'st-' + props.street}>${placeName(props.street)} <small class="text-body-secondary mono">${props.street}</small></h2>
          ${list.error ? html`<${ErrorAlert} error=${list.error} />` : !list.data ? html`<${Loading} />` : list.data.length === 0
            ? html`<${Empty} text=${tr('平台上还没有部署任何特色项目。请区信息化部门把项目插件放入 plugins 目录。', 'No programme is deployed yet. District IT deploys one by dropping its jar into the plugins folder.')} />`
            : html`<div class="table-responsive"><table class="table align-middle mb-0" data-testid=${'programmes-' + props.street}>
                <thead><tr><th scope="col">${tr('项目', 'Programme')}</th><th scope="col" class="hide-phone">${tr('说明', 'Description')}</th><th scope="col" class="hide-phone">${tr('版本', 'Version')}</th><th scope="col">${tr('状态', 'State')}</th><th scope="col">${tr('本街道', 'This street')}</th></tr></thead>
                <tbody>${list.data.map((p) => html`<tr key=${p.id} data-programme-row=${p.id}>
                  <th scope="row">${name(p.name)}<div class="small text-body-secondary mono">${p.id}</div></th>
                  <td class="small hide-phone">${name(p.description)}${(p.dataAccess || []).length ? html`<div class="text-body-secondary" data-testid="data-access">${tr('读取个人信息：', 'Reads personal data: ')}${p.dataAccess.map((d) => name(d.description)).join(tr('；', '; '))}</div>` : null}</td>
                  <td class="small mono hide-phone">${p.version}</td>
                  <td>${stateBadge(p.state)}</td>
                  <td>${props.canSwitch ? html`
                    <div class="form-check form-switch m-0">
                      <input class="form-check-input" type="checkbox" role="switch" id=${`sw-${props.street}-${p.id}`}
                             checked=${p.enabled} disabled=${!!busy[p.id] || (p.state !== 'ACTIVE' && !p.enabled)}
                             data-testid=${'switch-' + p.id} onChange=${(e) => { e.target.checked = p.enabled; toggle(p); }} />
                      <label class="form-check-label" for=${`sw-${props.street}-${p.id}`}>${p.enabled ? tr('已启用', 'Enabled') : tr('未启用', 'Disabled')}</label>
                    </div>` : p.enabled ? badge(tr('已启用', 'Enabled'), 'success') : badge(tr('未启用', 'Disabled'), 'secondary')}</td>
                </tr>`)}</tbody></table></div>`}
        </div>
      </section>`;
  },
});

/** The district's view: every programme, its bundle and state, and the streets that enabled it. */
const DistrictProgrammes = defineComponent({
  setup() {
    const list = useLoad(() => api.get('/programmes'));
    const streets = useLoad(() => loadStreets());
    const street = ref('');
    return () => html`
      <div>
        <section class="card mb-3" aria-labelledby="all-programmes">
          <div class="card-body">
            <h2 class="card-title" id="all-programmes">${tr('已部署的项目', 'Deployed programmes')}</h2>
            ${list.error ? html`<${ErrorAlert} error=${list.error} />` : !list.data ? html`<${Loading} />` : list.data.length === 0
              ? html`<${Empty} text=${tr('还没有部署任何项目：把项目 jar 放入数据目录的 plugins 文件夹即可热部署。', 'No programme yet: drop a programme jar into the data folder’s plugins directory to deploy it.')} />`
              : html`<div class="table-responsive"><table class="table align-middle mb-0" data-testid="programmes-all">
                <thead><tr><th scope="col">${tr('项目', 'Programme')}</th><th scope="col">${tr('版本', 'Version')}</th><th scope="col">${tr('插件包', 'Bundle')}</th><th scope="col">${tr('状态', 'State')}</th><th scope="col">${tr('已启用的街镇', 'Enabled in')}</th><th scope="col">${tr('接口', 'Routes')}</th></tr></thead>
                <tbody>${list.data.map((p) => html`<tr key=${p.id + p.bundleId} data-programme-row=${p.id}>
                  <th scope="row">${name(p.name)}<div class="small text-body-secondary mono">${p.id}</div></th>
                  <td class="small mono">${p.version}</td>
                  <td class="small mono">${p.bundle} <span class="text-body-secondary">#${p.bundleId}</span></td>
                  <td>${stateBadge(p.state)}${p.reason ? html`<div class="small text-danger mt-1" data-testid=${'reason-' + p.id}>${msg(p.reason)}</div>` : null}</td>
                  <td class="small">${(p.enabledStreets || []).length ? p.enabledStreets.map((s) => placeName(s)).join('、') : tr('（无）', '(none)')}</td>
                  <td class="small">${(p.routes || []).length}</td>
                </tr>`)}</tbody></table></div>`}
          </div>
        </section>
        <section class="card card-body mb-3">
          <h2 class="card-title">${tr('为某个街镇启用或停用', 'Switch for a street')}</h2>
          <div class="row"><div class="col-12 col-md-4">
            <${Field} label=${tr('街镇', 'Street')}>${({ id }) => html`
              <select id=${id} class="form-select" data-testid="district-street" onChange=${(e) => { street.value = e.target.value; }}>
                ${options((streets.data || []).map((s) => ({ value: s.code, label: placeName(s.code) })), street.value, tr('请选择街镇', 'Choose a street'))}
              </select>`}<//>
          </div></div>
          ${street.value ? html`<${StreetProgrammes} key=${street.value} street=${street.value} canSwitch=${true} />` : null}
        </section>
      </div>`;
  },
});

export default defineComponent({
  setup() {
    const district = computed(() => has('DISTRICT_ADMIN'));
    const canSwitch = (street) => bindings('STREET_ADMIN').some((b) => street.startsWith(b.node));
    return () => html`
      <div>
        <${PageHeader} title=${tr('特色项目', 'Programmes')} />
        <p class="text-body-secondary">${tr('各街镇自行决定启用哪些特色项目；启用后，本街道的工作人员和楼门栋长在左侧菜单看到项目页面。停用不会删除数据。',
          'Each street decides which programmes it runs; once enabled, its staff and leaders find the programme’s page in the menu. Disabling keeps the data.')}</p>
        ${district.value ? html`<${DistrictProgrammes} />` : userStreets().map((s) => html`<${StreetProgrammes} key=${s} street=${s} canSwitch=${canSwitch(s)} />`)}
      </div>`;
  },
});
