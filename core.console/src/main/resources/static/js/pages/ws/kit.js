// Shared by the sections of the leader workspace (楼门栋长工作台): who I am (GET /me/leader, loaded once), the
// section header (back to the workspace, the title, the 标准/大字 switch) and small list helpers.
import { html, defineComponent, reactive } from '../../lib.js';
import { tr } from '../../i18n.js';
import { api, ApiError } from '../../api.js';
import { FontSwitch } from '../../easy.js';

const me = reactive({ data: null, error: null, loading: null });

/** The signed-in leader's record, loaded once per page load. */
export function myLeader() {
  if (!me.loading) {
    me.loading = api.get('/me/leader').then((d) => { me.data = d; return d; })
      .catch((e) => { me.error = e; me.loading = null; throw e; });
  }
  return me.loading;
}
export const leaderState = me;
/** Forget the cached record (after a change such as the phone consent). */
export function refreshLeader() { me.loading = null; return myLeader(); }

/** A place of mine as words: 1号楼 2单元 楼门长. */
export function placeWords(p) {
  return [p.buildingLabel, p.unitLabel].filter(Boolean).join(' ') + ' ' + (p.roleLabel || '');
}

/** The code a place of mine stands for: the unit of a unit leader, the building of a building leader. */
export function placeCode(p) {
  return p.role === 'UNIT_LEADER' && p.unit ? p.unit : p.building;
}

/** ‹ 返回工作台, the section's title and the font switch. */
export const SectionHead = defineComponent({
  props: { title: String, back: { type: String, default: '#/workspace' }, backLabel: String },
  setup(props, { slots }) {
    return () => html`<div class="ws-head mb-2">
      <div class="d-flex flex-wrap align-items-center gap-2 justify-content-between">
        <a class="back-link" href=${props.back} data-testid="ws-back">‹ ${props.backLabel || tr('返回工作台', 'Back to my workspace')}</a>
        <${FontSwitch} />
      </div>
      <h1 class="mb-2">${props.title}</h1>
      ${slots.default ? slots.default() : null}
    </div>`;
  },
});

/** An error in words. */
export function problem(e) {
  if (!e) return null;
  const text = e instanceof ApiError ? e.text : (e.message || String(e));
  return html`<div class="note-bad" role="alert"><strong>${tr('出错了：', 'Error: ')}</strong>${text}</div>`;
}

export function loading() {
  return html`<p role="status" class="text-body-secondary">${tr('正在加载…', 'Loading…')}</p>`;
}
