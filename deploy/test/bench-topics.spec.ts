// The bench's and the soak's readers (plain .mjs, run without the TypeScript libraries) name the
// platform's topics themselves: this keeps their lists equal to the topology table's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS, DocumentTopics, Topics } from '@work-permit/contracts';

const tracker = readFileSync(join(__dirname, '../bench/lib/case-tracker.mjs'), 'utf8');

/** The quoted names in `export const <name> = [...]` of the tracker. */
function listed(name: string): string[] {
  const declaration = new RegExp(`export const ${name} = \\[([^\\]]*)\\];`).exec(tracker);
  if (!declaration) throw new Error(`deploy/bench/lib/case-tracker.mjs declares no ${name}`);
  return [...declaration[1].matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

describe("the bench's topics", () => {
  it('follows every events topic for completion and the replay count, and no documents topic there', () => {
    expect(listed('EVENT_TOPICS')).toEqual(Object.values(Topics));
  });

  it("counts the agencies' documents topics in the bus's sizes, so the bus is all of ALL_TOPICS", () => {
    expect(listed('DOCUMENT_TOPICS')).toEqual(Object.values(DocumentTopics));
    expect([...listed('EVENT_TOPICS'), ...listed('DOCUMENT_TOPICS')]).toEqual([...ALL_TOPICS]);
  });
});
