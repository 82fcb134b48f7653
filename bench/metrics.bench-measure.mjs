// Preloaded (`node --import`) into the measured `kefu metrics` process: on exit it prints the wall
// time since the process started (start-up and module loading included) and the peak RSS.
process.on('exit', () => {
  const measure = { ms: performance.now(), maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stderr.write(`\n${JSON.stringify(measure)}\n`);
});
