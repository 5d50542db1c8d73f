import { describe, expect, it } from '@jest/globals';
import { proposalErrors } from './bid-rules';

const milestones = [
  { title: '方案设计', dueDate: '2027-03-01', paymentShare: 30 },
  { title: '样机验证', dueDate: '2027-09-01', paymentShare: 70 },
];

describe('proposal rules', () => {
  it('accepts one response per indicator and shares adding up to 100%', () => {
    expect(
      proposalErrors(
        {
          indicatorResponses: [
            { indicator: 'A', response: 'x' },
            { indicator: 'B', response: 'y' },
          ],
          milestones,
        },
        ['A', 'B'],
      ),
    ).toEqual([]);
  });

  it('names missing, unknown and repeated indicators', () => {
    const errors = proposalErrors(
      {
        indicatorResponses: [
          { indicator: 'A', response: 'x' },
          { indicator: 'A', response: 'y' },
          { indicator: 'Z', response: 'z' },
        ],
      },
      ['A', 'B'],
    );
    expect(errors.map((e) => e.field)).toEqual([
      'indicatorResponses',
      'indicatorResponses[1].indicator',
      'indicatorResponses[2].indicator',
    ]);
  });

  it('refuses shares that do not add up and dates out of order', () => {
    const errors = proposalErrors({ milestones: [milestones[1], { ...milestones[0], paymentShare: 20 }] }, []);
    expect(errors).toEqual([
      { field: 'milestones', message: 'payment shares add up to 90%, not 100%' },
      { field: 'milestones[1].dueDate', message: 'must be after the previous milestone' },
    ]);
  });
});
