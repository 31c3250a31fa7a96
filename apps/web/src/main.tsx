import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
// The Suomi.fi design tokens (custom properties made at build time), then the app's styles, which use them.
import 'virtual:suomifi-tokens.css';
import './app/styles.css';
import { startI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// The route's data and code load meanwhile: a Swedish or English user's texts come first.
void startI18n().then((i18n) =>
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} i18n={i18n} router={router} />
    </StrictMode>,
  ),
);
