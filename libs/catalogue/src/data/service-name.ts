import type { Localized } from '../model/catalogue.model';
import { L } from './localized';

/**
 * The service's name as the State Council's notice on "efficiently doing one thing" (高效办成一件事) calls
 * it: the web front's title, the documents, the notifications and the guides all say it this way.
 */
export const SERVICE_NAME: Localized = L('外国人来华工作“一件事”', '"One Thing" Service for Foreigners Working in China');
