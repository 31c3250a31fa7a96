import { Global, Module } from '@nestjs/common';
import { MyLanguageController } from './my-language.controller';
import { UsersController } from './users.controller';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

/** Global: the first-admin bootstrap and the demo data use UsersService too. */
@Global()
@Module({
  controllers: [UsersController, MyLanguageController],
  providers: [UsersService, UserAdminService],
  exports: [UsersService],
})
export class UsersModule {}
