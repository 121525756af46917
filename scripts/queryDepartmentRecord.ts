/**
 * For scripts/newDepartment.test.ts, run inside a scaffolded copy of the repository: starts the
 * whole stack with the test harness (ephemeral ports), asks the gateway for a fixture resident's
 * `<department>Record` as that resident, and prints the answer as JSON on stdout.
 */
import { startStack } from '../test/harness.js';

const department = process.argv[2];
if (!department || !/^[a-z]+$/.test(department))
  throw new Error('usage: tsx scripts/queryDepartmentRecord.ts <department>');

const stack = await startStack();
try {
  const id = stack.dataSet.fixtures.multiRepresentative;
  const answer = await stack.query(
    `query ($id: ID!) { person(id: $id) { id ${department}Record { recordNumber openedOn } } }`,
    { id },
    { as: { kind: 'person', sub: id } },
  );
  process.stdout.write(`${JSON.stringify({ id, status: answer.status, data: answer.data, errors: answer.errors })}\n`);
} finally {
  await stack.close();
}
