import type { Catalogue, Localized } from '@work-permit/catalogue';
import type { ItemRef, Notice } from './notice';

/** A notification in both languages. */
export interface NotificationMessage {
  title: Localized;
  body: Localized;
}

/** Puts a notice into words, naming items and materials as the case's catalogue version does. */
export function composeMessage(notice: Notice, catalogue: Catalogue): NotificationMessage {
  const item = itemLabel(notice.item, catalogue);
  switch (notice.kind) {
    case 'granted':
      return {
        title: { zh: `已获批准：${item.zh}`, en: `Granted: ${item.en}` },
        body: {
          zh: `您申请的${item.zh}已获批准。${sentence(resultDetails(notice.result).map((d) => d.zh), '，', '。')}`,
          en: `Your application for ${item.en} has been granted.${prefixed(' ', sentence(resultDetails(notice.result).map((d) => d.en), ', ', '.'))}`,
        },
      };
    case 'rejected':
      return {
        title: { zh: `未予批准：${item.zh}`, en: `Not granted: ${item.en}` },
        body: { zh: `您申请的${item.zh}未予批准。${reasonZh(notice.reason)}`, en: `Your application for ${item.en} has not been granted.${reasonEn(notice.reason)}` },
      };
    case 'terminated':
      return {
        title: { zh: `已终止：${item.zh}`, en: `Ended: ${item.en}` },
        body: {
          zh: `您申请的${item.zh}因前置事项未获批准已终止。${reasonZh(notice.reason)}`,
          en: `Your application for ${item.en} has ended because an item it depends on was not granted.${reasonEn(notice.reason)}`,
        },
      };
    case 'withdrawn':
      return {
        title: { zh: `已撤回：${item.zh}`, en: `Withdrawn: ${item.en}` },
        body: { zh: `您申请的${item.zh}已撤回。${reasonZh(notice.reason)}`, en: `Your application for ${item.en} has been withdrawn.${reasonEn(notice.reason)}` },
      };
    case 'supplement_requested': {
      const materials = notice.materials.map((code) => catalogue.materials.find((m) => m.code === code)?.name ?? { zh: code, en: code });
      const listZh = materials.length > 0 ? `：${materials.map((m) => m.zh).join('；')}` : '';
      const listEn = materials.length > 0 ? `: ${materials.map((m) => m.en).join('; ')}` : '';
      return {
        title: { zh: `需补正材料：${item.zh}`, en: `Materials needed: ${item.en}` },
        body: {
          zh: `审查${item.zh}的部门要求补充材料${listZh}。${reasonZh(notice.reason)}请在门户上传材料并提交补正。`,
          en: `The agency reviewing ${item.en} asks for more materials${listEn}.${reasonEn(notice.reason)} Please upload them in the portal and answer the request.`,
        },
      };
    }
    case 'permit_cancelled': {
      const numberZh = notice.permitNo ? `（证件号码 ${notice.permitNo}）` : '';
      const numberEn = notice.permitNo ? ` (no. ${notice.permitNo})` : '';
      const why: Localized =
        notice.ground === 'joint_review_rejected'
          ? { zh: '联合研判未予通过。', en: ' The joint review of the agencies did not approve it.' }
          : { zh: `用人单位报告劳动合同已于${notice.contractEndedOn ?? ''}终止。`, en: ` The employer reported that the employment contract ended on ${notice.contractEndedOn ?? ''}.` };
      return {
        title: { zh: `已注销：${item.zh}`, en: `Cancelled: ${item.en}` },
        body: {
          zh: `您的${item.zh}${numberZh}已于${notice.cancelledOn}注销，自注销之日起不再有效。${why.zh}`,
          en: `Your ${item.en}${numberEn} was cancelled on ${notice.cancelledOn} and is no longer valid.${why.en}`,
        },
      };
    }
    case 'permit_expiring': {
      const window = extensionWindow(notice.item.code, catalogue);
      const numberZh = notice.permitNo ? `（证件号码 ${notice.permitNo}）` : '';
      const numberEn = notice.permitNo ? ` (no. ${notice.permitNo})` : '';
      const days = notice.daysLeft;
      return {
        title: { zh: `${item.zh}将于${notice.validTo}到期`, en: `${item.en} expires on ${notice.validTo}` },
        body: {
          zh: `您的${item.zh}${numberZh}将于${notice.validTo}到期，还有${days}天。请及时申请延期${windowZh(window)}。`,
          en: `Your ${item.en}${numberEn} expires on ${notice.validTo}, in ${days} ${days === 1 ? 'day' : 'days'}. Please apply for its extension in time${windowEn(window)}.`,
        },
      };
    }
  }
}

/** The item's name, with the action when the item has more than one (issue, change, extension). */
function itemLabel(ref: ItemRef, catalogue: Catalogue): Localized {
  const item = catalogue.items.find((i) => i.code === ref.code);
  if (!item) return { zh: ref.code, en: ref.code };
  const action = item.actions.length > 1 ? item.actions.find((a) => a.action === ref.action) : undefined;
  return action ? { zh: `${item.name.zh}（${action.name.zh}）`, en: `${item.name.en} (${action.name.en.toLowerCase()})` } : item.name;
}

function extensionWindow(itemCode: string, catalogue: Catalogue): { minDays: number; maxDays?: number } | undefined {
  const window = catalogue.items.find((i) => i.code === itemCode)?.actions.find((a) => a.action === 'extend')?.window;
  return window?.kind === 'before_expiry' ? window : undefined;
}

// Without an earliest day (the residence permit, Exit-Entry Law Art. 32), only the latest is said.
function windowZh(window: { minDays: number; maxDays?: number } | undefined): string {
  if (!window) return '';
  return window.maxDays === undefined ? `，延期申请应至迟在到期前${window.minDays}日提交` : `，延期申请可在到期前${window.maxDays}日至${window.minDays}日之间提交`;
}

function windowEn(window: { minDays: number; maxDays?: number } | undefined): string {
  if (!window) return '';
  return window.maxDays === undefined
    ? `: it must be filed at least ${window.minDays} days before it expires`
    : `: it can be filed from ${window.maxDays} to ${window.minDays} days before it expires`;
}

/** The result fields API.md names, in words; anything else an item adds stays in the case view. */
function resultDetails(result: Record<string, unknown>): Localized[] {
  const text = (key: string) => (typeof result[key] === 'string' || typeof result[key] === 'number' ? String(result[key]) : undefined);
  const details: Localized[] = [];
  const permitNo = text('permitNo');
  if (permitNo) details.push({ zh: `证件号码 ${permitNo}`, en: `permit no. ${permitNo}` });
  const validFrom = text('validFrom');
  const validTo = text('validTo');
  if (validFrom && validTo) details.push({ zh: `有效期 ${validFrom} 至 ${validTo}`, en: `valid from ${validFrom} to ${validTo}` });
  else if (validTo) details.push({ zh: `有效期至 ${validTo}`, en: `valid until ${validTo}` });
  const category = text('category');
  if (category) details.push({ zh: `人才类别 ${category} 类`, en: `talent category ${category}` });
  const points = text('points');
  if (points) details.push({ zh: `积分 ${points} 分`, en: `${points} points` });
  const fee = text('feeCny');
  if (fee) details.push({ zh: `费用 ${fee} 元`, en: `fee CNY ${fee}` });
  const socialSecurityNo = text('socialSecurityNo');
  if (socialSecurityNo) details.push({ zh: `社会保障号码 ${socialSecurityNo}`, en: `social security no. ${socialSecurityNo}` });
  return details;
}

function sentence(parts: string[], separator: string, end: string): string {
  if (parts.length === 0) return '';
  const joined = parts.join(separator);
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}${end}`;
}

function prefixed(prefix: string, text: string): string {
  return text ? `${prefix}${text}` : '';
}

function reasonZh(reason: string | null): string {
  return reason ? `理由：${reason}${/[。.!！]$/.test(reason) ? '' : '。'}` : '';
}

function reasonEn(reason: string | null): string {
  return reason ? ` Reason: ${reason}${/[.!。]$/.test(reason) ? '' : '.'}` : '';
}
