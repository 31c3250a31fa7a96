import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../../common/actor';
import { ApiErrors } from '../../common/api-errors';
import { AnySignedInUser, Public } from '../../common/permissions';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { MeResponse } from './dto/me.response';
import { SignInDto } from './dto/sign-in.dto';
import { KNOWN_DEVICE_DAYS, type SignInClient, type SignedIn } from './sessions.service';

/** The known-device cookie: sent only to the sign-in and password routes. */
export const DEVICE_COOKIE = 'salkku_device';

function clientOf(req: Request): SignInClient {
  const deviceToken = (req.cookies as Record<string, string | undefined>)[DEVICE_COOKIE];
  return { address: req.ip ?? 'unknown', ...(deviceToken ? { deviceToken } : {}) };
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private setSessionCookie(res: Response, signedIn: SignedIn): void {
    res.cookie(SESSION_COOKIE, signedIn.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.production,
      path: '/',
      maxAge: this.config.sessionAbsoluteHours * 3600_000,
    });
    if (signedIn.deviceToken) {
      // Long-lived: it lets this browser sign in to the account while others' failures throttle theirs.
      res.cookie(DEVICE_COOKIE, signedIn.deviceToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.production,
        path: '/api/auth',
        maxAge: KNOWN_DEVICE_DAYS * 24 * 3600_000,
      });
    }
  }

  /** Signs in with email and password; sets the session cookie (HttpOnly) and returns the user. */
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(400, 401, 429)
  async login(
    @Body() dto: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const previous = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const signedIn = await this.auth.signIn(dto.email, dto.password, clientOf(req), previous);
    this.setSessionCookie(res, signedIn);
    return this.auth.me(signedIn.actor, signedIn.csrfToken);
  }

  /** Signs out: the session ends on the server and the cookie is cleared. */
  @Post('auth/logout')
  @AnySignedInUser()
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(401, 403)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.production });
  }

  /** Changes your own password; all your sessions end and this one is replaced. */
  @Post('auth/password')
  @AnySignedInUser()
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(400, 401, 403, 429)
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeResponse> {
    const signedIn = await this.auth.changePassword(actor, dto, clientOf(req));
    this.setSessionCookie(res, signedIn);
    return this.auth.me(signedIn.actor, signedIn.csrfToken);
  }

  /** The signed-in user, role, organisation, permissions and the CSRF token. */
  @Get('me')
  @AnySignedInUser()
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor, @Req() req: Request & { csrfToken?: string }): Promise<MeResponse> {
    return this.auth.me(actor, req.csrfToken ?? '');
  }
}
