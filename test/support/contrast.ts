// WCAG 2.x contrast of a computed CSS colour over its background, for the e2e tests of both UIs. The colour
// parsing and the ratio are the `color` package's; what it leaves out is compositing a translucent colour
// (VS Code themes use #rrggbbaa, e.g. descriptionForeground) over the opaque background it is drawn on.
import Color, { type ColorInstance } from 'color';

/** `foreground` drawn over the opaque `background`, as the screen shows it (source-over compositing). */
export function composite(foreground: string, background: string): ColorInstance {
  const top = Color(foreground);
  const bottom = Color(background);
  if (bottom.alpha() !== 1) throw new Error(`the background must be opaque to measure contrast on it: ${background}`);
  const alpha = top.alpha();
  const [r, g, b] = top.rgb().array();
  const [br, bg, bb] = bottom.rgb().array();
  return Color.rgb(r! * alpha + br! * (1 - alpha), g! * alpha + bg! * (1 - alpha), b! * alpha + bb! * (1 - alpha));
}

/** The WCAG contrast ratio (1 to 21) of `foreground` as drawn over the opaque `background`. */
export const contrastOn = (foreground: string, background: string): number => composite(foreground, background).contrast(Color(background));

/** The background's alpha (1 when opaque), so a test can say which background it measured on. */
export const alphaOf = (color: string): number => Color(color).alpha();
