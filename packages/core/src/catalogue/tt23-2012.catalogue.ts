import type { Catalogue, Criterion } from './catalogue.schema.js';
import { TT124_CQDN_CRITERIA, TT124_CSGD_CRITERIA, TT124_KDC_CRITERIA } from './tt124-2021.catalogue.js';

// Circular 23/2012/TT-BCA (27 Apr 2012), in force until 9 Feb 2022: the rule for the years up to 2021.
// Checked on 2026-12-01 (shared/domain.md, "The earlier rule"): Art. 6 (communes) XA-1, XA-3 and XA-4, and
// Art. 7's disqualifying list for agencies and enterprises. Not found: Art. 5 (villages), the rest of Art. 7,
// the criteria of schools. Where the text is missing the 124/2021 criterion with the same code stands in,
// marked `verified: false` with a note saying so (the wording shown to officials is 124/2021's).

const CIRCULAR = 'Thông tư 23/2012/TT-BCA';

const STAND_IN_NOTE = {
  vi: 'Chưa đối chiếu văn bản: chưa tìm thấy nội dung tương ứng của Thông tư 23/2012/TT-BCA; tạm dùng tiêu chí cùng mã của Thông tư 124/2021/TT-BCA.',
  en: 'Not checked: the matching text of circular 23/2012/TT-BCA was not found; the criterion with the same code of circular 124/2021/TT-BCA stands in.',
};

/** A 124/2021 criterion standing in for a 23/2012 one whose text was not found: unverified, and saying so. */
function standIn(criterion: Criterion, source: string): Criterion {
  const common = {
    verified: false,
    source: `${source} (tạm dùng ${criterion.source ?? 'Thông tư 124/2021/TT-BCA'})`,
    note: STAND_IN_NOTE,
  };
  switch (criterion.kind) {
    case 'requirement':
    case 'ratio':
    case 'rating':
      return {
        ...criterion,
        ...common,
        checklist: criterion.checklist.map((i) => ({ ...i, verified: false, source: undefined })),
      };
    case 'disqualifying':
      return {
        ...criterion,
        ...common,
        items: criterion.items.map((i) => ({ ...i, verified: false, source: undefined })),
      };
    case 'parts':
      return {
        ...criterion,
        ...common,
        parts: criterion.parts.map((p) => ({
          ...p,
          verified: false,
          source: undefined,
          ...(p.checklist ? { checklist: p.checklist.map((i) => ({ ...i, verified: false, source: undefined })) } : {}),
        })),
      };
    default:
      return { ...criterion, ...common };
  }
}

/** Drops `source: undefined` left by {@link standIn}, so the catalogue round-trips through JSON and zod unchanged. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The catalogue of circular 23/2012/TT-BCA, for the years up to 2021. Read and verified: a commune's yearly
 * resolution, plan and registration (XA-1); its police and "Bảo vệ dân phố" rated "Đơn vị tiên tiến" or
 * better with nobody disciplined at "cảnh cáo" (warning) or above (XA-3); at least 70 % of its **villages
 * only** recognised, with no registration share (XA-4); the disqualifying list of agencies and enterprises
 * (CQDN-3, Art. 7). XA-2 refers to clauses 2–4 of Art. 5 (villages), whose text was not found: KDC-1 keeps
 * 23/2012's known wording (permanent households sign the pledge), unverified; KDC-2…5, CQDN-1/2 and the
 * school criteria are 124/2021's standing in, marked unverified. No eligibility
 * rule: 23/2012 applied to "cơ quan, doanh nghiệp, nhà trường" without excluding primary schools or
 * kindergartens.
 *
 * @example
 * ```ts
 * getCatalogueForYear(2021).id; // 'tt23-2012'
 * TT23_2012.criteria.find((c) => c.code === 'XA-4'); // { managedTypes: ['KDC'], registeredMinimum: null, recognisedMinimum: 0.7, … }
 * TT23_2012.eligibility; // []
 * ```
 */
export const TT23_2012: Catalogue = clean({
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
    vi: 'Ngày có hiệu lực 18/06/2012 lấy từ nguồn thứ cấp. Đã đối chiếu: Điều 6 (XA-1, XA-3, XA-4: 70% khu dân cư) và danh sách loại trừ của Điều 7 (CQDN-3). Chưa tìm thấy: Điều 5 (khu dân cư), phần còn lại của Điều 7, tiêu chí riêng của nhà trường; KDC-1 theo câu chữ đã biết (hộ thường trú ký cam kết), chưa đối chiếu; các tiêu chí KDC-2…5, XA-2, CQDN-1, CQDN-2, CSGD-1…6 tạm dùng Thông tư 124/2021 (verified = false). Không có quy tắc loại trừ: Thông tư 23/2012 áp dụng cho cơ quan, doanh nghiệp, nhà trường, kể cả tiểu học, mầm non.',
    en: 'The effective date 18 Jun 2012 comes from a secondary source. Checked: Art. 6 (XA-1, XA-3, XA-4: 70 % of villages) and the disqualifying list of Art. 7 (CQDN-3). Not found: Art. 5 (villages), the rest of Art. 7, the criteria of schools; KDC-1 keeps the known wording (permanent households pledge), unchecked; KDC-2…5, XA-2, CQDN-1, CQDN-2 and CSGD-1…6 are 124/2021 stand-ins (verified = false). No eligibility rule: 23/2012 applied to agencies, enterprises and schools, primary schools and kindergartens included.',
  },
  criteria: [
    {
      code: 'KDC-1',
      kind: 'ratio',
      unitTypes: ['KDC'],
      title: {
        vi: 'Nghị quyết, đăng ký và 100% hộ gia đình thường trú ký cam kết',
        en: 'Resolution, registration and 100 % of permanently resident households pledged',
      },
      explanation: {
        vi: 'Hằng năm, chi bộ có nghị quyết, khu dân cư đăng ký xây dựng đạt tiêu chuẩn "An toàn về an ninh, trật tự" và 100% hộ gia đình thường trú ký cam kết.',
        en: 'Every year the party cell passes a resolution, the residential area registers for the standard and 100 % of the permanently resident households sign the pledge.',
      },
      numerator: {
        vi: 'Số hộ gia đình thường trú ký cam kết',
        en: 'Permanently resident households that signed the pledge',
      },
      denominator: { vi: 'Số hộ gia đình thường trú', en: 'Permanently resident households' },
      minimum: 1,
      checklist: [
        {
          key: 'resolution',
          text: { vi: 'Chi bộ có nghị quyết', en: 'The party cell passed a resolution' },
          verified: false,
        },
        {
          key: 'registration',
          text: {
            vi: 'Khu dân cư đăng ký xây dựng đạt tiêu chuẩn',
            en: 'The residential area registered for the standard',
          },
          verified: false,
        },
      ],
      verified: false,
      source: `Điều 5 ${CIRCULAR}`,
      note: {
        vi: 'Chưa đối chiếu văn bản: Điều 5 chưa tìm thấy; "hộ gia đình thường trú ký cam kết" là câu chữ của Thông tư 23/2012 theo tài liệu tham chiếu (Thông tư 124/2021 đổi thành hộ đang cư trú đăng ký tham gia).',
        en: 'Not checked: Art. 5 was not found; "permanently resident households sign the pledge" is 23/2012\'s wording as the reference reports it (124/2021 changed it to residing households registering).',
      },
    },
    ...TT124_KDC_CRITERIA.filter((c) => c.code !== 'KDC-1').map((c) => standIn(c, `Điều 5 ${CIRCULAR}`)),
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
        {
          key: 'resolution',
          text: { vi: 'Cấp uỷ có nghị quyết', en: 'The Party committee passed a resolution' },
          verified: true,
        },
        { key: 'plan', text: { vi: 'Chính quyền có kế hoạch', en: 'The government adopted a plan' }, verified: true },
        {
          key: 'registration',
          text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn', en: 'Registered for the standard' },
          verified: true,
        },
      ],
      verified: true,
      source: `Điều 6 ${CIRCULAR}`,
    },
    {
      code: 'XA-2',
      kind: 'composite',
      unitTypes: ['XA'],
      title: {
        vi: 'Đạt các tiêu chuẩn tại khoản 2, 3 và 4 Điều 5 (khu dân cư)',
        en: 'Meets the criteria of clauses 2, 3 and 4 of Art. 5 (villages)',
      },
      explanation: {
        vi: 'Thực hiện các tiêu chuẩn quy định tại khoản 2, 3 và 4 Điều 5 trên địa bàn xã.',
        en: 'The criteria of clauses 2, 3 and 4 of Art. 5 hold in the commune.',
      },
      criteria: ['KDC-2', 'KDC-3', 'KDC-4'],
      overTypes: ['KDC'],
      minimumShare: 1,
      verified: false,
      source: `Điều 6 ${CIRCULAR}`,
      note: {
        vi: 'Chưa đối chiếu văn bản: Điều 5 (khu dân cư) chưa tìm thấy; khoản 2, 3, 4 được hiểu là KDC-2, KDC-3, KDC-4 (tạm dùng Thông tư 124/2021), ở mọi khu dân cư của xã.',
        en: 'Not checked: Art. 5 (villages) was not found; its clauses 2, 3 and 4 are read as KDC-2, KDC-3 and KDC-4 (124/2021 stand-ins), in every village of the commune.',
      },
    },
    {
      code: 'XA-3',
      kind: 'requirement',
      unitTypes: ['XA'],
      title: {
        vi: 'Công an xã, Bảo vệ dân phố đạt "Đơn vị tiên tiến" trở lên; không có cá nhân bị kỷ luật từ cảnh cáo trở lên',
        en: 'Commune police and "Bảo vệ dân phố" rated "advanced unit" or better; nobody disciplined at warning level or above',
      },
      explanation: {
        vi: 'Công an xã, Bảo vệ dân phố phải đạt danh hiệu "Đơn vị tiên tiến" trở lên; không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
        en: 'The commune police and the ward security guards ("Bảo vệ dân phố") hold the title "advanced unit" or better; nobody was disciplined at the level of a warning or above.',
      },
      checklist: [
        {
          key: 'advanced-unit',
          text: {
            vi: 'Công an xã, Bảo vệ dân phố đạt danh hiệu "Đơn vị tiên tiến" trở lên',
            en: 'Commune police and ward guards rated "advanced unit" or better',
          },
          verified: true,
        },
        {
          key: 'no-discipline',
          text: {
            vi: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
            en: 'Nobody disciplined at warning level or above',
          },
          verified: true,
        },
      ],
      verified: true,
      source: `Điều 6 ${CIRCULAR}`,
    },
    {
      code: 'XA-4',
      kind: 'managed_threshold',
      unitTypes: ['XA'],
      title: { vi: 'Có 70% số khu dân cư trở lên được công nhận', en: 'At least 70 % of villages recognised' },
      explanation: {
        vi: 'Có 70% số khu dân cư trở lên được công nhận đạt tiêu chuẩn (chỉ tính khu dân cư, không tính cơ quan, doanh nghiệp, nhà trường).',
        en: "At least 70 % of the commune's villages are recognised (villages only, not agencies, enterprises or schools).",
      },
      managedTypes: ['KDC'],
      registeredMinimum: null,
      recognisedMinimum: 0.7,
      verified: true,
      source: `Điều 6 ${CIRCULAR}`,
    },
    ...TT124_CQDN_CRITERIA.filter((c) => c.code === 'CQDN-1' || c.code === 'CQDN-2').map((c) =>
      standIn(c, `Điều 7 ${CIRCULAR}`),
    ),
    {
      code: 'CQDN-3',
      kind: 'disqualifying',
      unitTypes: ['CQ', 'DN'],
      title: {
        vi: 'Không để xảy ra khiếu kiện đông người, đình công trái pháp luật, mất trộm tài sản lớn, lộ bí mật, cháy nổ, tai nạn nghiêm trọng',
        en: 'No mass complaints or unlawful strikes, theft of high-value assets, leaks, serious fire or accident',
      },
      explanation: {
        vi: 'Không để xảy ra khiếu kiện đông người, đình công trái pháp luật; mất trộm tài sản có giá trị lớn, để lộ công nghệ, bí mật nhà nước; cháy, nổ, tai nạn lao động nghiêm trọng. Không có cán bộ, công nhân viên phạm tội hoặc mắc tệ nạn xã hội.',
        en: 'No mass complaints or unlawful strikes; no theft of high-value assets, leak of technology or state secrets; no serious fire, explosion or labour accident. No staff member committed a crime or has a social evil.',
      },
      items: [
        {
          letter: 'a',
          text: { vi: 'Khiếu kiện đông người, đình công trái pháp luật', en: 'Mass complaints or unlawful strikes' },
          verified: true,
        },
        {
          letter: 'b',
          text: { vi: 'Mất trộm tài sản có giá trị lớn', en: 'Theft of high-value assets' },
          verified: true,
        },
        {
          letter: 'c',
          text: { vi: 'Để lộ công nghệ, bí mật nhà nước', en: 'Leak of technology or state secrets' },
          verified: true,
        },
        {
          letter: 'd',
          text: { vi: 'Cháy, nổ, tai nạn lao động nghiêm trọng', en: 'Serious fire, explosion or labour accident' },
          verified: true,
        },
        {
          letter: 'đ',
          text: {
            vi: 'Cán bộ, công nhân viên phạm tội hoặc mắc tệ nạn xã hội',
            en: 'A staff member committed a crime or has a social evil',
          },
          verified: true,
        },
      ],
      verified: true,
      source: `Điều 7 ${CIRCULAR}`,
      note: {
        vi: 'Văn bản không chia điểm; các mục a–đ do hệ thống đánh để ghi vụ việc.',
        en: 'The text has no lettered points; the system labels its cases (a)–(đ) to record incidents.',
      },
    },
    ...TT124_CSGD_CRITERIA.map((c) => standIn(c, `Điều 7 ${CIRCULAR}`)),
  ],
  eligibility: [],
} satisfies Catalogue);
