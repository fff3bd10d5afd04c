const { checkInPage } = require('../../logic/checkin');
const api = require('../../api/meetings');

Page(checkInPage('meeting', api));
