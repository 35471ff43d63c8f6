import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaAclsOf, retentionMsOf, SERVICE_NAMES } from '@work-permit/contracts';
import { parse } from 'yaml';
import { aclCommandArguments, kafkaInitTopics, kafkaPasswordVariableOf, renderKafkaInit } from '../kafka/kafka-init';

const root = join(__dirname, '../..');
const script = readFileSync(join(root, 'deploy/kafka/kafka-init.sh'), 'utf8');

interface ComposeService {
  environment?: Record<string, string | number>;
  volumes?: string[];
  entrypoint?: string[];
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

describe("docker-compose's Kafka users, topics and ACLs", () => {
  it('deploy/kafka/kafka-init.sh is what the topology table renders (regenerate it: see deploy/kafka/kafka-init.ts)', () => {
    expect(script).toBe(renderKafkaInit());
  });

  it('creates every service topic and each consumer group’s dead-letter topic, with the retention each needs', () => {
    for (const topic of kafkaInitTopics()) expect(script).toContain(`\ntopic ${topic} ${retentionMsOf(topic)}\n`);
    expect(script).toContain('\ntopic sharing.events -1\n');
    expect(script).toContain('\ntopic approval.documents -1\n');
    expect(script).toContain(`\ntopic data-sharing.dlq ${90 * 24 * 3600 * 1000}\n`);
  });

  it.each(SERVICE_NAMES)('grants %s exactly its ACLs from kafkaAclsOf, and nothing else', (service) => {
    const granted = script.split('\n').filter((line) => line.startsWith(`acl --allow-principal User:${service} `));
    expect(granted).toEqual(kafkaAclsOf(service).map((acl) => `acl ${aclCommandArguments(service, acl).join(' ')}`));
  });

  it('runs the script once, in the apache/kafka image, with every password it needs, before any service starts', () => {
    const init = compose.services['kafka-init'];
    expect(init.entrypoint).toEqual(['/bin/sh', '/opt/weihai/kafka-init.sh']);
    expect(init.volumes).toContain('./deploy/kafka/kafka-init.sh:/opt/weihai/kafka-init.sh:ro');
    const needed = [...script.matchAll(/\$\{([A-Z_]+):\?\}/g)].map((match) => match[1]);
    expect(needed).toEqual(expect.arrayContaining(['KAFKA_ADMIN_PASSWORD', ...SERVICE_NAMES.map(kafkaPasswordVariableOf)]));
    for (const variable of needed) expect(init.environment?.[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
  });

  it.each(SERVICE_NAMES)('%s connects as its own SCRAM user with the password kafka-init gave it, and creates no topics', (service) => {
    const { environment, depends_on } = compose.services[service];
    expect(environment).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: service, KAFKA_PROVISION_TOPICS: 'false' });
    expect(environment?.KAFKA_SASL_PASSWORD).toMatch(new RegExp(`^\\$\\{${kafkaPasswordVariableOf(service)}:\\?`));
    expect(environment?.KAFKA_CONSUMER_GROUP ?? service).toBe(service); // the group its ACLs name
    expect(depends_on?.['kafka-init']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('runs the broker with the standard authorizer, closed by default, and SASL on every listener', () => {
    const kafka = compose.services.kafka.environment ?? {};
    expect(kafka).toMatchObject({
      KAFKA_AUTHORIZER_CLASS_NAME: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'false',
      KAFKA_SUPER_USERS: 'User:admin',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT',
    });
    expect(String(kafka.KAFKA_SASL_ENABLED_MECHANISMS).split(',')).toContain('SCRAM-SHA-512');
  });
});
