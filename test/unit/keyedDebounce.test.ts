import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { KeyedDebounce } from '../../src/vscode/keyedDebounce';

test('KeyedDebounce runs a burst once, after the last call, with per-key timers; cancel and dispose drop pending tasks', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const ran: string[] = [];
    const debounce = new KeyedDebounce(300);
    debounce.schedule('a', () => ran.push('a1'));
    mock.timers.tick(200);
    debounce.schedule('a', () => ran.push('a2'));
    debounce.schedule('b', () => ran.push('b'));
    mock.timers.tick(299);
    assert.deepEqual([...ran], [], 'nothing runs before 300 ms of quiet');
    mock.timers.tick(1);
    assert.deepEqual([...ran], ['a2', 'b'], 'the burst on a runs once, its last task; b keeps its own timer');

    debounce.schedule('a', () => ran.push('cancelled'));
    debounce.cancel('a');
    debounce.schedule('b', () => ran.push('disposed'));
    debounce.dispose();
    mock.timers.tick(1000);
    assert.deepEqual([...ran], ['a2', 'b']);
  } finally {
    mock.timers.reset();
  }
});
