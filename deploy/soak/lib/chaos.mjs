// The kills: every interval (fixed, or a random 60–120 s), one service picked at random is SIGKILLed
// and, after a random pause of 1 s to pauseMax, started again; the next kill waits until it is healthy,
// so one service at a time is down.
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../../bench/lib/workload.mjs';
import { SERVICES } from '../../bench/lib/probes/metrics.mjs';

export class Chaos {
  constructor(fleet, { killEvery, pauseMax, seed, log, since }) {
    this.fleet = fleet;
    this.killEvery = killEvery;
    this.pauseMax = pauseMax;
    this.random = seededRandom(seed * 7919 + 17);
    this.log = log;
    this.since = since;
    this.kills = [];
    this.stopped = false;
    this.failures = [];
  }

  nextInterval() {
    return this.killEvery ?? 60 + this.random.next() * 60;
  }

  /** Kills until stop(); resolves once the last restarted service is healthy again. */
  start() {
    this.loop = (async () => {
      while (!this.stopped) {
        const waitS = this.nextInterval();
        const until = performance.now() + waitS * 1000;
        while (!this.stopped && performance.now() < until) await sleep(Math.min(500, until - performance.now()));
        if (this.stopped) return;
        const service = this.random.pick(SERVICES).name;
        const pauseS = Math.round((1 + this.random.next() * (this.pauseMax - 1)) * 10) / 10;
        const kill = { atS: Math.round((performance.now() - this.since) / 1000), at: new Date().toISOString(), service, pid: this.fleet.pidOf(service), uptimeS: Math.round(this.fleet.uptimeOf(service) ?? 0), pauseS };
        this.log(`SIGKILL ${service} (pid ${kill.pid}, up ${kill.uptimeS} s); starting it again in ${pauseS} s`);
        await this.fleet.kill(service);
        this.kills.push(kill);
        await sleep(pauseS * 1000);
        try {
          kill.healthyAfterS = Math.round((await this.fleet.restart(service)) * 10) / 10;
          this.log(`${service} healthy again ${kill.healthyAfterS} s after its restart`);
        } catch (error) {
          kill.error = error.message;
          this.failures.push(`${service}: ${error.message}`);
          this.log(`${service} did not come back: ${error.message}`);
          return;
        }
      }
    })();
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }
}
