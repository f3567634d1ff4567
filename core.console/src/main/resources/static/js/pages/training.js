// 入职培训: a street's onboarding training batches (入职培训班) with the street's figures (trained, passed, certified,
// in training, waiting), and a new batch (dates, place, trainers, curriculum) for street admins.
import { html, defineComponent, reactive, computed, watch } from '../lib.js';
import { tr, fmtDate, today } from '../i18n.js';
import { api } from '../api.js';
import { scopeStreet } from '../auth.js';
import { route, navigate, setQuery } from '../router.js';
import { PageHeader, Field, ErrorAlert, BusyButton, DataTable, badge, toast, useLoad, useForm } from '../ui.js';
import { StreetChooser, mayRun, figureRow, streetFilter } from '../widgets/training-common.js';

const lines = (s) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** A new batch of the street, or (given {@code batch}) the edit of one not yet finished (PUT /training-batches/{id}). */
export const BatchForm = defineComponent({
  props: { street: String, batch: Object, onDone: Function, onCancel: Function },
  setup(props) {
    const b0 = props.batch;
    const v = reactive(b0 ? { title: b0.title, startsOn: b0.startsOn, endsOn: b0.endsOn, place: b0.place, trainers: b0.trainers.join('\n'), curriculum: b0.curriculum.join('\n') }
      : { title: '', startsOn: today(), endsOn: today(), place: '', trainers: '', curriculum: '' });
    const form = useForm();
    const submit = async (e) => {
      e.preventDefault();
      const body = { title: v.title.trim(), startsOn: v.startsOn, endsOn: v.endsOn, place: v.place.trim(), trainers: lines(v.trainers), curriculum: lines(v.curriculum) };
      const b = await form.run(() => (b0 ? api.put(`/training-batches/${b0.id}`, body) : api.post(`/streets/${props.street}/training-batches`, body)));
      if (b) { toast(b0 ? tr(`已保存修改：${b.title}`, `Changes saved: ${b.title}`) : tr(`已创建培训班：${b.title}`, `Batch created: ${b.title}`)); props.onDone(b); }
    };
    const input = (key, label, attrs = {}) => html`<${Field} col=${attrs.col || 'col-12 col-md-6'} label=${label} required error=${form.err(key)}>${({ id }) => html`
      <input id=${id} class=${'form-control' + (form.err(key) ? ' is-invalid' : '')} type=${attrs.type || 'text'} maxlength=${attrs.maxlength}
             data-testid=${'batch-' + key} value=${v[key]} onInput=${(e) => { v[key] = e.target.value; }} />`}<//>`;
    const area = (key, label, help) => html`<${Field} col="col-12 col-md-6" label=${label} required help=${help} error=${form.err(key)}>${({ id }) => html`
      <textarea id=${id} rows="4" class=${'form-control' + (form.err(key) ? ' is-invalid' : '')} data-testid=${'batch-' + key}
                value=${v[key]} onInput=${(e) => { v[key] = e.target.value; }}></textarea>`}<//>`;
    return () => html`<form class="card card-body mb-3" novalidate onSubmit=${submit} data-testid="batch-form">
      <h2 class="card-title">${b0 ? tr('修改培训班', 'Edit the batch') : tr('新建入职培训班', 'New onboarding batch')}</h2>
      ${form.error && !form.error.field ? html`<${ErrorAlert} error=${form.error} />` : null}
      <div class="row g-2">
        ${input('title', tr('培训班名称', 'Title'), { maxlength: 100 })}
        ${input('place', tr('培训地点', 'Place'), { maxlength: 200 })}
        ${input('startsOn', tr('开班日期', 'Starts on'), { type: 'date', col: 'col-6 col-md-3' })}
        ${input('endsOn', tr('结业日期', 'Ends on'), { type: 'date', col: 'col-6 col-md-3' })}
      </div>
      <div class="row g-2">
        ${area('trainers', tr('授课人', 'Trainers'), tr('每行一位', 'One a line'))}
        ${area('curriculum', tr('课程内容', 'Curriculum'), tr('每行一项，如“五员职责”“问题时报”', 'One item a line'))}
      </div>
      <div class="d-flex gap-2">
        <${BusyButton} type="submit" busy=${form.busy} testid="batch-submit">${b0 ? tr('保存修改', 'Save changes') : tr('创建', 'Create')}<//>
        <button type="button" class="btn btn-outline-secondary" onClick=${() => props.onCancel()}>${tr('取消', 'Cancel')}</button>
      </div>
    </form>`;
  },
});

export default defineComponent({
  setup() {
    const street = computed(() => scopeStreet.value || route.query.street || '');
    const adding = reactive({ on: false });
    const batches = useLoad(() => api.get('/training-batches', streetFilter(street.value)));
    const figures = useLoad(() => api.get('/training/figures', streetFilter(street.value)));
    watch(street, () => { batches.reload(); figures.reload(); });
    const sum = (k) => (figures.data || []).reduce((n, f) => n + f[k], 0);
    const allColumns = [
      { key: 'title', label: () => tr('培训班', 'Batch'), sortable: true, cell: (b) => [(mayRun() ? html`<a href=${'#/training/' + b.id} data-testid=${'batch-link-' + b.id}>${b.title}</a>` : b.title), b.state === 'CANCELLED' ? html` ${badge(tr('已取消', 'Cancelled'), 'secondary')}` : null] },
      { key: 'streetName', label: () => tr('街镇', 'Street'), cell: (b) => b.streetName },
      { key: 'startsOn', label: () => tr('日期', 'Dates'), sortable: true, cell: (b) => `${fmtDate(b.startsOn)} – ${fmtDate(b.endsOn)}` },
      { key: 'place', label: () => tr('地点', 'Place') },
      { key: 'enrolled', label: () => tr('报名', 'Enrolled'), sortable: true, class: 'text-end' },
      { key: 'passed', label: () => tr('合格', 'Passed'), sortable: true, class: 'text-end' },
      { key: 'failed', label: () => tr('不合格 / 缺考', 'Failed / absent'), class: 'text-end', cell: (b) => b.failed + b.absent },
      { key: 'certified', label: () => tr('已发证', 'Certified'), sortable: true, class: 'text-end' },
    ];
    // one street's batches need no street column
    const columns = computed(() => allColumns.filter((c) => c.key !== 'streetName' || !street.value));
    return () => html`<div>
      <${PageHeader} title=${tr('入职培训', 'Onboarding training')}>
        ${mayRun() && street.value && !adding.on ? html`<button type="button" class="btn btn-primary" data-testid="batch-new" onClick=${() => { adding.on = true; }}>＋ ${tr('新建培训班', 'New batch')}</button>` : null}
        <a class="btn btn-outline-dark" href="#/capacity-training">${tr('赋能培训', 'Capacity training')}</a>
      <//>
      <p class="text-body-secondary">${tr('街镇统一开展入职培训，考核合格后发放工作证和袖标上岗；不合格或缺考的可参加下一期。',
        'The street runs onboarding training; those who pass get a work ID and an armband; those who fail or miss it join a later batch.')}</p>
      <${StreetChooser} value=${street.value} onChange=${(s) => setQuery({ street: s })} />
      <${ErrorAlert} error=${figures.error} />
      ${figureRow([
        { key: 'trained', zh: '参训人数', en: 'Trained', value: figures.data ? sum('trained') : null },
        { key: 'passed', zh: '考核合格', en: 'Passed', value: figures.data ? sum('passed') : null },
        { key: 'certified', zh: '已发证', en: 'Certified', value: figures.data ? sum('certified') : null },
        { key: 'inTraining', zh: '培训中', en: 'In training', value: figures.data ? sum('inTraining') : null },
        { key: 'waiting', zh: '待培训', en: 'Waiting', value: figures.data ? sum('waiting') : null },
      ])}
      ${adding.on ? html`<${BatchForm} street=${street.value} onCancel=${() => { adding.on = false; }}
          onDone=${(b) => { adding.on = false; navigate('/training/' + b.id); }} />` : null}
      <div class="card"><div class="card-body">
        <h2 class="card-title h5">${tr('培训班', 'Batches')}</h2>
        <${ErrorAlert} error=${batches.error} />
        <${DataTable} columns=${columns.value} rows=${batches.data || []} caption=${tr('入职培训班', 'Onboarding batches')}
          empty=${mayRun() ? tr('还没有培训班：点“新建培训班”，再从已通过审议的候选人中报名。', 'No batches yet: create one, then enrol approved candidates.') : tr('本街镇还没有培训班。', 'The street has no batches yet.')} />
      </div></div>
    </div>`;
  },
});
