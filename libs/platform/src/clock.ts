import { Injectable } from '@nestjs/common';

/** Today as a civil date in China, where every time limit runs; replaceable in tests. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** `YYYY-MM-DD` in China (Asia/Shanghai), whatever the server's time zone. */
  today(): string {
    return chinaDateOf(this.now());
  }
}

/** The civil date in China of an instant: the day a submission or decision counts as made. */
export function chinaDateOf(instant: Date): string {
  return CHINA_DATE.format(instant);
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
