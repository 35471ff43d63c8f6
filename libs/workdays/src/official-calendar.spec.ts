import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseOfficialCalendar, readOfficialCalendarFile } from './official-calendar';
import { WorkdayCalendarErrorCode } from './workday-calendar.exception';

const FIXTURE = join(__dirname, '../test/fixtures/calendar-2027.json');
const PACKAGE = { firstYear: 2004, lastYear: 2026 };
const year = (holidays: string[], workdays: string[] = []) => ({ holidays: ['2027-01-01', ...holidays], workdays });

describe(parseOfficialCalendar.name, () => {
  it('takes a year continuing the package, with its days off and adjusted working weekends', () => {
    const calendar = parseOfficialCalendar({ '2027': { notice: '国办发明电〔2026〕X号', ...year(['2027-02-08'], ['2027-01-31']) } }, 'calendar.json', PACKAGE);
    expect([...calendar.years]).toEqual([2027]);
    expect(calendar.holidays.has('2027-02-08')).toBe(true);
    expect(calendar.workdays.has('2027-01-31')).toBe(true);
    expect(calendar.notices).toEqual({ 2027: '国办发明电〔2026〕X号' });
  });

  it('takes a year the package already has, to correct it', () => {
    expect([...parseOfficialCalendar({ '2026': { holidays: ['2026-01-01'], workdays: [] } }, 'calendar.json', PACKAGE).years]).toEqual([2026]);
  });

  it('takes a date in the December before, as a notice may adjust it', () => {
    expect(parseOfficialCalendar({ '2027': year(['2026-12-31']) }, 'calendar.json', PACKAGE).holidays.has('2026-12-31')).toBe(true);
  });

  it('refuses a year that leaves a gap after the package', () => {
    expect(() => parseOfficialCalendar({ '2028': { holidays: ['2028-01-01'], workdays: [] } }, 'calendar.json', PACKAGE)).toThrow(/no notice for 2027/);
  });

  it('names every problem at once, with the file it read', () => {
    const parse = () =>
      parseOfficialCalendar(
        { '2027': { holidays: ['2027-02-30', '2027-03-01', '2027-03-01', '2028-01-02'], workdays: ['2027-02-08', '2027-03-01'], extra: true }, twenty: {} },
        '/etc/weihai/calendar.json',
        PACKAGE,
      );
    expect(parse).toThrow(expect.objectContaining({ code: WorkdayCalendarErrorCode.INVALID_CALENDAR_FILE }));
    const message = (() => {
      try {
        parse();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('/etc/weihai/calendar.json');
    expect(message).toContain('"twenty" is not a year');
    expect(message).toContain('2027.extra is not a field');
    expect(message).toContain('2027.holidays[0] is not a real date');
    expect(message).toContain('2027.holidays lists 2027-03-01 twice');
    expect(message).toContain('2028-01-02 is neither in 2027 nor in December 2026');
    expect(message).toContain("2027.holidays lacks 2027-01-01");
    expect(message).toContain('2027.workdays has 2027-02-08, a weekday');
    expect(message).toContain('2027 lists 2027-03-01 both as a holiday and as a working day');
  });

  it('refuses something other than an object of years', () => {
    expect(() => parseOfficialCalendar([], 'calendar.json', PACKAGE)).toThrow(/JSON object keyed by year/);
    expect(() => parseOfficialCalendar({}, 'calendar.json', PACKAGE)).toThrow(/names no year/);
    expect(() => parseOfficialCalendar({ '2027': { holidays: '2027-01-01', workdays: [] } }, 'calendar.json', PACKAGE)).toThrow(/2027.holidays must be an array/);
  });
});

describe(readOfficialCalendarFile.name, () => {
  it('reads the 2027 fixture', () => {
    const calendar = readOfficialCalendarFile(FIXTURE, PACKAGE);
    expect(calendar.source).toBe(FIXTURE);
    expect([...calendar.years]).toEqual([2027]);
    expect(calendar.workdays.size).toBe(6);
  });

  it('names a missing file', () => {
    expect(() => readOfficialCalendarFile('/nonexistent/calendar.json', PACKAGE)).toThrow(/\/nonexistent\/calendar.json is invalid: cannot be read \(ENOENT\)/);
  });

  it('names a file that is not JSON', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'workdays-')), 'calendar.json');
    writeFileSync(path, '{ "2027": ');
    expect(() => readOfficialCalendarFile(path, PACKAGE)).toThrow(/is not JSON/);
  });
});
