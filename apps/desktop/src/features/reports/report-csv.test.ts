import type { TSupervisorReport } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { agentsCsv, channelsCsv, csvCell, queuesCsv, type ReportCsvLabels } from './report-csv';

const labels: ReportCsvLabels = {
  queue: 'Queue',
  channel: 'Channel',
  channelName: (channel) =>
    ({ livechat: 'Live chat', whatsapp: 'WhatsApp', sms: 'SMS', messenger: 'Messenger' })[channel],
  agent: 'Agent',
  arrived: 'Arrived',
  answered: 'Answered',
  abandoned: 'Abandoned',
  waiting: 'Waiting',
  abandonRatePercent: 'Abandon rate (%)',
  averageWaitSeconds: 'Average wait (s)',
  longestWaitSeconds: 'Longest wait (s)',
  serviceLevelPercent: 'Service level (%)',
  serviceLevelSeconds: 'Service level threshold (s)',
  accepted: 'Accepted',
  wrappedUp: 'Wrapped up',
  averageHandleSeconds: 'Average handle time (s)',
  allQueues: 'All queues',
  allAgents: 'All agents',
};

const figures = {
  arrived: 3,
  answered: 1,
  abandoned: 1,
  waiting: 1,
  abandonRatePercent: 33.3,
  averageWaitSeconds: 4.5,
  longestWaitSeconds: 4.5,
  serviceLevelPercent: 50,
};
const report: TSupervisorReport = {
  from: '2026-12-05T00:00:00.000Z',
  to: '2026-12-05T12:00:00.000Z',
  queues: [
    { id: 'q1', name: 'Support, "EU"', serviceLevelSeconds: 60, ...figures },
    {
      id: 'q2',
      name: '=HYPERLINK("http://x")',
      serviceLevelSeconds: 30,
      ...figures,
      arrived: 0,
      answered: 0,
      abandoned: 0,
      waiting: 0,
      abandonRatePercent: null,
      averageWaitSeconds: null,
      longestWaitSeconds: null,
      serviceLevelPercent: null,
    },
  ],
  channels: [{ channel: 'whatsapp', ...figures }],
  agents: [{ id: 'a1', name: 'Alice Agent', accepted: 1, wrappedUp: 1, averageHandleSeconds: 120 }],
  totals: { ...figures, accepted: 1, wrappedUp: 1, averageHandleSeconds: 120 },
  generatedAt: '2026-12-05T12:00:00.000Z',
};

describe('a report as CSV', () => {
  it('writes one row a queue and one for all queues, numbers plain and empty where nothing was measured', () => {
    expect(queuesCsv(report, labels).split('\r\n')).toEqual([
      'Queue,Arrived,Answered,Abandoned,Waiting,Abandon rate (%),Average wait (s),Longest wait (s),Service level (%),Service level threshold (s)',
      '"Support, ""EU""",3,1,1,1,33.3,4.5,4.5,50,60',
      `"'=HYPERLINK(""http://x"")",0,0,0,0,,,,,30`,
      'All queues,3,1,1,1,33.3,4.5,4.5,50,',
      '',
    ]);
    expect(channelsCsv(report, labels).split('\r\n')).toEqual([
      'Channel,Arrived,Answered,Abandoned,Waiting,Abandon rate (%),Average wait (s),Longest wait (s),Service level (%)',
      'WhatsApp,3,1,1,1,33.3,4.5,4.5,50',
      '',
    ]);
    expect(agentsCsv(report, labels).split('\r\n')).toEqual([
      'Agent,Accepted,Wrapped up,Average handle time (s)',
      'Alice Agent,1,1,120',
      'All agents,1,1,120',
      '',
    ]);
  });

  it('never lets a spreadsheet run a name as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Line\nbreak')).toBe('"Line\nbreak"');
    expect(csvCell(null)).toBe('');
  });
});
