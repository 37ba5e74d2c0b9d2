// A horizontal bar for a 0–100 level, exposed as an ARIA meter.
export function LevelMeter({ label, value }: { label: string; value: number }) {
  return (
    <div
      className="level-meter"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
    >
      <span className="level-meter__bar" style={{ transform: `scaleX(${value / 100})` }} />
    </div>
  )
}
