import type { AnswerTemplate } from '@mockroom/questions'

// The answer structure the room will use, so the interviewer knows what to expect before starting.
export function TemplateOutline({ template }: { template: AnswerTemplate }) {
  const total = template.sections.reduce((sum, section) => sum + section.minutes, 0)
  return (
    <section className="card outline" aria-labelledby="outline-title">
      <h2 id="outline-title">Answer outline</h2>
      <p className="outline__summary">
        {template.sections.length} sections · total time <strong>{total} min</strong>
      </p>
      <ol className="outline__list">
        {template.sections.map((section) => (
          <li key={section.key} className="outline__item">
            <div className="outline__head">
              <h3>{section.title}</h3>
              <span className="minutes">{section.minutes} min</span>
            </div>
            <p className="hint">{section.prompt}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
