import { AccessibilityPage } from '../features/accessibility/components/accessibility-page';
import { PublicShell } from './public-shell';

/** The route of the accessibility statement: public, outside the sign-in gate. */
export function AccessibilityRoute() {
  return (
    <PublicShell>
      <AccessibilityPage />
    </PublicShell>
  );
}
