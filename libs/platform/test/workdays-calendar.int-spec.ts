import { type DynamicModule, Module } from '@nestjs/common';
import { useOfficialCalendar } from '@work-permit/workdays';
import { join } from 'node:path';
import { startServiceUnderTest, type ServiceUnderTest } from '../src/testing';
import { PlatformModule, ServiceConfig, type ServiceDefinition } from '../src';

const probeService: ServiceDefinition = { name: 'calendar-probe', defaultPort: 3098, consumes: [], entities: [], migrations: [] };
const CALENDAR_2027 = join(__dirname, '../../workdays/test/fixtures/calendar-2027.json');

@Module({})
class ProbeModule {
  static register(config: ServiceConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forRoot(probeService, config)] };
  }
}

describe('the working-day calendar file at a running service', () => {
  let service: ServiceUnderTest<ServiceConfig>;

  beforeAll(async () => {
    service = await startServiceUnderTest(probeService, ServiceConfig, (config) => ProbeModule.register(config), { WORKDAYS_CALENDAR_FILE: CALENDAR_2027 });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    useOfficialCalendar(undefined);
  });

  it('shows in /health the year the file adds, healthy', async () => {
    const response = await fetch(`${service.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: { workdaysCalendar: { status: 'up', lastCoveredYear: 2027, fileYears: [2027] } } });
  });

  it('exports the last covered year as a metric', async () => {
    expect(await (await fetch(`${service.url}/metrics`)).text()).toMatch(/^workdays_calendar_last_year 2027$/m);
  });

  it('refuses to start with a file that is not there, naming it', async () => {
    await expect(startServiceUnderTest(probeService, ServiceConfig, (config) => ProbeModule.register(config), { WORKDAYS_CALENDAR_FILE: '/nonexistent/calendar.json' })).rejects.toThrow(
      /WORKDAYS_CALENDAR_FILE \(the working-day calendar file \/nonexistent\/calendar.json is invalid: cannot be read \(ENOENT\)\)/,
    );
  });
});
