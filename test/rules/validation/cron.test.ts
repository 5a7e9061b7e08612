import { cronParseError, isKnownTimeZone } from '../../../src/rules/validation/cron';

// Cases from github.com/robfig/cron/v3 parser_test.go (TestParseScheduleErrors, TestStandardSpecSchedule) and
// pkg/apis/batch/validation/validation_test.go (TestValidateCronJob schedules and time zones).
describe('cronParseError (robfig/cron ParseStandard)', () => {
  test.each(['* * * * *', '*/5 * * * *', '0 0 * * MON-FRI', '0 0 1 JAN *', '0 0 ? * *', '0-59/15 * * * *', '@hourly', '@daily', '@yearly', '@annually',
    '@midnight', '@every 5m', '@every 1h30m', 'CRON_TZ=UTC 0 * * * *', 'TZ=Europe/Berlin 0 * * * *', '0 0 31 2 *', '5 4 * * sun'])('%j parses', (spec) => {
    expect(cronParseError(spec)).toBeUndefined();
  });

  test.each([
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['5/0 * * * *', 'step of range should be a positive number: 5/0'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['', 'empty spec string'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['TZ=Mars/Phobos 0 * * * *', 'provided bad location Mars/Phobos: unknown time zone Mars/Phobos'],
  ])('%j: %s', (spec, message) => {
    expect(cronParseError(spec)).toBe(message);
  });
});

describe('isKnownTimeZone (time.LoadLocation)', () => {
  test.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Etc/GMT+5'])('%s is known', (zone) => expect(isKnownTimeZone(zone)).toBe(true));
  test.each(['Mars/Phobos', 'europe/berlin', '+01:00'])('%s is not', (zone) => expect(isKnownTimeZone(zone)).toBe(false));
});
