import { useEffect, useState } from 'react'

const TICK_MS = 250

// The server's clock as this browser best knows it (local clock + offset measured at join),
// refreshed about four times a second while `running`: timers count in server time, so every
// browser shows the same second even when a machine's own clock is off.
export function useServerNow(clockOffset: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now() + clockOffset)
  useEffect(() => {
    setNow(Date.now() + clockOffset)
    if (!running) return
    const timer = setInterval(() => setNow(Date.now() + clockOffset), TICK_MS)
    return () => clearInterval(timer)
  }, [clockOffset, running])
  return now
}
