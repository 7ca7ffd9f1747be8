// Preloaded into the measured process (node -r): reports its peak memory when it exits.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  writeSync(2, `\nBENCH_USAGE ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
