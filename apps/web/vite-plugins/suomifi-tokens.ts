import { createRequire } from 'node:module';
import { suomifiDesignTokens, type TypographyToken } from 'suomifi-design-tokens';
import type { Plugin } from 'vite';

/** What the app imports (src/main.tsx): the Suomi.fi design tokens as CSS custom properties. */
export const SUOMIFI_TOKENS_MODULE = 'virtual:suomifi-tokens.css';
const RESOLVED = `\0${SUOMIFI_TOKENS_MODULE}`;

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** px → rem (16 px = 1 rem), so text and spacing follow the reader's own font-size setting. */
const rem = (px: number) => `${Number((px / 16).toFixed(4))}rem`;
const pxOf = (value: string) => Number.parseFloat(value);

/** A token group's entries (interfaces without an index signature: Object.entries alone types the values any). */
const stringEntries = (tokens: object) => Object.entries(tokens) as [string, string][];

/**
 * The package's tokens as custom properties on :root, prefixed --fi-: colours as the package
 * gives them (hsl), sizes in rem, line heights as ratios (font size ÷ line height, so they follow
 * the font size), radiuses in px, shadows as given. src/app/styles.css maps the app's own names
 * (--color-brand, --space-m, …) onto these.
 */
export function suomifiTokensCss(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('suomifi-design-tokens/package.json') as { version: string };
  const { colors, spacing, radiuses, shadows, values } = suomifiDesignTokens;
  const lines: string[] = [];
  for (const [name, value] of stringEntries(colors)) lines.push(`--fi-color-${kebab(name)}: ${value};`);
  lines.push(`--fi-font-family: ${values.typography.bodyText.fontFamily};`);
  // An interface without an index signature: Object.entries would type its values any.
  for (const [name, token] of Object.entries(values.typography) as [string, TypographyToken][]) {
    const size = Number(token.fontSize.value);
    const lineHeight =
      token.lineHeight.unit === 'px'
        ? Number((Number(token.lineHeight.value) / size).toFixed(3))
        : token.lineHeight.value;
    lines.push(
      `--fi-font-size-${kebab(name)}: ${rem(size)};`,
      `--fi-line-height-${kebab(name)}: ${lineHeight};`,
      `--fi-font-weight-${kebab(name)}: ${token.fontWeight};`,
    );
  }
  for (const [name, value] of stringEntries(spacing)) lines.push(`--fi-spacing-${kebab(name)}: ${rem(pxOf(value))};`);
  for (const [name, value] of stringEntries(radiuses)) lines.push(`--fi-radius-${kebab(name)}: ${value};`);
  for (const [name, value] of stringEntries(shadows)) lines.push(`--fi-shadow-${kebab(name)}: ${value};`);
  return `/* suomifi-design-tokens ${version}, generated at build time (apps/web/vite-plugins/suomifi-tokens.ts). */\n:root {\n${lines.map((line) => `  ${line}`).join('\n')}\n}\n`;
}

/** Serves `virtual:suomifi-tokens.css`, made from the package's JavaScript export when Vite loads it. */
export function suomifiTokens(): Plugin {
  return {
    name: 'salkku:suomifi-tokens',
    resolveId: (id) => (id === SUOMIFI_TOKENS_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? suomifiTokensCss() : undefined),
  };
}
