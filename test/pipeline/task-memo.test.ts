// The worker's memo (pipeline/task-memo.ts): a resource is made once for the tasks that share it,
// and a failed make is not handed to the next task.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTaskMemo } from '../../pipeline/task-memo.ts';

test('a kept resource is made once and shared by the next tasks', async () => {
  const keep = createTaskMemo();
  let made = 0;
  const make = async () => ({ n: ++made });
  const [a, b] = await Promise.all([keep('lists', make), keep('lists', make)]);
  const c = await keep('lists', make);
  assert.equal(made, 1);
  assert.equal(a, b);
  assert.equal(a, c);
  assert.notEqual(await keep('model', make), a);
  assert.equal(made, 2);
});

test('a make that failed is tried again by the next task', async () => {
  const keep = createTaskMemo();
  let calls = 0;
  const make = async () => {
    calls++;
    if (calls === 1) throw new Error('lists missing');
    return 'lists';
  };
  await assert.rejects(keep('lists', make), /lists missing/);
  assert.equal(await keep('lists', make), 'lists');
  assert.equal(calls, 2);
});
