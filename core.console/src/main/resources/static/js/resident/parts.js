// Small pieces of the resident pages: a labelled field with its error in words, an error note, a busy button.
import { html, defineComponent } from '../lib.js';
import { tr } from '../i18n.js';
import { ApiError } from '../api.js';

let seq = 0;
export function uid(p = 'r') { seq += 1; return `${p}-${seq}`; }

/** Label above, '（必填）' said in words, help and the error under the field. slot({id, describedBy}). */
export const Field = defineComponent({
  props: { label: String, required: Boolean, error: String, help: String },
  setup(props, { slots }) {
    const id = uid('f');
    return () => html`<div class="mb-3">
      <label class="form-label" for=${id}>${props.label}${props.required ? html`<span class="text-danger"> *</span><span class="visually-hidden">${tr('（必填）', ' (required)')}</span>` : html`<span class="fw-normal">${tr('（可不填）', ' (optional)')}</span>`}</label>
      ${slots.default({ id, invalid: !!props.error, describedBy: [props.help ? id + '-help' : null, props.error ? id + '-err' : null].filter(Boolean).join(' ') || null })}
      ${props.help ? html`<div class="form-text" id=${id + '-help'}>${props.help}</div>` : null}
      ${props.error ? html`<div class="invalid-feedback d-block" id=${id + '-err'} role="alert">${tr('错误：', 'Error: ')}${props.error}</div>` : null}
    </div>`;
  },
});

/** An error in words (colour is not the only signal: it starts with 出错了). */
export function errorNote(e, testid) {
  if (!e) return null;
  const text = e instanceof ApiError ? e.text : (e.message || String(e));
  return html`<div class="note-bad" role="alert" data-testid=${testid || 'error'}><strong>${tr('出错了：', 'Error: ')}</strong>${text}</div>`;
}

export const Busy = defineComponent({
  props: { busy: Boolean, disabled: Boolean, kind: { type: String, default: 'primary' }, type: { type: String, default: 'submit' }, testid: String, onClick: Function },
  setup(props, { slots }) {
    return () => html`<button type=${props.type} class=${'btn btn-' + props.kind} disabled=${props.busy || props.disabled} aria-busy=${props.busy ? 'true' : 'false'}
        data-testid=${props.testid} onClick=${(e) => props.onClick && props.onClick(e)}>
      ${props.busy ? html`<span class="spinner-border spinner-border-sm" aria-hidden="true"></span>` : null}${slots.default()}</button>`;
  },
});

/** A report number as residents see it, XXXX-XXXX-XXXX, from whatever they typed. */
export function reportNumber(s) {
  const raw = (s || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}

/** A ballot code as typed or scanned: upper case, no spaces. */
export function ballotCode(s) {
  return (s || '').trim().toUpperCase().replace(/\s+/g, '');
}
