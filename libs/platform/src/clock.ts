import { Injectable } from '@nestjs/common';

/** Today as a civil date in China, where every time limit runs; replaceable in tests. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(this.now());
  }
}
