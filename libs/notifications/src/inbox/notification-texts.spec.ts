import { describe, expect, it } from '@jest/globals';
import { EventBus } from '@jiebang/platform';
import { messagesFor } from './notification-texts';

const context = { demandTitle: '钕铁硼晶界扩散', ownerOrganisationId: 'owner', advisorIds: ['advisor'] };

describe('notification texts', () => {
  it('tells the owner and its advisors about a new bid', () => {
    const [message] = messagesFor(
      EventBus.envelope('matching.bid_submitted', 'bid', 1, {
        bidId: 'bid',
        demandId: 'need',
        teamOrganisationId: 'team',
      }),
      context,
    );
    expect(message.audience).toEqual({ organisations: [{ id: 'owner', role: 'enterprise' }], userIds: ['advisor'] });
    expect(message.body).toContain('《钕铁硼晶界扩散》');
  });

  it('tells winners and losers apart, with the reason category for losers', () => {
    const messages = messagesFor(
      EventBus.envelope('matching.awarded', 'need', 1, {
        demandId: 'need',
        winners: [{ bidId: 'w', teamOrganisationId: 'team-w' }],
        losers: [{ bidId: 'l', teamOrganisationId: 'team-l', feedbackCategory: 'cost' }],
      }),
      context,
    );
    expect(messages.map((m) => [m.kind, m.audience.organisations])).toEqual([
      ['bid_awarded', [{ id: 'team-w', role: 'team' }]],
      ['bid_not_selected', [{ id: 'team-l', role: 'team' }]],
    ]);
    expect(messages[1].body).toContain('经费报价偏高');
  });

  it('stays silent about moves nobody needs to hear about', () => {
    expect(
      messagesFor(
        EventBus.envelope('matching.conversion_recorded', 'c', 1, {
          conversionId: 'c',
          advisorId: 'a',
          demandId: null,
          kind: 'licence',
          contractValue: 10,
        }),
        context,
      ),
    ).toEqual([]);
  });
});
