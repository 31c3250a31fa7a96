import { LANGUAGES, type Language } from '@salkku/shared';
import { EnumField } from '../../../common/validators';

export class UpdateMyLanguageDto {
  @EnumField(LANGUAGES, 'Language', { description: "The user's interface language, remembered in their profile" })
  language: Language;
}

/** The language now stored in the signed-in user's profile. */
export class MyLanguageResponse {
  @EnumField(LANGUAGES, 'Language')
  language: Language;
}
