export type LampColour = 'off' | 'green' | 'amber' | 'red';

/** A round indicator lamp; purely visual — the text beside it says what it means. */
export function Lamp({ colour, blinking = false }: { colour: LampColour; blinking?: boolean }) {
  return <span className="lamp" data-colour={colour} data-blinking={blinking || undefined} aria-hidden="true" />;
}
