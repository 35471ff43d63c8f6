// Preloaded into the services (NODE_OPTIONS=--require …) when the bench runs with --cpu-prof.
// Node 20 refuses --cpu-prof in NODE_OPTIONS, and NestJS ends a process by re-raising SIGTERM, which
// would skip --cpu-prof's write anyway; so the profiler is started through the inspector here and
// the profile written synchronously before that signal or at exit.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const service = /dist\/services\/([^/]+)\/src\/main\.js$/.exec(process.argv[1] ?? '')?.[1];
const directory = process.env.BENCH_CPU_PROF_DIR;

if (service && directory) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_PROF_INTERVAL_US ?? 1000) });
  session.post('Profiler.start');

  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(path.join(directory, `${service}.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.once('exit', write);
  const kill = process.kill.bind(process);
  process.kill = (pid, signal) => {
    if (pid === process.pid) write();
    return kill(pid, signal);
  };
}
