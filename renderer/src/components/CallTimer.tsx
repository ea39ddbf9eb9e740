import { useEffect, useState } from 'react';
import { formatCallDuration, msUntilNextSecond } from '../phone/callTimer';

/**
 * The running call time (`mm:ss`), ticking on the second. A `timer` region named "Call duration": it is not announced
 * on every tick (aria-live off), but can be read on demand.
 */
export function CallTimer({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, msUntilNextSecond(current - since) + 5);
    };
    timer = setTimeout(tick, msUntilNextSecond(Date.now() - since) + 5);
    return () => clearTimeout(timer);
  }, [since]);
  return (
    <span className="display__timer" role="timer" aria-label="Call duration" aria-live="off">
      {formatCallDuration(now - since)}
    </span>
  );
}
