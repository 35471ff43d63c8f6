import { IsString } from 'class-validator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig, ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  @IsString()
  MANUAL_ITEMS = 'PROFESSIONAL_TITLE';
}

const defaults = { PORT: 3001, DATABASE_NAME: 'weihai_example' };

describe(loadConfig.name, () => {
  it('takes defaults when the environment is silent', () => {
    const config = loadConfig(ExampleConfig, {}, defaults);
    expect(config.PORT).toBe(3001);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.MANUAL_ITEMS).toBe('PROFESSIONAL_TITLE');
  });

  it('reads and converts variables from the environment', () => {
    const config = loadConfig(ExampleConfig, { PORT: '4001', KAFKA_BROKERS: 'a:1,b:2', KAFKA_TOPIC_PARTITIONS: '12' }, defaults);
    expect(config.PORT).toBe(4001);
    expect(config.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(12);
  });

  it('names every bad variable in one error', () => {
    const load = () => loadConfig(ExampleConfig, { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }, defaults);
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(/PORT.*DATABASE_URL.*LOG_LEVEL/);
  });

  it('ignores variables it does not declare', () => {
    expect(() => loadConfig(ExampleConfig, { PATH: '/usr/bin', HOME: '/root' }, defaults)).not.toThrow();
  });

  it('allows the web front at the portal by default', () => {
    expect(loadConfig(ExampleConfig, {}, defaults).corsOrigins).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins', () => {
    const config = loadConfig(ExampleConfig, { CORS_ORIGINS: 'https://work.weihai.gov.cn, http://[::1]:8080,HTTP://Front.Example' }, defaults);
    expect(config.corsOrigins).toEqual(['https://work.weihai.gov.cn', 'http://[::1]:8080', 'http://front.example']);
  });

  it.each(['*', 'work.weihai.gov.cn', 'http://127.0.0.1:3000/', 'http://127.0.0.1:3000/app', 'ftp://example.com', 'http://a.example,,http://b.example'])('refuses CORS_ORIGINS=%s', (value) => {
    expect(() => loadConfig(ExampleConfig, { CORS_ORIGINS: value }, defaults)).toThrow(/CORS_ORIGINS/);
  });

  it('takes a valid working-day calendar file', () => {
    const file = join(__dirname, '../../../workdays/test/fixtures/calendar-2027.json');
    expect(loadConfig(ExampleConfig, { WORKDAYS_CALENDAR_FILE: file }, defaults).WORKDAYS_CALENDAR_FILE).toBe(file);
  });

  it('stops at boot naming the calendar file and what is wrong with it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calendar-')), 'calendar.json');
    writeFileSync(file, JSON.stringify({ '2027': { holidays: ['2027-01-01'], workdays: ['2027-02-08'] } }));
    expect(() => loadConfig(ExampleConfig, { WORKDAYS_CALENDAR_FILE: file }, defaults)).toThrow(/WORKDAYS_CALENDAR_FILE \(the working-day calendar file .*calendar.json is invalid: 2027.workdays has 2027-02-08, a weekday/);
  });
});
