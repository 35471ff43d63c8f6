import type { Agency } from '@work-permit/auth';

/** The services the browser calls besides the portal, with their local ports (DESIGN.md). */
const LOCAL_PORTS: Record<Agency, number> = { approval: 3001, scitech: 3002, psb: 3003, hrss: 3004, bigdata: 3005 };

export class WebSettingsError extends Error {}

/** Injection token: the agencies' addresses as `agencyUrls` read them from the settings. */
export const AGENCY_ADDRESSES = Symbol('AGENCY_ADDRESSES');

/**
 * Each agency's public address for the browser, from `WEB_AGENCY_URLS` ("psb=https://…,hrss=…");
 * agencies not named there are taken at their local port on 127.0.0.1.
 */
export function agencyUrls(setting: string | undefined): Record<Agency, string> {
  const urls = Object.fromEntries(Object.entries(LOCAL_PORTS).map(([agency, port]) => [agency, `http://127.0.0.1:${port}`])) as Record<Agency, string>;
  for (const entry of (setting ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [agency, url] = entry.split(/=(.*)/s, 2);
    if (!(agency in LOCAL_PORTS)) throw new WebSettingsError(`WEB_AGENCY_URLS: unknown agency "${agency}" (known: ${Object.keys(LOCAL_PORTS).join(', ')})`);
    if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(url ?? '')) throw new WebSettingsError(`WEB_AGENCY_URLS: "${agency}" needs an http(s) URL`);
    urls[agency as Agency] = url.replace(/\/+$/, '');
  }
  return urls;
}
