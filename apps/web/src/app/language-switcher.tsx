import { LANGUAGES } from '@salkku/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberProfileLanguage } from '../features/admin/api/profile-language';
import { activeLanguage, chooseLanguage } from '../lib/i18n';

/**
 * fi / sv / en as a labelled group of toggle buttons (aria-pressed). Each language is named in
 * itself and marked with its lang, so screen readers pronounce it right. The choice is
 * remembered in localStorage (see lib/i18n.ts) and, when signed in, in the user's profile.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const queryClient = useQueryClient();
  const current = activeLanguage(i18n);
  return (
    <div className="language-switcher" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-switcher__label">
        {t('language.label')}
      </span>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === current}
          onClick={() => {
            chooseLanguage(i18n, language);
            void rememberProfileLanguage(queryClient, language);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
