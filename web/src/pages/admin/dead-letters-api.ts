import { request } from '../../api/http';
import type { WebConfig } from '../../api/types';
import {
  type DeadLetterDetailView,
  type DeadLetterFilter,
  type DeadLetterListView,
  deadLetterPath,
  type DeadLetterResolvedView,
  type DeadLetterService,
  deadLettersPath,
  serviceBaseOf,
} from './dead-letters-model';

/** The operations routes every service serves to an admin (libs/platform), at the service chosen. */
export class DeadLettersApi {
  constructor(
    private readonly config: Pick<WebConfig, 'services'>,
    private readonly token: string | undefined,
  ) {}

  list(service: DeadLetterService, filter: DeadLetterFilter) {
    return request<DeadLetterListView>(serviceBaseOf(service, this.config), deadLettersPath(filter), { token: this.token });
  }
  show(service: DeadLetterService, id: string) {
    return request<DeadLetterDetailView>(serviceBaseOf(service, this.config), deadLetterPath(id), { token: this.token });
  }
  replay(service: DeadLetterService, id: string) {
    return request<DeadLetterResolvedView>(serviceBaseOf(service, this.config), deadLetterPath(id, 'replay'), { token: this.token, method: 'POST' });
  }
  discard(service: DeadLetterService, id: string, body: { reason: string }) {
    return request<DeadLetterResolvedView>(serviceBaseOf(service, this.config), deadLetterPath(id, 'discard'), { token: this.token, body });
  }
}
