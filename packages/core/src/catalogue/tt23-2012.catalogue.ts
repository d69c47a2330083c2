import type { Catalogue, Criterion } from './catalogue.schema.js';
import {
  TT124_CQDN_CRITERIA,
  TT124_CSGD_CRITERIA,
  TT124_ELIGIBILITY_RULES,
  TT124_KDC_CRITERIA,
} from './tt124-2021.catalogue.js';

// Circular 23/2012/TT-BCA (27 Apr 2012), in force until 9 Feb 2022: the rule for the years up to 2021.
// What the domain reference knows of it is encoded as verified; for the rest (villages, agencies,
// enterprises, schools, eligibility) the 124/2021 criteria stand in, every item marked unverified.

const SOURCE = 'Thông tư 23/2012/TT-BCA';

function standIn(criterion: Criterion): Criterion {
  const note = {
    vi: ' (Tạm dùng nội dung của Thông tư 124/2021; chưa đối chiếu với Thông tư 23/2012.)',
    en: ' (Stand-in from circular 124/2021; not confirmed against circular 23/2012.)',
  };
  const explanation = { vi: criterion.explanation.vi + note.vi, en: criterion.explanation.en + note.en };
  const common = { verified: false, source: SOURCE, explanation };
  switch (criterion.kind) {
    case 'requirement':
      return { ...criterion, ...common, checklist: criterion.checklist.map((i) => ({ ...i, verified: false })) };
    case 'ratio':
      return { ...criterion, ...common, checklist: criterion.checklist.map((i) => ({ ...i, verified: false })) };
    case 'disqualifying':
      return { ...criterion, ...common, items: criterion.items.map((i) => ({ ...i, verified: false })) };
    default:
      return { ...criterion, ...common };
  }
}

/**
 * The catalogue of circular 23/2012/TT-BCA, for the years up to 2021. Known and verified: a commune's yearly
 * resolution, plan and registration (XA-1); its police rated "advanced unit" or better with no member
 * disciplined at warning level or above (XA-3); at least 70 % of its **villages only** recognised, with no
 * registration share required (XA-4). XA-2 (the village criteria on crime, disputes and order across the
 * commune) and every criterion of villages, agencies, enterprises and schools are stand-ins from 124/2021,
 * marked `verified: false`.
 *
 * @example
 * ```ts
 * getCatalogueForYear(2021).id; // 'tt23-2012'
 * TT23_2012.criteria.find((c) => c.code === 'XA-4'); // { managedTypes: ['KDC'], registeredMinimum: null, recognisedMinimum: 0.7, … }
 * ```
 */
export const TT23_2012: Catalogue = {
  id: 'tt23-2012',
  title: {
    vi: 'Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 23/2012/TT-BCA',
    en: 'The "Safe in security and order" standard under circular 23/2012/TT-BCA',
  },
  legalBasis: {
    vi: 'Thông tư 23/2012/TT-BCA ngày 27/04/2012 của Bộ Công an, hết hiệu lực từ 10/02/2022 (thay thế bởi Thông tư 124/2021/TT-BCA)',
    en: 'Circular 23/2012/TT-BCA of the Ministry of Public Security (27 Apr 2012), replaced by circular 124/2021/TT-BCA from 10 Feb 2022',
  },
  effectiveFrom: '2012-06-18',
  effectiveTo: '2022-02-09',
  notes: {
    vi: 'Ngày có hiệu lực 18/06/2012 lấy từ nguồn thứ cấp. Đã xác nhận: XA-1, XA-3, XA-4 (70% khu dân cư). Các tiêu chí khác (XA-2, KDC, CQDN, CSGD) và quy tắc loại trừ tạm dùng nội dung của Thông tư 124/2021, đánh dấu verified = false.',
    en: 'The effective date 18 Jun 2012 comes from a secondary source. Confirmed: XA-1, XA-3, XA-4 (70 % of villages). The other criteria (XA-2, KDC, CQDN, CSGD) and the eligibility rules are stand-ins from circular 124/2021, marked verified = false.',
  },
  criteria: [
    ...TT124_KDC_CRITERIA.map(standIn),
    {
      code: 'XA-1',
      kind: 'requirement',
      unitTypes: ['XA'],
      title: { vi: 'Nghị quyết, kế hoạch và đăng ký hằng năm', en: 'Yearly resolution, plan and registration' },
      explanation: {
        vi: 'Hằng năm, cấp uỷ có nghị quyết, chính quyền có kế hoạch và xã, phường, thị trấn đăng ký xây dựng đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
        en: 'Every year the Party committee passes a resolution, the government adopts a plan and the commune registers for the standard.',
      },
      checklist: [
        { key: 'resolution', text: { vi: 'Cấp uỷ có nghị quyết', en: 'The Party committee passed a resolution' }, verified: true },
        { key: 'plan', text: { vi: 'Chính quyền có kế hoạch', en: 'The government adopted a plan' }, verified: true },
        { key: 'registration', text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn', en: 'Registered for the standard' }, verified: true },
      ],
      verified: true,
      source: SOURCE,
    },
    {
      code: 'XA-2',
      kind: 'composite',
      unitTypes: ['XA'],
      title: {
        vi: 'Tiêu chí về tội phạm, tranh chấp và trật tự được bảo đảm trên toàn địa bàn',
        en: 'The criteria on crime, disputes and order hold across the commune',
      },
      explanation: {
        vi: 'Mọi khu dân cư thuộc diện đánh giá của xã đều đạt KDC-3 và KDC-4. Cách chọn tiêu chí chưa được đối chiếu với Thông tư 23/2012.',
        en: 'Every eligible village of the commune meets KDC-3 and KDC-4. The choice of criteria is not confirmed against circular 23/2012.',
      },
      criteria: ['KDC-3', 'KDC-4'],
      overTypes: ['KDC'],
      minimumShare: 1,
      verified: false,
      source: SOURCE,
    },
    {
      code: 'XA-3',
      kind: 'requirement',
      unitTypes: ['XA'],
      title: {
        vi: 'Công an xã đạt "Đơn vị tiên tiến" trở lên, không có cán bộ bị kỷ luật từ khiển trách trở lên',
        en: 'Commune police rated "advanced unit" or better, no member disciplined at warning level or above',
      },
      explanation: {
        vi: 'Công an xã (và Ban chỉ huy quân sự xã) được xếp loại "Đơn vị tiên tiến" trở lên; không có cán bộ, chiến sĩ bị kỷ luật từ hình thức khiển trách trở lên.',
        en: 'The commune police (and civil defence team) are rated "advanced unit" or better; no member was disciplined at the level of a warning or above.',
      },
      checklist: [
        {
          key: 'advanced-unit',
          text: { vi: 'Được xếp loại "Đơn vị tiên tiến" trở lên', en: 'Rated "advanced unit" or better' },
          verified: true,
        },
        {
          key: 'no-discipline',
          text: {
            vi: 'Không có cán bộ bị kỷ luật từ khiển trách trở lên',
            en: 'No member disciplined at warning level or above',
          },
          verified: true,
        },
      ],
      verified: true,
      source: SOURCE,
    },
    {
      code: 'XA-4',
      kind: 'managed_threshold',
      unitTypes: ['XA'],
      title: {
        vi: 'Ít nhất 70% khu dân cư được công nhận',
        en: 'At least 70 % of villages recognised',
      },
      explanation: {
        vi: 'Ít nhất 70% khu dân cư của xã (chỉ tính khu dân cư, không tính cơ quan, doanh nghiệp, nhà trường) được công nhận đạt tiêu chuẩn.',
        en: "At least 70 % of the commune's villages (villages only, not agencies, enterprises or schools) are recognised.",
      },
      managedTypes: ['KDC'],
      registeredMinimum: null,
      recognisedMinimum: 0.7,
      verified: true,
      source: SOURCE,
    },
    ...TT124_CQDN_CRITERIA.map(standIn),
    ...TT124_CSGD_CRITERIA.map(standIn),
  ],
  eligibility: TT124_ELIGIBILITY_RULES.map((rule) => ({ ...rule, verified: false })),
};
