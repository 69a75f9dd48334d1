import { describe, expect, it } from 'vitest';
import { type ArrivalFacts, type HandlingFacts, reportOfTotals, totalsOfFacts } from '../src/reports';

/** The report of facts, as the server makes it from the store's totals (totalsOfFacts is their definition). */
const buildPeriodReport = (facts: {
  arrivals: ArrivalFacts[];
  handlings: HandlingFacts[];
  queues: { id: string; serviceLevelSeconds: number }[];
}) =>
  reportOfTotals({
    ...totalsOfFacts(facts),
    serviceLevels: new Map(facts.queues.map((q) => [q.id, q.serviceLevelSeconds])),
  });

const at = (second: number) => new Date(Date.UTC(2026, 11, 5, 9, 0, second));
const arrival = (
  queueId: string,
  arrived: number,
  accepted: number | null,
  left: number | null = null,
  channel: ArrivalFacts['channel'] = 'livechat',
): ArrivalFacts => ({
  conversationId: `${queueId}-${arrived}`,
  queueId,
  channel,
  arrivedAt: at(arrived),
  firstAcceptedAt: accepted === null ? null : at(accepted),
  customerLeftAt: left === null ? null : at(left),
});

describe('the period report', () => {
  const queues = [
    { id: 'support', serviceLevelSeconds: 20 },
    { id: 'sales', serviceLevelSeconds: 60 },
    { id: 'quiet', serviceLevelSeconds: 30 },
  ];

  it('counts answered, abandoned and waiting, with the abandon rate, the waits and the service level', () => {
    const report = buildPeriodReport({
      queues,
      arrivals: [
        arrival('support', 0, 10), // answered within 20 s
        arrival('support', 0, 30), // answered late
        arrival('support', 0, null, 15), // abandoned
        arrival('support', 0, 40, 50), // answered, the customer left afterwards: not abandoned
        arrival('support', 0, null), // still waiting
        arrival('sales', 0, 50),
      ],
      handlings: [],
    });
    expect(report.queues[0]).toEqual({
      queueId: 'support',
      serviceLevelSeconds: 20,
      arrived: 5,
      answered: 3,
      abandoned: 1,
      waiting: 1,
      abandonRatePercent: 20,
      averageWaitSeconds: 26.7,
      longestWaitSeconds: 40,
      serviceLevelPercent: 25, // 1 within 20 s of 3 answered + 1 abandoned
    });
    expect(report.queues[1]).toMatchObject({ queueId: 'sales', answered: 1, serviceLevelPercent: 100 });
    expect(report.totals).toMatchObject({ arrived: 6, answered: 4, abandoned: 1, waiting: 1 });
  });

  it('gives the same figures per channel, each answer judged by its own queue’s service level', () => {
    const report = buildPeriodReport({
      queues,
      arrivals: [
        arrival('support', 0, 15, null, 'whatsapp'), // within support's 20 s
        arrival('sales', 0, 50, null, 'whatsapp'), // within sales' 60 s
        arrival('support', 0, 30, null, 'whatsapp'), // late for support
        arrival('support', 0, null, 5, 'sms'), // abandoned
        arrival('support', 0, 5), // live chat
      ],
      handlings: [],
    });
    expect(report.channels.map((c) => c.channel)).toEqual(['livechat', 'whatsapp', 'sms', 'messenger']);
    expect(report.channels[1]).toEqual({
      channel: 'whatsapp',
      arrived: 3,
      answered: 3,
      abandoned: 0,
      waiting: 0,
      abandonRatePercent: 0,
      averageWaitSeconds: 31.7,
      longestWaitSeconds: 50,
      serviceLevelPercent: 66.7,
    });
    expect(report.channels[2]).toMatchObject({ arrived: 1, abandoned: 1, serviceLevelPercent: 0 });
    expect(report.channels[3]).toMatchObject({ arrived: 0, serviceLevelPercent: null });
  });

  it('lists every queue asked for, with nothing to say as null rather than zero', () => {
    const report = buildPeriodReport({ queues, arrivals: [], handlings: [] });
    expect(report.queues.map((q) => q.queueId)).toEqual(['support', 'sales', 'quiet']);
    expect(report.queues[2]).toMatchObject({
      arrived: 0,
      abandonRatePercent: null,
      averageWaitSeconds: null,
      serviceLevelPercent: null,
    });
    expect(report.totals.averageHandleSeconds).toBeNull();
  });

  it('averages handle time from acceptance to wrap-up per agent, leaving out handlings not wrapped up', () => {
    const report = buildPeriodReport({
      queues,
      arrivals: [],
      handlings: [
        { agentId: 'alice', conversationId: 'a', acceptedAt: at(0), wrappedAt: at(40) },
        { agentId: 'alice', conversationId: 'b', acceptedAt: at(0), wrappedAt: at(20) },
        { agentId: 'alice', conversationId: 'c', acceptedAt: at(0), wrappedAt: null },
        { agentId: 'bob', conversationId: 'a', acceptedAt: at(10), wrappedAt: at(55) },
      ],
    });
    expect(report.agents).toEqual([
      { agentId: 'alice', accepted: 3, wrappedUp: 2, averageHandleSeconds: 30 },
      { agentId: 'bob', accepted: 1, wrappedUp: 1, averageHandleSeconds: 45 },
    ]);
    expect(report.totals).toMatchObject({ accepted: 4, wrappedUp: 3, averageHandleSeconds: 35 });
  });
});
