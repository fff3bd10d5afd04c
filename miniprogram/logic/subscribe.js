// Reminder opt-in: wx.requestSubscribeMessage with at most 3 templates on the taps where it makes
// sense (sign up, ask for leave, view a meeting), answers reported to POST /api/subscriptions.
// WeChat only shows the dialog when the call happens in the tap itself, so template ids are fetched
// beforehand (prefetch) and ask() calls wx.requestSubscribeMessage synchronously.
const reminders = require('../api/reminders');
const config = require('../config/env');

const MAX_TEMPLATES = 3;
const ANSWERS = ['accept', 'reject', 'ban', 'filter'];

let templates = null;

/** Loads the server's template list; harmless to call often, failures leave the fallback in place. */
async function prefetch() {
  try {
    templates = await reminders.subscriptions();
  } catch (e) {
    // Opt-in is a courtesy: a page must work when the list cannot be loaded.
  }
  return templates || [];
}

function templateIdsFor(kinds) {
  const ids = [];
  (kinds || []).forEach((kind) => {
    const fromServer = (templates || []).filter((t) => t.kind === kind).map((t) => t.templateId);
    const fallback = config.FALLBACK_TEMPLATES[kind] ? [config.FALLBACK_TEMPLATES[kind]] : [];
    (fromServer.length ? fromServer : fallback).forEach((id) => {
      if (id && ids.indexOf(id) < 0) ids.push(id);
    });
  });
  return ids.slice(0, MAX_TEMPLATES);
}

/** Only the per-template answers, e.g. { "tmpl-1": "accept" }. */
function answersOf(res, ids) {
  const results = {};
  ids.forEach((id) => {
    if (res && ANSWERS.indexOf(res[id]) >= 0) results[id] = res[id];
  });
  return results;
}

/**
 * Asks for the reminder kinds (call it first thing in the tap handler) and reports the answers.
 * Resolves with the answers, or null when nothing was asked or the member closed the dialog. Never rejects.
 */
function ask(kinds) {
  const ids = templateIdsFor(kinds);
  if (!ids.length) return Promise.resolve(null);
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => resolve(answersOf(res, ids)),
      fail: () => resolve(null),
    });
  }).then(async (results) => {
    if (!results || !Object.keys(results).length) return null;
    try {
      await reminders.reportSubscriptions(results);
    } catch (e) {
      // The action the member tapped matters more than the quota report.
    }
    return results;
  });
}

function reset() {
  templates = null;
}

module.exports = { MAX_TEMPLATES, prefetch, templateIdsFor, answersOf, ask, reset };
