// The user's unread notices (站内通知), shared by the top bar's bell and the notifications page.
import { reactive } from './lib.js';
import { api, session } from './api.js';

export const inbox = reactive({ unread: 0, loadedFor: null });

/** Fetches the unread count now (quietly: the bell is a convenience, the page reports errors). */
export async function refreshUnread() {
  if (!session.user || session.user.mustChangePassword) { inbox.unread = 0; return; }
  try {
    const r = await api.get('/me/notifications/unread-count');
    inbox.unread = r.unread;
  } catch (e) { /* an auditor has no inbox; a network hiccup leaves the last count */ }
}

let timer = null;
/** Keeps the count fresh while the console is open: every minute, and when asked (after a page reads notices). */
export function watchUnread() {
  if (timer) return;
  refreshUnread();
  timer = setInterval(refreshUnread, 60000);
}
