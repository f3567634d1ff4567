// The account slips of the last bulk issuance, kept in this tab's memory only: the first passwords are shown once,
// never stored in the browser, never put in an address.
import { reactive } from '../lib.js';

export const slips = reactive({ issued: null, at: null });

export function keepSlips(issued) {
  slips.issued = issued;
  slips.at = new Date().toISOString();
}
