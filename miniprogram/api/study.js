// Study area (issue 20, Api/Features/Study): materials, progress reports, my hours, assignments and their completion.
const client = require('./client');

module.exports = {
  /** Materials I may read, newest first, with my progress: { items: [StudyMaterialView], nextCursor } */
  materials: ({ topic, cursor } = {}) => client.get('/api/study/materials', { topic, cursor }),
  /** One material: body, signed mediaUrl/posterUrl (valid for a few hours), durationSeconds, my progress. */
  material: (id) => client.get('/api/study/materials/' + id),
  /** event: Start | Progress | Pause | End; position: the player's seconds (0 for text) → { progress, creditedNow, completedNow } */
  report: (id, event, position) => client.post('/api/study/materials/' + id + '/progress', { event, position }),
  /** → { year, targetHours, totalHours, remainingHours, materialHours, meetingHours, byTopic: [{ topic, hours }], entries } */
  myHours: (year) => client.get('/api/study/hours/me', { year }),
  /** Assignments given to me (myState) and those of units I manage (manageable): a list page. */
  assignments: () => client.get('/api/study/assignments').then((page) => page.items),
  /** The committee's view: { id, title, dueOn, materialCount, assigned, finished, inProgress, notStarted, members } */
  completion: (id) => client.get('/api/study/assignments/' + id + '/completion'),
  /** Reminds the assignees who have not finished (once an hour) → { reminded } */
  remind: (id) => client.post('/api/study/assignments/' + id + '/remind').then((r) => ({ reminded: r.reminded })),
};
