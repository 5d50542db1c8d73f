import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentUser, Public } from '@jiebang/platform';
import { PreferencesDto, PreferencesView, UnsubscribeDto, UnsubscribeView } from './preference.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('notifications')
@Controller('api/v1/notifications')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get('preferences')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My channels (in-app, email) per alert kind' })
  @ApiOkResponse({ type: PreferencesView })
  of(@CurrentUser() caller: Principal): Promise<PreferencesView> {
    return this.preferences.of(caller);
  }

  @Put('preferences')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Set my channels for some alert kinds' })
  @ApiOkResponse({ type: PreferencesView })
  update(@Body() dto: PreferencesDto, @CurrentUser() caller: Principal): Promise<PreferencesView> {
    return this.preferences.update(dto, caller);
  }

  // Public: the signed token is the authorisation, so the link in an email works signed out. A
  // POST (RFC 8058 one-click, from the mail client or the web page), never a GET a link scanner follows.
  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe: stop the emails of one alert kind (token from the email)' })
  @ApiOkResponse({ type: UnsubscribeView })
  unsubscribe(@Query() query: UnsubscribeDto): Promise<UnsubscribeView> {
    return this.preferences.unsubscribe(query.token);
  }
}
