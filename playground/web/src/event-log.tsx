import type { AttemptEvent } from '@lavapayments/checkout';

/** What the checkout reported through onEvent, in order: steps, codes sent, payment state. */
export function EventLog({ events }: { events: AttemptEvent[] }) {
  if (events.length === 0) return null;
  return (
    <section className="result" aria-label="Checkout events">
      <h2>onEvent</h2>
      <ol data-testid="event-log">
        {events.map((event) => (
          <li key={`${event.attemptId}-${event.seq}`}>{label(event)}</li>
        ))}
      </ol>
    </section>
  );
}

function label(event: AttemptEvent): string {
  if ('step' in event) return `${event.type} ${event.step}`;
  if ('code' in event) return `${event.type} ${event.code}`;
  return event.type;
}
