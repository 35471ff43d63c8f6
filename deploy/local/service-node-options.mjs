// The V8 heap every service runs with, here and in the image (deploy/docker/Dockerfile's NODE_OPTIONS;
// deploy/test/service-node-options.spec.ts keeps the two equal). A service holds about 70 MB of live
// heap at rest (mostly the libraries' code); left alone, V8 on a large machine lets the old space grow to
// hundreds of MB before collecting, and a 16 MB-per-half young space adds 48 MB more. Measured with the
// bench (README, "Memory"): a 128 MB old space with 8 MB halves peaks at 180–240 MB resident per
// service against 300–400 MB, for 8 % of the CPU in the garbage collector against 4 %; 2 MB halves
// save another 35 MB but the collector then takes 11–14 %.
export const SERVICE_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=8';
