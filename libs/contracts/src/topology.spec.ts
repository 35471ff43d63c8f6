import { kafkaAclsOf, SERVICE_NAMES, TOPOLOGY } from './topology';
import { ALL_TOPICS, Topics } from './topics';

describe('the bus topology', () => {
  it('has one writer per topic', () => {
    const writers = SERVICE_NAMES.map((service) => TOPOLOGY[service].produces);
    expect([...writers].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it('lets an agency write only its own topic and read only what it consumes, in its own group', () => {
    expect(kafkaAclsOf('admin-approval', 'admin-approval')).toEqual([
      { resourceType: 'topic', name: Topics.approval, operations: ['Write'] },
      { resourceType: 'topic', name: Topics.portal, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.scitech, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.psb, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.hrss, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.sharing, operations: ['Read'] },
      { resourceType: 'topic', name: 'admin-approval.dlq', operations: ['Read', 'Write'] },
      { resourceType: 'group', name: 'admin-approval', operations: ['Read'] },
    ]);
  });

  it('gives the portal, which reads its own topic, read and write on it once', () => {
    const own = kafkaAclsOf('portal').filter((acl) => acl.name === Topics.portal);
    expect(own).toEqual([{ resourceType: 'topic', name: Topics.portal, operations: ['Read', 'Write'] }]);
  });

  it('names the dead-letter topic and the group after the consumer group it is given', () => {
    const names = kafkaAclsOf('data-sharing', 'data-sharing-blue').map((acl) => acl.name);
    expect(names).toContain('data-sharing-blue.dlq');
    expect(names).toContain('data-sharing-blue');
    expect(names).not.toContain('data-sharing.dlq');
  });
});
