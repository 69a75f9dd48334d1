import type { TSupervisorOverview } from '@switchboard/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk } from '../../app/desk/desk-context';
import { useSession } from '../auth/session-context';
import { fetchOverview } from './supervisor-api';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; overview: TSupervisorOverview };

/** Later of two snapshots: a slow fetch must not overwrite a newer push. */
const newer = (current: TSupervisorOverview | null, next: TSupervisorOverview) =>
  current && Date.parse(current.generatedAt) > Date.parse(next.generatedAt) ? current : next;

/**
 * The board: fetched on mount and after every (re)connect of the desk's socket, then replaced by
 * each `supervisor.overview` push (a whole snapshot, so a missed push heals with the next).
 */
export const useSupervisorOverview = (): { state: OverviewState; reload: () => void } => {
  const { api } = useSession();
  const { relay } = useDesk();
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const latest = useRef<TSupervisorOverview | null>(null);

  const apply = useCallback((next: TSupervisorOverview) => {
    latest.current = newer(latest.current, next);
    setState({ status: 'ready', overview: latest.current });
  }, []);

  const reload = useCallback(() => {
    fetchOverview(api).then(apply, () => {
      if (!latest.current) {
        setState({ status: 'failed' });
      }
    });
  }, [api, apply]);

  useEffect(() => {
    reload();
    const offPush = relay.on('supervisor.overview', apply);
    const offConnect = relay.on('connect', reload);
    return () => {
      offPush();
      offConnect();
    };
  }, [relay, reload, apply]);

  return { state, reload };
};
