import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

const ClockContext = createContext<number | null>(null);

/**
 * One tick a second for every timer on the desk (popovers, tabs, header), so they all move together
 * and twelve chats do not start thirty intervals.
 */
export const ClockProvider = ({ children }: { children: ReactNode }) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timeout: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      // Align on the wall-clock second so timers started at different moments change together.
      timeout = setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    timeout = setTimeout(tick, 1000 - (Date.now() % 1000));
    return () => clearTimeout(timeout);
  }, []);
  return <ClockContext.Provider value={now}>{children}</ClockContext.Provider>;
};

export const useNow = (): number => {
  const now = useContext(ClockContext);
  if (now === null) {
    throw new Error('useNow must be used inside <ClockProvider>');
  }
  return now;
};
