const { checkInPage } = require('../../logic/checkin');
const api = require('../../api/activities');

Page(checkInPage('activity', api));
