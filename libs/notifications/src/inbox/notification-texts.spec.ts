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

  it('tells the owner and its advisors about a question, quoting it shortened, and the asker about its answer', () => {
    const question = `内禀矫顽力的测试温度是多少？${'请说明测试条件。'.repeat(10)}`;
    const [asked] = messagesFor(
      EventBus.envelope('demand.question_asked', 'q', 1, {
        questionId: 'q',
        demandId: 'need',
        askerOrganisationId: 'team',
        question,
      }),
      context,
    );
    expect(asked.audience).toEqual({ organisations: [{ id: 'owner', role: 'enterprise' }], userIds: ['advisor'] });
    expect(asked.body).toContain(`“${[...question].slice(0, 60).join('')}…”`);
    expect(asked.link).toBe('/demands/need?tab=qa');

    const answered = messagesFor(
      EventBus.envelope('demand.question_answered', 'q', 2, {
        questionId: 'q',
        demandId: 'need',
        askerOrganisationId: 'team',
        question: '测试温度？',
        answer: '室温',
        answeredByRole: 'advisor',
      }),
      context,
    );
    expect(answered.map((m) => [m.kind, m.audience.organisations])).toEqual([
      ['question_answered', [{ id: 'team', role: 'team' }]],
      ['question_answer_published', [{ id: 'owner', role: 'enterprise' }]],
    ]);
  });

  it('tells the asker why the office hid its question', () => {
    const [hidden] = messagesFor(
      EventBus.envelope('demand.question_moderated', 'q', 2, {
        questionId: 'q',
        demandId: 'need',
        askerOrganisationId: 'team',
        hidden: true,
        reason: '含广告内容',
      }),
      context,
    );
    expect(hidden).toMatchObject({
      kind: 'question_hidden',
      audience: { organisations: [{ id: 'team', role: 'team' }] },
    });
    expect(hidden.body).toContain('含广告内容');
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

  describe('a message in an engagement thread', () => {
    const posted = (authorId: string, authorRole: 'enterprise' | 'team' | 'advisor' | 'admin', org: string | null) =>
      EventBus.envelope('matching.engagement_message_posted', 'eng', 3, {
        engagementId: 'eng',
        demandId: 'need',
        messageId: 'm',
        seq: 3,
        authorId,
        authorRole,
        authorOrganisationId: org,
        teamOrganisationId: 'team',
        ownerOrganisationId: 'owner',
        excerpt: '样品已寄出',
        adminIds: ['office-1'],
      });

    it.each([
      ['the team', posted('t', 'team', 'team'), [{ id: 'owner', role: 'enterprise' }], ['advisor', 'office-1']],
      ['the owner', posted('e', 'enterprise', 'owner'), [{ id: 'team', role: 'team' }], ['advisor', 'office-1']],
      [
        'an advisor',
        posted('advisor', 'advisor', null),
        [
          { id: 'team', role: 'team' },
          { id: 'owner', role: 'enterprise' },
        ],
        ['office-1'],
      ],
      [
        'the office',
        posted('office-1', 'admin', null),
        [
          { id: 'team', role: 'team' },
          { id: 'owner', role: 'enterprise' },
        ],
        ['advisor'],
      ],
    ] as const)(
      'from %s goes to everyone else in the thread, never to its author',
      (_, event, organisations, userIds) => {
        const [message] = messagesFor(event, context);
        expect(message.audience).toEqual({ organisations, userIds });
        expect(message).toMatchObject({ kind: 'engagement_message', link: '/engagements/eng' });
        expect(message.body).toContain('“样品已寄出”');
      },
    );
  });
});
