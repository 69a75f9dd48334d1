import { describe, expect, it } from 'vitest';
import {
  fieldsOf,
  filledText,
  filterQuickResponses,
  insertAt,
  isComplete,
  variableLabel,
} from './quick-response-form';

const known = { agent_name: 'Alice Agent', agent_id: 'a-1', customer_name: '*********7542' };
const order = {
  id: '1',
  name: 'Order status',
  text: 'Hi {{customer_name}}, order {{order_number}} ships {{date}}. {{customer_name}}, {{agent_name}}',
};

describe('the quick-response pane', () => {
  it('fills what the desktop knows (a masked name stays masked) and leaves the rest for the agent', () => {
    const fields = fieldsOf(order, known, {});
    expect(fields).toEqual([
      { name: 'customer_name', known: true, value: '*********7542' },
      { name: 'order_number', known: false, value: '' },
      { name: 'date', known: false, value: '' },
      { name: 'agent_name', known: true, value: 'Alice Agent' },
    ]);
    expect(isComplete(fields)).toBe(false);
    expect(filledText(order, fields)).toBe(
      'Hi *********7542, order {{order_number}} ships {{date}}. *********7542, Alice Agent',
    );
  });

  it('takes what the agent typed over what it knew, including an emptied field', () => {
    const fields = fieldsOf(order, known, { order_number: 'A-7', date: 'today', agent_name: 'Alice' });
    expect(isComplete(fields)).toBe(true);
    expect(filledText(order, fields)).toBe('Hi *********7542, order A-7 ships today. *********7542, Alice');
    expect(isComplete(fieldsOf(order, known, { order_number: 'A-7', date: 'x', agent_name: ' ' }))).toBe(
      false,
    );
  });

  it('searches names and texts, every word, case- and accent-blind', () => {
    const list = [order, { id: '2', name: 'Begrüßung', text: 'Hallo und willkommen' }];
    expect(filterQuickResponses(list, 'SHIPS order').map((r) => r.id)).toEqual(['1']);
    expect(filterQuickResponses(list, 'begru').map((r) => r.id)).toEqual(['2']);
    expect(filterQuickResponses(list, '').map((r) => r.id)).toEqual(['1', '2']);
  });

  it('inserts at the caret, replacing a selection, and says where the caret goes', () => {
    expect(insertAt('Hi! Bye.', 'Thanks.', 4, 4)).toEqual({ draft: 'Hi! Thanks.Bye.', caret: 11 });
    expect(insertAt('Hi! XXX', 'Thanks.', 4, 7)).toEqual({ draft: 'Hi! Thanks.', caret: 11 });
    expect(insertAt('', 'Thanks.', 5, 9)).toEqual({ draft: 'Thanks.', caret: 7 });
  });

  it('labels a variable by its name', () => {
    expect(variableLabel('order_number')).toBe('Order number');
  });
});
