// 楼门栋长工作台: where a leader lands after signing in. Phone first, Chinese first, one column, large tap targets and
// a 标准/大字 switch. The home shows my places and a tile per section; each section is its own small module.
import { html, defineComponent, shallowRef, watch } from '../lib.js';
import { tr } from '../i18n.js';
import { route } from '../router.js';
import { session } from '../api.js';
import { FontSwitch } from '../easy.js';
import { myLeader, leaderState, placeWords, problem, loading } from './ws/kit.js';

const SECTIONS = {
  places: () => import('./ws/places.js'),
  reports: () => import('./ws/reports.js'),
  meetings: () => import('./ws/meetings.js'),
  care: () => import('./ws/care.js'),
  log: () => import('./ws/log.js'),
  results: () => import('./ws/results.js'),
  awards: () => import('./ws/results.js'),
  programmes: () => import('./ws/meetings.js'),
  consent: () => import('./ws/consent.js'),
  training: () => import('./ws/training.js'),
  projects: () => import('./ws/civic.js'),
  publicity: () => import('./ws/civic.js'),
  consult: () => import('./ws/civic.js'),
};

const TILES = [
  ['places', '⌂', '我的楼门和住户', 'My units and households', '住户名单', 'Households'],
  ['reports', '!', '反映问题', 'Report a problem', '上报、看进度、确认', 'File, follow, confirm'],
  ['log', '✎', '民情日志', 'Work log', '按五员职责记录', 'By the five duties'],
  ['care', '♥', '关怀走访', 'Care visits', '该走访的住户', 'Households due a visit'],
  ['meetings', '◷', '我的例会', 'My meetings', '时间、纪要、我的任务', 'Dates, minutes, my tasks'],
  ['results', '✓', '评议结果', 'My evaluations', '群众满意度', 'Residents\' satisfaction'],
  ['awards', '★', '我的表彰', 'My awards', '可打印证书', 'Printable certificates'],
  ['training', '✦', '我的培训', 'My training', '入职培训和赋能培训学时', 'Onboarding and hours'],
  ['programmes', '◈', '本街道特色项目', 'Street programmes', '已开展的项目', 'What runs in my street'],
  ['projects', '⚒', '项目申报', 'Propose a project', '楼门栋建设、志愿服务', 'Improvements, volunteer service'],
  ['publicity', '✺', '宣传活动', 'Publicity', '记录楼门宣传', 'Record an activity'],
  ['consult', '☍', '楼门议事', 'Consultations', '入户记录回答', 'Answers at the door'],
  ['consent', '☏', '电话号码公开', 'My phone number', '是否让居民看到', 'Shown to residents or not'],
];

const Home = defineComponent({
  setup() {
    myLeader().catch(() => {});
    return () => {
      const l = leaderState.data;
      const name = l ? l.name : (session.user && session.user.displayName) || '';
      return html`<div data-testid="workspace">
        <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
          <h1 class="mb-0">${tr('楼门栋长工作台', 'Leader workspace')}</h1>
          <${FontSwitch} />
        </div>
        ${leaderState.error ? problem(leaderState.error) : null}
        <p class="fs-5 mb-2" data-testid="ws-greeting">${tr(`${name}，您好！`, `Hello, ${name}!`)}</p>
        ${l ? html`<div class="section" data-testid="ws-places">
          <p class="mb-1">${l.streetName} ${l.communityName}</p>
          <ul class="mb-1 ps-3">${(l.places || []).map((p) => html`<li>${placeWords(p)}</li>`)}</ul>
          ${l.workId ? html`<p class="mb-0">${tr('工作证号', 'Work ID')} <span class="mono">${l.workId}</span>　
            <a href=${'#/print/card/me'} data-testid="ws-card">${tr('打印工作证', 'Print my work ID card')}</a></p>` : null}
        </div>` : leaderState.error ? null : loading()}
        <nav class="tiles" aria-label=${tr('工作台功能', 'Workspace sections')}>
          ${TILES.map(([key, icon, zh, en, nzh, nen]) => html`<a class="tile" key=${key} href=${'#/workspace/' + key} data-ws=${key}>
            <span class="tile-icon" aria-hidden="true">${icon}</span>${tr(zh, en)}<span class="tile-note">${tr(nzh, nen)}</span></a>`)}
        </nav>
      </div>`;
    };
  },
});

export default defineComponent({
  setup() {
    const comp = shallowRef(null);
    const error = shallowRef(null);
    watch(() => route.params.section, async (section) => {
      error.value = null;
      if (!section) { comp.value = Home; return; }
      const load = SECTIONS[section];
      if (!load) { comp.value = null; error.value = new Error(tr('没有这个页面', 'No such page')); return; }
      try {
        const mod = await load();
        if (route.params.section !== section) return;
        comp.value = mod[section] || mod.default;
      } catch (e) { error.value = e; }
    }, { immediate: true });
    return () => (error.value ? problem(error.value)
      : comp.value ? html`<${comp.value} key=${route.path} id=${route.params.id} />` : loading());
  },
});
