// 入职培训花名册及考核结果: an onboarding batch's roster with attendance per day, results and work IDs, on A4.
import { html, defineComponent, reactive } from '../lib.js';
import { tr, today } from '../i18n.js';
import { api } from '../api.js';
import { PrintPage, cnDate } from './kit.js';

const RESULT = { PASSED: '合格', FAILED: '不合格', ABSENT: '缺考' };
const PER_PAGE = 18;

export default defineComponent({
  props: { id: String },
  setup(props) {
    const s = reactive({ b: null, rows: null, error: null });
    (async () => {
      try {
        const [b, rows] = await Promise.all([api.get(`/training-batches/${props.id}`), api.get(`/training-batches/${props.id}/roster`)]);
        Object.assign(s, { b, rows });
      } catch (e) { s.error = e; }
    })();
    const pages = () => { const out = []; const all = s.rows || []; for (let i = 0; i < Math.max(1, all.length); i += PER_PAGE) out.push(all.slice(i, i + PER_PAGE)); return out; };
    const md = (d) => { const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(d); return m ? `${Number(m[1])}/${Number(m[2])}` : d; };
    return () => html`<${PrintPage} title=${tr('打印花名册和考核结果', 'Print the roster and results')} ready=${!!s.rows} error=${s.error}>
      ${s.rows ? pages().map((rows, p) => html`<section class="sheet" data-testid="training-sheet">
        <h2>${s.b.title}</h2>
        <p>${s.b.streetName}　培训日期：${cnDate(s.b.startsOn)} 至 ${cnDate(s.b.endsOn)}　地点：${s.b.place}</p>
        <p>授课人：${s.b.trainers.join('、')}　课程：${s.b.curriculum.join('；')}</p>
        <table><thead><tr><th>序号</th><th>姓名</th><th>社区</th>${s.b.days.map((d) => html`<th>${md(d)}</th>`)}<th>考核</th><th>备注</th><th>工作证号</th></tr></thead>
          <tbody>${rows.map((r, i) => html`<tr><td>${p * PER_PAGE + i + 1}</td><td class="text-nowrap">${r.name}</td><td>${r.communityName}</td>
            ${s.b.days.map((d) => html`<td>${r.attended.includes(d) ? '√' : '—'}</td>`)}
            <td>${r.result ? RESULT[r.result] : '待考核'}</td><td>${r.note || ''}</td><td class="text-nowrap">${r.workId || ''}</td></tr>`)}</tbody></table>
        <p>报名 ${s.b.enrolled} 人，合格 ${s.b.passed} 人，不合格 ${s.b.failed} 人，缺考 ${s.b.absent} 人，已发证 ${s.b.certified} 人。　√ 出勤　— 缺勤</p>
        <p class="mt-4">街镇（盖章）：________________　　负责人签字：__________　　${cnDate(today())}</p>
      </section>`) : null}
    <//>`;
  },
});
