'use client';

import { useEffect, useState } from 'react';

/** The time on the server's clock (this phone's plus `offset`), ticking each second while `active`. */
export function useServerNow(offset: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offset);
    // At once (in a callback, not during the effect), then every second while a timer shows.
    const first = setTimeout(tick, 0);
    const timer = active ? setInterval(tick, 1000) : null;
    return () => {
      clearTimeout(first);
      if (timer) clearInterval(timer);
    };
  }, [offset, active]);
  return now;
}
