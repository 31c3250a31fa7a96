import { Global, Module } from '@nestjs/common';
import { MyLanguageController } from './my-language.controller';
import { MyLanguageService } from './my-language.service';
import { MyMailDigestController } from './my-mail-digest.controller';
import { MyMailDigestService } from './my-mail-digest.service';
import { UsersController } from './users.controller';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

/** Global: the first-admin bootstrap and the demo data use UsersService too. */
@Global()
@Module({
  controllers: [UsersController, MyLanguageController, MyMailDigestController],
  providers: [UsersService, UserAdminService, MyLanguageService, MyMailDigestService],
  exports: [UsersService],
})
export class UsersModule {}
