// The bench's kafkajs client, with the same TLS and SASL settings as the services (KAFKA_SSL,
// KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD), read by the
// messaging library's own kafkaSecurityFromEnv — loaded from its TypeScript source through
// @swc-node/register, as the data-sharing scripts are — so there is one reading of them, not a copy.
// Under ACLs the bench needs a user that may create and delete its ceiling topic and read every
// group's offsets (the super user, say).
import { createRequire } from 'node:module';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { repoRoot } from '../../local/infra.mjs';

const require = createRequire(import.meta.url);
process.env.SWC_NODE_PROJECT ??= path.join(repoRoot, 'tsconfig.base.json');
require('@swc-node/register');
const { kafkaSecurityFromEnv, kafkajsSecurityOf } = require(path.join(repoRoot, 'libs/messaging/src/kafka/kafka-security.ts'));
// The services' fix of kafkajs' idle wake-ups (a timer every millisecond on every connection), so the
// bench's own consumers cost the machine no more than they must.
require(path.join(repoRoot, 'libs/messaging/src/kafka/request-checks.ts')).checkKafkaRequestsOnlyWhileWaiting();

/** A kafkajs client for the bench's probes and ceilings; throws naming any bad security variable. */
export function benchKafka(clientId, brokers, env = process.env) {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, ...kafkajsSecurityOf(kafkaSecurityFromEnv(env)) });
}
