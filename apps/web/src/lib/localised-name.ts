import type { Language } from '@salkku/shared';
import type { components } from './api/schema';

/** Anything the API names in three languages (priority areas): Finnish always, the others optional. */
export type LocalisedNames = Pick<components['schemas']['ProjectPriorityAreaRef'], 'nameFi' | 'nameSv' | 'nameEn'>;

/** The name in the given language, falling back to Finnish when that translation is missing. */
export function localisedName(names: LocalisedNames, language: Language): string {
  switch (language) {
    case 'sv':
      return names.nameSv || names.nameFi;
    case 'en':
      return names.nameEn || names.nameFi;
    default:
      return names.nameFi;
  }
}
