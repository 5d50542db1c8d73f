import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Public } from '@jiebang/platform';
import { MeView } from '../users/user.dto';
import { LoginDto, RefreshDto, RegisterDto, TokenResponse } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register an enterprise or team account, creating or joining an organisation' })
  @ApiCreatedResponse({ type: TokenResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this client' })
  register(@Body() body: RegisterDto): Promise<TokenResponse> {
    return this.auth.register(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: an access token and a single-use refresh token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this client' })
  login(@Body() body: LoginDto): Promise<TokenResponse> {
    return this.auth.login(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair (the old one is spent)' })
  @ApiOkResponse({ type: TokenResponse })
  refresh(@Body() body: RefreshDto): Promise<TokenResponse> {
    return this.auth.refresh(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account, its organisation and (advisors) the enterprises it serves' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() principal: Principal): Promise<MeView> {
    return this.auth.me(principal);
  }
}
