import { deadLetterReaderGroupPrefixOf, kafkaAclsOf, retentionMsOf, SERVICE_NAMES, TOPOLOGY } from './topology';
import { ALL_TOPICS, Topics } from './topics';

describe('the bus topology', () => {
  it('has one writer per topic', () => {
    const writers = SERVICE_NAMES.map((service) => TOPOLOGY[service].produces);
    expect([...writers].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it('lets an agency write only its own topic and read only what it consumes, in its own group', () => {
    const literal = 'literal';
    expect(kafkaAclsOf('admin-approval', 'admin-approval')).toEqual([
      { resourceType: 'topic', name: Topics.approval, patternType: literal, operations: ['Write'] },
      { resourceType: 'topic', name: Topics.portal, patternType: literal, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.scitech, patternType: literal, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.psb, patternType: literal, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.hrss, patternType: literal, operations: ['Read'] },
      { resourceType: 'topic', name: Topics.sharing, patternType: literal, operations: ['Read'] },
      { resourceType: 'topic', name: 'admin-approval.dlq', patternType: literal, operations: ['Read', 'Write'] },
      { resourceType: 'group', name: 'admin-approval', patternType: literal, operations: ['Read'] },
      { resourceType: 'group', name: 'admin-approval.dlq-reader', patternType: 'prefixed', operations: ['Read', 'Delete'] },
    ]);
  });

  it('gives the portal, which reads its own topic, read and write on it once', () => {
    const own = kafkaAclsOf('portal').filter((acl) => acl.name === Topics.portal);
    expect(own).toEqual([{ resourceType: 'topic', name: Topics.portal, patternType: 'literal', operations: ['Read', 'Write'] }]);
  });

  it('names the dead-letter topic and the group after the consumer group it is given', () => {
    const names = kafkaAclsOf('data-sharing', 'data-sharing-blue').map((acl) => acl.name);
    expect(names).toContain('data-sharing-blue.dlq');
    expect(names).toContain('data-sharing-blue');
    expect(names).not.toContain('data-sharing.dlq');
    expect(names).toContain(deadLetterReaderGroupPrefixOf('data-sharing-blue'));
  });

  it('keeps the topics a rebuild replays for ever and dead letters for 90 days', () => {
    expect(retentionMsOf(Topics.sharing)).toBe(-1);
    expect(retentionMsOf('data-sharing.dlq')).toBe(90 * 24 * 3600 * 1000);
  });
});
