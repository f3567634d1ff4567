// 群众评议 /v: the household types the code of its ballot sheet (or arrives from its QR code, /v#CODE: the code is in
// the fragment, which never reaches a server log, and is taken out of the address at once), sees the leaders serving
// it with their roles, rates each 满意 / 基本满意 / 不满意, checks the choices and confirms. No leader id is ever typed.
// A used, unknown or closed code is explained in words.
import { html, defineComponent, reactive } from '../lib.js';
import { tr } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { Field, Busy, errorNote, ballotCode } from './parts.js';

const RATINGS = [
  ['SATISFIED', '满意', 'Satisfied', 'success'],
  ['FAIRLY_SATISFIED', '基本满意', 'Fairly satisfied', 'primary'],
  ['DISSATISFIED', '不满意', 'Dissatisfied', 'danger'],
];
const ratingName = (r) => { const x = RATINGS.find((y) => y[0] === r); return x ? tr(x[1], x[2]) : r; };

/** The words for a refused code, by the API's error code. */
function refusal(e) {
  if (!(e instanceof ApiError)) return null;
  if (e.code === 'code-used') return tr('这个评议码已经用过了。每户只能评议一次，您家的评议已经记下，谢谢。', 'This code has been used. Each household votes once; your vote was recorded. Thank you.');
  if (e.code === 'evaluation-closed') return tr('这次评议已经结束，不能再评议了。', 'This evaluation has closed; votes are no longer taken.');
  if (e.code === 'not-found' || (e.status === 400 && e.field === 'code')) return tr('没有找到这个评议码。请核对评议单上的 12 位评议码（如 ABCD-EFGH-JKMN）后重新输入。', 'No such code. Check the 12-character code on your ballot sheet (e.g. ABCD-EFGH-JKMN) and type it again.');
  if (e.code === 'too-many-requests') return e.text;
  return null;
}

export default defineComponent({
  setup() {
    const fromLink = decodeURIComponent((location.hash || '').replace(/^#/, ''));
    if (fromLink) history.replaceState(null, '', '/v'); // the code does not stay in the address bar or history
    const s = reactive({ step: 'code', code: ballotCode(fromLink), busy: false, error: null, codeError: null, ballot: null, ratings: {}, missing: false });

    const lookup = async (e) => {
      if (e) e.preventDefault();
      s.error = null; s.codeError = null;
      const code = ballotCode(s.code);
      if (!code) { s.codeError = tr('请输入评议单上的评议码', 'Enter the code on your ballot sheet'); return; }
      s.busy = true;
      try {
        s.ballot = await api.post('/public/ballots/lookup', { code });
        s.code = code;
        s.ratings = {};
        s.step = 'rate';
      } catch (err) {
        const words = refusal(err);
        if (words) s.codeError = words; else s.error = err;
      } finally {
        s.busy = false;
      }
    };
    const toConfirm = (e) => {
      e.preventDefault();
      s.missing = s.ballot.leaders.some((l) => !s.ratings[l.id]);
      if (!s.missing) s.step = 'confirm';
    };
    const send = async () => {
      s.busy = true; s.error = null;
      try {
        await api.post('/ballots', { code: s.code, ratings: s.ballot.leaders.map((l) => ({ leader: String(l.id), rating: s.ratings[l.id] })) });
        s.step = 'done';
      } catch (err) {
        const words = refusal(err);
        if (words) { s.step = 'code'; s.codeError = words; } else s.error = err;
      } finally {
        s.busy = false;
      }
    };
    if (s.code) lookup();

    const Header = () => html`<h1>${tr('楼门栋长群众评议', 'Rate your building leaders')}</h1>`;
    const Where = () => {
      const b = s.ballot;
      return html`<p class="mb-2" data-testid="ballot-where">${[b.communityName, b.buildingLabel, b.unitLabel].filter(Boolean).join(' ')} · ${b.periodLabel || b.period}</p>`;
    };

    return () => {
      if (s.step === 'done') {
        return html`<div>${Header()}<div class="note-ok" role="status" data-testid="vote-done">
          <p class="fs-5 fw-bold mb-1">${tr('评议已提交，谢谢您！', 'Your vote is in. Thank you!')}</p>
          <p class="mb-0">${tr('您的评议是匿名的。每户只能评议一次，这张评议单已经用过了。', 'Your vote is anonymous. Each household votes once; this ballot sheet has now been used.')}</p></div></div>`;
      }
      if (s.step === 'code') {
        return html`<div>${Header()}
          <p>${tr('请输入您家评议单上的评议码，或者用手机扫描评议单上的二维码。', 'Type the code on your household\'s ballot sheet, or scan the QR code printed on it.')}</p>
          ${errorNote(s.error)}
          <form class="section" novalidate onSubmit=${lookup} data-testid="code-form">
            <${Field} label=${tr('评议码', 'Ballot code')} required error=${s.codeError} help=${tr('12 位字母和数字，如 ABCD-EFGH-JKMN；不区分大小写', '12 letters and digits, e.g. ABCD-EFGH-JKMN; any case')}>${({ id, describedBy }) => html`
              <input id=${id} class=${'form-control mono' + (s.codeError ? ' is-invalid' : '')} autocapitalize="characters" autocomplete="off" maxlength="20"
                     data-testid="ballot-code" aria-describedby=${describedBy} value=${s.code} onInput=${(e) => { s.code = e.target.value; }} />`}<//>
            <${Busy} busy=${s.busy} testid="code-submit">${tr('下一步', 'Next')}<//>
          </form></div>`;
      }
      const b = s.ballot;
      if (s.step === 'confirm') {
        return html`<div>${Header()}${Where()}
          <h2>${tr('请确认您的评议', 'Check your choices')}</h2>
          ${errorNote(s.error)}
          <ul class="list-easy section" data-testid="vote-summary">
            ${b.leaders.map((l) => html`<li><span class="row-title">${l.name}</span>（${l.roleLabel}）：<strong>${ratingName(s.ratings[l.id])}</strong></li>`)}
          </ul>
          <p>${tr('提交后不能修改。', 'Once sent it cannot be changed.')}</p>
          <div class="d-flex flex-wrap gap-2">
            <${Busy} type="button" busy=${s.busy} kind="success" testid="vote-send" onClick=${send}>${tr('确认提交', 'Send my vote')}<//>
            <button type="button" class="btn btn-outline-dark" onClick=${() => { s.step = 'rate'; }}>${tr('返回修改', 'Go back and change')}</button>
          </div></div>`;
      }
      return html`<div>${Header()}${Where()}
        <p>${tr('下面是为您家服务的楼门栋长。请为每一位选择：满意、基本满意或不满意。', 'These leaders serve your household. Choose for each: satisfied, fairly satisfied or dissatisfied.')}</p>
        <form novalidate onSubmit=${toConfirm} data-testid="rate-form">
          ${b.leaders.map((l, i) => html`<fieldset class="section" key=${l.id} data-testid="rate-leader">
            <legend class="h3 mb-2">${i + 1}. ${l.name}<span class="fw-normal">（${l.roleLabel}）</span></legend>
            <div class="choice">
              ${RATINGS.map(([value, zh, en, kind]) => html`<span key=${value}>
                <input type="radio" class="btn-check" name=${'rate-' + l.id} id=${'rate-' + l.id + '-' + value} value=${value}
                       checked=${s.ratings[l.id] === value} onChange=${() => { s.ratings = { ...s.ratings, [l.id]: value }; s.missing = false; }} />
                <label class=${'btn w-100 h-100 btn-outline-' + kind} for=${'rate-' + l.id + '-' + value} data-rating=${value}>${tr(zh, en)}</label></span>`)}
            </div>
            ${s.missing && !s.ratings[l.id] ? html`<div class="invalid-feedback d-block" role="alert">${tr('请为这位楼门栋长选择一项', 'Choose one for this leader')}</div>` : null}
          </fieldset>`)}
          <div class="d-flex flex-wrap gap-2">
            <${Busy} testid="rate-next">${tr('下一步：确认', 'Next: check')}<//>
            <button type="button" class="btn btn-outline-dark" onClick=${() => { s.step = 'code'; s.ballot = null; }}>${tr('换一个评议码', 'Use another code')}</button>
          </div>
        </form></div>`;
    };
  },
});
