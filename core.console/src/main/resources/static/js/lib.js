// The two libraries every page uses: Vue 3 (runtime only: no template compiler, so no eval under the strict CSP)
// and htm, which turns tagged template literals into Vue vnodes. Values inside ${} are always text, never markup.
import { h } from '../vendor/vue.runtime.esm-browser.prod.js';
import htm from '../vendor/htm.module.js';

export * from '../vendor/vue.runtime.esm-browser.prod.js';

/** html`<div class=${c}>${text}</div>`: a Vue vnode; interpolated strings are escaped by the DOM API. */
export const html = htm.bind(h);
