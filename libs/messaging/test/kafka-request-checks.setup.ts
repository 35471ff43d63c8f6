// Every integration test file's own kafkajs clients (topics, readers, the e2e stack's) check their
// queued requests only while one waits, as the services' clients do through createKafka: otherwise each
// connection a test opens wakes its Jest worker a thousand times a second (src/kafka/request-checks.ts).
import { checkKafkaRequestsOnlyWhileWaiting } from '../src/kafka/request-checks';

checkKafkaRequestsOnlyWhileWaiting();
