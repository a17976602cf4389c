// Never let puppeteer download a browser: sop finds a system Chromium at run time.
module.exports = { skipDownload: true };
