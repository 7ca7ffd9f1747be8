// Preloaded into the measured process (node -r): reports its peak memory and CPU time (user
// and system, all threads) when it exits.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeSync(2, `\nBENCH_USAGE ${JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs })}\n`);
});
