// The V8 heap every service runs with, here and in the image (deploy/docker/Dockerfile's NODE_OPTIONS;
// deploy/test/service-node-options.spec.ts keeps the two equal). A service holds about 70 MB of live
// heap at rest (mostly the libraries' code); left alone, V8 on a large machine lets the old space grow to
// hundreds of MB before collecting, and a 16 MB-per-half young space adds 48 MB more. A 2 MB semi-space
// and a 128 MB old space kept every service's peak resident memory at 150–210 MB under the bench's load,
// against 320–410 MB without (issue 14, README "Memory").
export const SERVICE_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=2';
