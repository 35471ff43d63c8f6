// The V8 heap every service runs with, here and in the image (deploy/docker/Dockerfile runs this file
// for its service's NODE_OPTIONS; deploy/test/service-node-options.spec.ts checks both use it). A
// service holds about 70 MB of live heap at rest (mostly the libraries' code); left alone, V8 on a
// large machine lets the old space grow to hundreds of MB before collecting, and a 16 MB-per-half young
// space adds 48 MB more. Measured with the bench (README, "Memory"): a 128 MB old space with 8 MB halves
// peaks at 180–240 MB resident per service against 300–400 MB, for 8 % of the CPU in the garbage
// collector against 4 %; 2 MB halves save another 35 MB but the collector then takes 11–14 %.
export const SERVICE_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=8';

/**
 * Services that need a larger old space than SERVICE_NODE_OPTIONS gives, in MB. None does now:
 * data-sharing had 256 MB while its statistics held the whole history in the heap, until the database
 * summed them up (README, "The statistics summed up in the database").
 */
const OLD_SPACE_MB = {};

/** The NODE_OPTIONS `service` runs with. */
export function serviceNodeOptions(service) {
  const oldSpace = OLD_SPACE_MB[service];
  return oldSpace ? SERVICE_NODE_OPTIONS.replace(/--max-old-space-size=\d+/, `--max-old-space-size=${oldSpace}`) : SERVICE_NODE_OPTIONS;
}

// `node deploy/local/service-node-options.mjs <service>` prints them: the image's command reads its service's here.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) console.log(serviceNodeOptions(process.argv[2]));
