import { DocumentIssuedEvents, DocumentIssuedEventsOf, eventDefinitionOf, Events } from './event-catalogue';
import { deadLetterReaderGroupPrefixOf, handledAsTabled, kafkaAclsOf, READ_OUTSIDE_THE_SERVICES, retentionMsOf, SERVICE_NAMES, TOPOLOGY } from './topology';
import { ALL_TOPICS, DocumentTopics, Topics } from './topics';

describe('the bus topology', () => {
  it('has one writer per topic', () => {
    const writers = SERVICE_NAMES.flatMap((service) => TOPOLOGY[service].produces);
    expect([...writers].sort()).toEqual([...ALL_TOPICS].sort());
  });

  it("puts each agency's documents on a topic of their own, which carries nothing else and which its agency writes", () => {
    for (const [producer, definition] of Object.entries(DocumentIssuedEventsOf)) {
      expect(definition.topic).toBe(DocumentTopics[producer as keyof typeof DocumentTopics]);
      expect(definition.topic).toBe(`${producer}.documents`);
    }
    const documentTopics = new Set<string>(Object.values(DocumentTopics));
    const onDocumentTopics = Object.values(Events).filter((definition) => documentTopics.has(definition.topic));
    expect(onDocumentTopics.map((definition) => definition.type).sort()).toEqual(DocumentIssuedEvents.map((definition) => definition.type).sort());
    expect(TOPOLOGY['admin-approval'].produces).toEqual([Topics.approval, DocumentTopics.approval]);
    expect(TOPOLOGY['data-sharing'].produces).toEqual([Topics.sharing]);
  });

  it('lets no consumer group but the portal read a documents topic; the portal reads every one', () => {
    const documentTopics = Object.values(DocumentTopics) as string[];
    for (const service of SERVICE_NAMES) {
      const read = TOPOLOGY[service].consumes.filter((topic) => documentTopics.includes(topic));
      expect({ service, read }).toEqual({ service, read: service === 'portal' ? documentTopics : [] });
      const readAcls = kafkaAclsOf(service).filter((acl) => documentTopics.includes(acl.name) && acl.operations.includes('Read'));
      expect(readAcls.map((acl) => acl.name)).toEqual(service === 'portal' ? documentTopics : []);
    }
  });

  it("reads exactly the topics of the event types a service handles, its own only where it handles its own events", () => {
    for (const service of SERVICE_NAMES) {
      const { produces, handles, consumes } = TOPOLOGY[service];
      const topicsOfHandled = new Set(handles.map((type) => eventDefinitionOf(type)?.topic));
      expect(topicsOfHandled.has(undefined)).toBe(false);
      expect([...consumes].sort()).toEqual([...topicsOfHandled].sort());
      if (service !== 'portal') expect(consumes).not.toContain(produces);
    }
    expect(TOPOLOGY.portal.consumes).toContain(Topics.portal);
  });

  it('publishes no event that nobody reads: every type has a handler in some service, or a named reader outside them', () => {
    const handled = new Set(SERVICE_NAMES.flatMap((service) => TOPOLOGY[service].handles));
    const unhandled = Object.values(Events)
      .map((definition) => definition.type)
      .filter((type) => !handled.has(type));
    expect(unhandled.sort()).toEqual(Object.keys(READ_OUTSIDE_THE_SERVICES).sort());
    expect(unhandled).toEqual([Events.SharingAccessLogHeadPublished.type]);
  });

  it("tells a service's handlers for its own events, never delivered, from those the table must list", () => {
    const registered = [Events.CaseSubmitted.type, Events.ApprovalItemDecided.type, Events.ScitechItemDecided.type];
    expect(handledAsTabled('admin-approval', registered)).toEqual({ handles: [Events.CaseSubmitted.type, Events.ScitechItemDecided.type], unreadOwnEvents: [Events.ApprovalItemDecided.type] });
    // The portal reads its own topic: a handler for any of its events is one the table must list.
    expect(handledAsTabled('portal', [Events.CaseWithdrawn.type]).handles).toEqual([Events.CaseWithdrawn.type]);
    expect(() => handledAsTabled('portal', ['portal.no-such-event'])).toThrow(/not in the event catalogue/);
  });

  it('lets an agency write only its own topic and read only what it consumes, in its own group', () => {
    const literal = 'literal';
    expect(kafkaAclsOf('admin-approval', 'admin-approval')).toEqual([
      { resourceType: 'topic', name: Topics.approval, patternType: literal, operations: ['Write'] },
      { resourceType: 'topic', name: DocumentTopics.approval, patternType: literal, operations: ['Write'] },
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
    expect(retentionMsOf(DocumentTopics.hrss)).toBe(-1);
    expect(retentionMsOf('data-sharing.dlq')).toBe(90 * 24 * 3600 * 1000);
  });
});
