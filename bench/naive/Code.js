/* global SpreadsheetApp, UrlFetchApp, ScriptApp */
// The naive reference: how a beginner would write "cancel the jobs in the selected cells" in Apps Script.
// One execution for the whole selection (a menu click), one UrlFetchApp.fetch per cell, one setValue per
// result cell. It writes the same nine result columns as the add-on, to the right of the ID, so both do the
// same job on the same data. Apps Script stops it after 6 minutes: at 200 ms a request that is about 1,100
// jobs, whatever else it does (see docs/bench/RESULTS.md).

var API = 'https://aodocs.altirnao.com/api/job/v1/';
var HEADERS = [
  'Status',
  'Completed',
  'Succeeded tasks',
  'Failed tasks',
  'Remaining tasks',
  'Task retries',
  'Last activity',
  'Result',
  'Checked at',
];

// Called from the menu (a top-level function for Apps Script, hence unused here).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function cancelSelectedJobs() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var range = SpreadsheetApp.getActiveRange();
  var values = range.getValues();
  var token = ScriptApp.getIdentityToken();

  for (var h = 0; h < HEADERS.length; h++) {
    sheet.getRange(1, range.getColumn() + 1 + h).setValue(HEADERS[h]);
  }

  for (var i = 0; i < values.length; i++) {
    for (var j = 0; j < values[i].length; j++) {
      var jobId = String(values[i][j]).trim();
      if (jobId === '') continue;
      var row = range.getRow() + i;
      var col = range.getColumn() + j;

      var response = UrlFetchApp.fetch(API + encodeURIComponent(jobId) + '/cancel', {
        method: 'post',
        headers: { Authorization: 'Bearer ' + token },
        muteHttpExceptions: true,
      });
      var code = response.getResponseCode();
      var text = response.getContentText();
      var job = {};
      if (text.charAt(0) === '{') job = JSON.parse(text);

      sheet.getRange(row, col + 1).setValue(job.status || '');
      sheet.getRange(row, col + 2).setValue(job.completed === true);
      sheet.getRange(row, col + 3).setValue(job.succeededTasks || 0);
      sheet.getRange(row, col + 4).setValue(job.failedTasks || 0);
      sheet.getRange(row, col + 5).setValue(job.remainingTasks || 0);
      sheet.getRange(row, col + 6).setValue(job.taskRetries || 0);
      sheet.getRange(row, col + 7).setValue(job.lastActivityAt ? new Date(Number(job.lastActivityAt)) : '');
      sheet.getRange(row, col + 8).setValue(code === 200 ? 'Cancelled' : 'Error ' + code);
      sheet.getRange(row, col + 9).setValue(new Date());
    }
  }
}
