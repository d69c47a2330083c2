import type { Catalogue, Criterion, EligibilityRule } from './catalogue.schema.js';

// Circular 124/2021/TT-BCA (Ministry of Public Security, 28 Dec 2021, in force 10 Feb 2022; amended by
// 48/2025/TT-BCA). Checked on 2026-12-01 against the codified text of Articles 1–12 (Bộ Pháp điển, topic
// Công an nhân dân, items "Điều 1.6.TT.20.x"; public mirror: github.com/diepxuan/diepxuan.github.io, file
// van-ban/an-ninh-quoc-gia/cong-an-nhan-dan.md), as summarised with short quotes in shared/domain.md. The
// codified text does not include the 2025 amendment 48/2025/TT-BCA, whose text was not found: what it
// changed is unknown (see the catalogue's notes). `verified: true` means the wording was read there.

const CIRCULAR = 'Thông tư 124/2021/TT-BCA';
/** `Điều 4 khoản 3 điểm a Thông tư 124/2021/TT-BCA` */
const at = (article: number, clause?: number, point?: string): string =>
  `Điều ${article}${clause === undefined ? '' : ` khoản ${clause}`}${point === undefined ? '' : ` điểm ${point}`} ${CIRCULAR}`;

/**
 * The eligibility rules of circular 124/2021 (Article 1: agencies except armed-forces agencies and units,
 * enterprises except small and micro ones, education institutions except primary, pre-school and crèches).
 *
 * @example
 * ```ts
 * TT124_ELIGIBILITY_RULES.map((r) => r.id); // ['armed-forces-agencies', 'small-micro-enterprises', 'primary-preschool-creche']
 * ```
 */
export const TT124_ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  {
    // Điều 1 khoản 2 điểm b
    id: 'armed-forces-agencies',
    unitTypes: ['CQ'],
    attribute: 'isArmedForces',
    values: [true],
    reason: {
      vi: 'Cơ quan, đơn vị thuộc lực lượng vũ trang không thuộc diện xét công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
      en: 'Armed-forces agencies and units are not assessed against the "Safe in security and order" standard',
    },
    verified: true,
  },
  {
    id: 'small-micro-enterprises',
    unitTypes: ['DN'],
    attribute: 'enterpriseSize',
    values: ['micro', 'small'],
    reason: {
      vi: 'Doanh nghiệp nhỏ và doanh nghiệp siêu nhỏ không thuộc diện xét công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
      en: 'Small and micro enterprises are not assessed against the "Safe in security and order" standard',
    },
    verified: true,
  },
  {
    id: 'primary-preschool-creche',
    unitTypes: ['CSGD'],
    attribute: 'schoolLevel',
    values: ['primary', 'kindergarten', 'preschool', 'creche'],
    reason: {
      vi: 'Cơ sở giáo dục tiểu học, mầm non, nhà trẻ không thuộc diện xét công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
      en: 'Primary schools, kindergartens, pre-schools and crèches are not assessed against the "Safe in security and order" standard',
    },
    verified: true,
  },
];

/** The levels of a yearly task rating, best first ("hoàn thành nhiệm vụ" and above pass). */
const TASK_RATING_LEVELS = [
  {
    key: 'hoan-thanh-xuat-sac',
    text: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Fulfilled its tasks excellently' },
    passes: true,
  },
  { key: 'hoan-thanh-tot', text: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Fulfilled its tasks well' }, passes: true },
  { key: 'hoan-thanh', text: { vi: 'Hoàn thành nhiệm vụ', en: 'Fulfilled its tasks' }, passes: true },
  { key: 'khong-hoan-thanh', text: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not fulfil its tasks' }, passes: false },
] as const;

/**
 * The levels of Art. 6(4) / 7(5): "Tập thể lao động tiên tiến" or "Hoàn thành tốt nhiệm vụ" or better pass;
 * "Hoàn thành nhiệm vụ" does not.
 */
const GOOD_RATING_LEVELS = [
  {
    key: 'tap-the-lao-dong-xuat-sac',
    text: { vi: 'Tập thể lao động xuất sắc', en: 'Excellent labour collective' },
    passes: true,
  },
  {
    key: 'tap-the-lao-dong-tien-tien',
    text: { vi: 'Tập thể lao động tiên tiến', en: 'Advanced labour collective' },
    passes: true,
  },
  {
    key: 'hoan-thanh-xuat-sac',
    text: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Fulfilled its tasks excellently' },
    passes: true,
  },
  { key: 'hoan-thanh-tot', text: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Fulfilled its tasks well' }, passes: true },
  { key: 'hoan-thanh', text: { vi: 'Hoàn thành nhiệm vụ', en: 'Fulfilled its tasks' }, passes: false },
  { key: 'khong-hoan-thanh', text: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not fulfil its tasks' }, passes: false },
] as const;

const RELIGION = {
  vi: 'Tuyên truyền, phát triển tín ngưỡng, tôn giáo trái pháp luật',
  en: 'Spreading or developing a belief or religion unlawfully',
};
const EXPLOITING = {
  vi: 'Lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu kiện để gây mất an ninh, trật tự',
  en: 'Exploiting belief, religion, ethnicity, disputes or complaints to disturb security and order',
};
const MASS_COMPLAINTS = {
  vi: 'Lôi kéo, kích động, mua chuộc, cưỡng ép người khác tập trung đông người khiếu nại, gây rối an ninh, trật tự công cộng hoặc lợi dụng việc khiếu nại để tuyên truyền chống Nhà nước; xâm phạm lợi ích của Nhà nước; xuyên tạc, vu khống…',
  en: 'Drawing, inciting, bribing or forcing others into mass complaints, disturbing public order, or exploiting complaints to spread propaganda against the State, harm its interests, distort or slander…',
};
const SERIOUS_CRIME = {
  vi: 'Để xảy ra tội phạm nghiêm trọng trở lên (trừ trường hợp bất khả kháng hoặc xảy ra nhưng đã kịp thời phát hiện, xử lý, báo cáo ngay)',
  en: 'A serious crime or worse (except force majeure, or when it was promptly detected, handled and reported)',
};
const STATE_SECRETS = {
  vi: 'Vi phạm quy định về bảo vệ bí mật nhà nước',
  en: 'A breach of the rules on protecting state secrets',
};
const FIRE_ACCIDENT = {
  vi: 'Cháy, nổ nghiêm trọng, tai nạn lao động chết người, sự cố nghiêm trọng; vi phạm nghiêm trọng quy định về bảo vệ môi trường, an toàn thực phẩm',
  en: 'A serious fire or explosion, a fatal labour accident, a serious incident; a serious breach of environment or food-safety rules',
};

/**
 * The criteria of circular 124/2021 for residential areas (`KDC-1…5`, Article 4).
 *
 * @example
 * ```ts
 * TT124_KDC_CRITERIA.map((c) => `${c.code} ${c.kind}`);
 * // ['KDC-1 ratio', 'KDC-2 requirement', 'KDC-3 disqualifying', 'KDC-4 parts', 'KDC-5 rating']
 * ```
 */
export const TT124_KDC_CRITERIA: readonly Criterion[] = [
  {
    code: 'KDC-1',
    kind: 'ratio',
    unitTypes: ['KDC'],
    title: {
      vi: 'Nghị quyết, kế hoạch, đăng ký trong quý I và 100% hộ gia đình đang cư trú đăng ký tham gia',
      en: 'Q1 resolution, plan and registration; 100 % of residing households register to take part',
    },
    explanation: {
      vi: 'Trong quý I hằng năm, chi bộ có nghị quyết, khu dân cư có kế hoạch và đăng ký phấn đấu đạt tiêu chuẩn "An toàn về an ninh, trật tự"; 100% hộ gia đình đang cư trú trên địa bàn (thường trú và tạm trú) đăng ký tham gia.',
      en: 'In the first quarter the party cell passes a resolution, the residential area adopts a plan and registers for the standard; 100 % of the households residing in the area (permanent and temporary residents) register to take part.',
    },
    numerator: { vi: 'Số hộ gia đình đang cư trú đăng ký tham gia', en: 'Residing households registered to take part' },
    denominator: {
      vi: 'Số hộ gia đình đang cư trú trên địa bàn (thường trú và tạm trú)',
      en: 'Households residing in the area (permanent and temporary)',
    },
    minimum: 1,
    checklist: [
      {
        key: 'resolution',
        text: { vi: 'Chi bộ có nghị quyết trong quý I', en: 'The party cell passed a resolution in Q1' },
        verified: true,
      },
      {
        key: 'plan',
        text: { vi: 'Khu dân cư có kế hoạch trong quý I', en: 'The residential area adopted a plan in Q1' },
        verified: true,
      },
      {
        key: 'registration',
        text: {
          vi: 'Khu dân cư đăng ký phấn đấu đạt tiêu chuẩn trong quý I',
          en: 'The residential area registered for the standard in Q1',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(4, 1),
  },
  {
    code: 'KDC-2',
    kind: 'requirement',
    unitTypes: ['KDC'],
    title: {
      vi: 'Chấp hành chủ trương, chính sách, pháp luật và quy định về an ninh, trật tự',
      en: 'Carries out policy, law and local rules on security and order',
    },
    explanation: {
      vi: 'Thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương về công tác bảo đảm an ninh, trật tự.',
      en: "Carries out the Party's and the State's policies and laws and the local rules on security and order.",
    },
    checklist: [
      {
        key: 'carried-out',
        text: {
          vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật và quy định của địa phương về an ninh, trật tự',
          en: 'Policies, laws and local rules on security and order are carried out',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(4, 2),
  },
  {
    code: 'KDC-3',
    kind: 'disqualifying',
    unitTypes: ['KDC'],
    title: {
      vi: 'Không để xảy ra hoạt động xâm phạm an ninh quốc gia, gây mất trật tự',
      en: 'No activity against national security or public order',
    },
    explanation: {
      vi: 'Trong kỳ đánh giá không để xảy ra một trong các trường hợp tại các điểm a đến g. Một vụ việc ghi nhận trong kỳ làm tiêu chí không đạt.',
      en: 'None of the cases of items (a) to (g) may happen in the window. An incident recorded in the window fails the criterion.',
    },
    items: [
      {
        letter: 'a',
        text: {
          vi: 'Hoạt động chống Đảng, chống chính quyền, phá hoại khối đại đoàn kết toàn dân tộc',
          en: 'Activity against the Party or the State, or against national unity',
        },
        verified: true,
        source: at(4, 3, 'a'),
      },
      {
        letter: 'b',
        text: {
          vi: 'Phá hoại mục tiêu, công trình trọng điểm về kinh tế, văn hoá, xã hội, an ninh, quốc phòng',
          en: 'Sabotage of key economic, cultural, social, security or defence works',
        },
        verified: true,
        source: at(4, 3, 'b'),
      },
      { letter: 'c', text: RELIGION, verified: true, source: at(4, 3, 'c') },
      { letter: 'd', text: EXPLOITING, verified: true, source: at(4, 3, 'd') },
      {
        letter: 'đ',
        text: { vi: 'Hoạt động ly khai, đòi "tự trị"', en: 'Separatist or "autonomy" activity' },
        verified: true,
        source: at(4, 3, 'đ'),
      },
      {
        letter: 'e',
        text: {
          vi: 'Mâu thuẫn, tranh chấp phức tạp, kéo dài trong nhân dân',
          en: 'Complicated, long-running disputes among residents',
        },
        verified: true,
        source: at(4, 3, 'e'),
      },
      { letter: 'g', text: MASS_COMPLAINTS, verified: true, source: at(4, 3, 'g') },
    ],
    verified: true,
    source: at(4, 3),
    note: {
      vi: 'Danh sách kết thúc ở điểm g. Câu chữ điểm g được trích rút gọn (dấu "…").',
      en: 'The list ends at (g). The wording of (g) is a shortened quote ("…").',
    },
  },
  {
    code: 'KDC-4',
    kind: 'parts',
    unitTypes: ['KDC'],
    title: {
      vi: 'Tội phạm, tệ nạn xã hội, vi phạm pháp luật được kiềm chế; không có tội phạm nghiêm trọng, tụ điểm phức tạp, cháy nổ nghiêm trọng',
      en: 'Crime, social evils and violations contained; no serious crime, hot spot, or serious fire or accident',
    },
    explanation: {
      vi: 'Đạt cả bốn điểm a, b, c, d của khoản 4 Điều 4.',
      en: 'All four parts (a), (b), (c) and (d) of Art. 4(4) hold.',
    },
    parts: [
      {
        letter: 'a',
        text: {
          vi: 'Tội phạm, tệ nạn xã hội và vi phạm pháp luật khác được kiềm chế, giảm so với năm trước',
          en: 'Crime, social evils and other violations of the law are contained and reduced compared with the previous year',
        },
        verified: true,
        source: at(4, 4, 'a'),
        comparison: { metrics: ['crimes', 'socialEvils'], aggregate: 'each', maxIncrease: 0 },
        checklist: [
          {
            key: 'other-violations',
            text: {
              vi: 'Vi phạm pháp luật khác được kiềm chế, giảm so với năm trước',
              en: 'Other violations of the law are contained and reduced compared with the previous year',
            },
            verified: true,
            source: at(4, 4, 'a'),
          },
        ],
      },
      {
        letter: 'b',
        text: {
          vi: 'Không để xảy ra tội phạm nghiêm trọng trở lên, trừ trường hợp bất khả kháng hoặc xảy ra nhưng đã kịp thời phát hiện, xử lý, báo cáo ngay',
          en: 'No serious crime or worse, except force majeure, or one that was promptly detected, handled and reported',
        },
        verified: true,
        source: at(4, 4, 'b'),
        incidents: { exceptions: ['handled_promptly', 'force_majeure'] },
      },
      {
        letter: 'c',
        text: {
          vi: 'Không phát sinh tụ điểm phức tạp về an ninh, trật tự, người mắc tệ nạn xã hội mới; người vi phạm pháp luật được quản lý, giáo dục',
          en: 'No new complicated hot spot, no new person with a social evil; offenders are managed and educated',
        },
        verified: true,
        source: at(4, 4, 'c'),
        incidents: { exceptions: [] },
        checklist: [
          {
            key: 'offenders-managed',
            text: {
              vi: 'Người vi phạm pháp luật trên địa bàn được quản lý, giáo dục',
              en: 'Offenders in the area are managed and educated',
            },
            verified: true,
            source: at(4, 4, 'c'),
          },
        ],
      },
      {
        letter: 'd',
        text: {
          vi: 'Không để xảy ra cháy, nổ nghiêm trọng, tai nạn lao động chết người, sự cố nghiêm trọng (trừ trường hợp bất khả kháng)',
          en: 'No serious fire or explosion, no fatal labour accident, no serious incident (except force majeure)',
        },
        verified: true,
        source: at(4, 4, 'd'),
        incidents: { exceptions: ['force_majeure'] },
      },
    ],
    verified: true,
    source: at(4, 4),
    note: {
      vi: 'Cách đọc của hệ thống: "được kiềm chế, giảm" ở điểm a = số vụ phạm tội và số vụ tệ nạn xã hội của kỳ này, từng loại, không vượt quá kỳ trước (mức tăng cho phép 0); vi phạm pháp luật khác do đơn vị tự đánh giá. Vụ việc của điểm b, c, d được ghi với điểm tương ứng.',
      en: 'How the system reads it: "contained and reduced" in (a) = this window\'s crimes and social-evil cases, each, do not exceed the previous window\'s (allowed increase 0); other violations are answered by the unit. Incidents of (b), (c), (d) are recorded with that letter.',
    },
  },
  {
    code: 'KDC-5',
    kind: 'rating',
    unitTypes: ['KDC'],
    title: {
      vi: 'Lực lượng tham gia bảo đảm an ninh, trật tự ở cơ sở hoàn thành nhiệm vụ trở lên, không có người bị kỷ luật',
      en: 'The grassroots security forces rated "fulfilled its tasks" or better, nobody disciplined',
    },
    explanation: {
      vi: 'Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở được đánh giá, xếp loại "Hoàn thành nhiệm vụ" trở lên; không có thành viên bị xử lý kỷ luật.',
      en: 'The forces taking part in grassroots security and order are rated "fulfilled its tasks" or better; none of their members was disciplined.',
    },
    subject: {
      vi: 'Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
      en: 'The grassroots security and order forces',
    },
    levels: TASK_RATING_LEVELS,
    absentAllowed: false,
    checklist: [
      {
        key: 'no-discipline',
        text: { vi: 'Không có thành viên bị xử lý kỷ luật', en: 'No member was disciplined' },
        verified: true,
      },
    ],
    verified: true,
    source: at(4, 5),
  },
];

/**
 * The criteria of circular 124/2021 for communes (`XA-1…4`, Article 5). XA-2 and XA-4 depend on the units
 * the commune manages, so communes are evaluated after them ({@link evaluateArea}).
 *
 * @example
 * ```ts
 * TT124_XA_CRITERIA.find((c) => c.code === 'XA-4'); // { kind: 'managed_threshold', recognisedMinimum: 0.7, … }
 * ```
 */
export const TT124_XA_CRITERIA: readonly Criterion[] = [
  {
    code: 'XA-1',
    kind: 'requirement',
    unitTypes: ['XA'],
    title: {
      vi: 'Nghị quyết, kế hoạch, đăng ký trong quý I và mô hình phong trào',
      en: 'Q1 resolution, plan and registration, and a movement model',
    },
    explanation: {
      vi: 'Trong quý I, cấp uỷ có nghị quyết, Uỷ ban nhân dân có kế hoạch và đăng ký xây dựng xã, phường, thị trấn đạt tiêu chuẩn; xây dựng mới, củng cố hoặc duy trì ít nhất một mô hình phong trào hoạt động hiệu quả.',
      en: "In the first quarter the Party committee passes a resolution, the People's Committee adopts a plan and registers; the commune builds, consolidates or keeps at least one effective movement model.",
    },
    checklist: [
      {
        key: 'resolution',
        text: { vi: 'Cấp uỷ có nghị quyết trong quý I', en: 'The Party committee passed a resolution in Q1' },
        verified: true,
      },
      {
        key: 'plan',
        text: { vi: 'Uỷ ban nhân dân có kế hoạch trong quý I', en: "The People's Committee adopted a plan in Q1" },
        verified: true,
      },
      {
        key: 'registration',
        text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn trong quý I', en: 'Registered for the standard in Q1' },
        verified: true,
      },
      {
        key: 'model',
        text: {
          vi: 'Có ít nhất một mô hình phong trào hoạt động hiệu quả',
          en: 'At least one effective movement model is in operation',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(5, 1),
  },
  {
    code: 'XA-2',
    kind: 'composite',
    unitTypes: ['XA'],
    title: {
      vi: 'Thực hiện các khoản 2, 3 và 4 Điều 4 (KDC-2, KDC-3, KDC-4) trên địa bàn',
      en: 'Clauses 2, 3 and 4 of Art. 4 (KDC-2, KDC-3, KDC-4) hold in the commune',
    },
    explanation: {
      vi: 'Đạt các tiêu chuẩn quy định tại khoản 2, 3 và 4 Điều 4 (KDC-2, KDC-3, KDC-4).',
      en: 'Meets the criteria of clauses 2, 3 and 4 of Art. 4 (KDC-2, KDC-3, KDC-4).',
    },
    criteria: ['KDC-2', 'KDC-3', 'KDC-4'],
    overTypes: ['KDC'],
    minimumShare: 1,
    verified: true,
    source: at(5, 2),
    note: {
      vi: 'Văn bản không nói "ở mọi khu dân cư"; hệ thống đọc là mọi khu dân cư thuộc diện của xã đều đạt KDC-2, KDC-3, KDC-4 (mức 100%). Đây là cách hiểu, có thể sửa trong danh mục.',
      en: 'The law does not say "in every village"; the system reads it as every eligible village of the commune meeting KDC-2, KDC-3 and KDC-4 (a share of 100 %). An interpretation, editable in the catalogue.',
    },
  },
  {
    code: 'XA-3',
    kind: 'parts',
    unitTypes: ['XA'],
    title: {
      vi: 'Công an xã chủ động nắm chắc tình hình, kịp thời tham mưu; không có cán bộ, chiến sĩ bị kỷ luật',
      en: 'The commune police grasp the situation and advise in time; no member disciplined',
    },
    explanation: {
      vi: 'Công an xã, phường, thị trấn chủ động nắm chắc tình hình, kịp thời tham mưu, đề xuất cấp uỷ, chính quyền; không có cán bộ, chiến sĩ bị xử lý kỷ luật.',
      en: "The commune police actively grasp the situation and advise the Party committee and the People's Committee in time; none of its members was disciplined.",
    },
    parts: [
      {
        letter: 'a',
        text: {
          vi: 'Công an xã chủ động nắm chắc tình hình, kịp thời tham mưu, đề xuất',
          en: 'The commune police actively grasp the situation and advise in time',
        },
        verified: true,
        source: at(5, 3),
        checklist: [
          {
            key: 'grasps-situation',
            text: {
              vi: 'Công an xã chủ động nắm chắc tình hình, kịp thời tham mưu, đề xuất',
              en: 'The commune police actively grasp the situation and advise in time',
            },
            verified: true,
            source: at(5, 3),
          },
        ],
      },
      {
        letter: 'b',
        text: {
          vi: 'Không có cán bộ, chiến sĩ Công an xã bị xử lý kỷ luật',
          en: 'No member of the commune police was disciplined',
        },
        verified: true,
        source: at(5, 3),
        incidents: { exceptions: [] },
      },
    ],
    verified: true,
    source: at(5, 3),
    note: {
      vi: 'Khoản 3 không chia điểm; hai vế được đánh a, b trong hệ thống. Mỗi vụ kỷ luật được ghi là một vụ việc của XA-3 điểm b.',
      en: 'Clause 3 has no lettered points; the system labels its two halves (a) and (b). Each disciplinary case is recorded as an incident of XA-3 (b).',
    },
  },
  {
    code: 'XA-4',
    kind: 'managed_threshold',
    unitTypes: ['XA'],
    title: {
      vi: '100% đơn vị do xã quản lý đăng ký, ít nhất 70% được công nhận',
      en: '100 % of managed units registered, at least 70 % recognised',
    },
    explanation: {
      vi: '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục do xã quản lý hoặc được giao quản lý (thuộc diện đánh giá) đăng ký xây dựng và có từ 70% trở lên được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
      en: 'All eligible residential areas, agencies, enterprises and schools the commune manages or that are delegated to it registered, and at least 70 % of them are recognised as meeting the standard.',
    },
    managedTypes: ['KDC', 'CQ', 'DN', 'CSGD'],
    registeredMinimum: 1,
    recognisedMinimum: 0.7,
    verified: true,
    source: at(5, 4),
  },
];

/**
 * The criteria of circular 124/2021 for agencies and enterprises (`CQDN-1…5`, Article 6).
 *
 * @example
 * ```ts
 * TT124_CQDN_CRITERIA.map((c) => c.code); // ['CQDN-1', 'CQDN-2', 'CQDN-3', 'CQDN-4', 'CQDN-5']
 * ```
 */
export const TT124_CQDN_CRITERIA: readonly Criterion[] = [
  {
    code: 'CQDN-1',
    kind: 'ratio',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Nghị quyết, kế hoạch, đăng ký, nội quy, phổ biến đến 100% cán bộ và mô hình',
      en: 'Resolution, plan, registration, internal rules, 100 % of staff briefed and a model',
    },
    explanation: {
      vi: 'Trong quý I, tổ chức đảng (nếu có) có nghị quyết, đơn vị có kế hoạch và đăng ký; có nội quy, quy chế (bảo vệ cơ quan, doanh nghiệp, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, phòng, chống cháy, nổ…); 100% cán bộ, công nhân viên được phổ biến; có ít nhất một mô hình phong trào hoạt động hiệu quả.',
      en: 'In Q1 the Party organisation (where one exists) adopts a resolution, the unit has a plan and registers; it has internal rules (protecting the unit, state secrets, internal political security, fire and explosion…); 100 % of staff are briefed; it keeps at least one effective movement model.',
    },
    numerator: { vi: 'Số cán bộ, công nhân viên được phổ biến', en: 'Staff briefed' },
    denominator: { vi: 'Tổng số cán bộ, công nhân viên', en: 'Total staff' },
    minimum: 1,
    checklist: [
      {
        key: 'resolution',
        text: {
          vi: 'Tổ chức đảng có nghị quyết trong quý I (trả lời "có" nếu đơn vị không có tổ chức đảng)',
          en: 'The Party organisation adopted a resolution in Q1 (answer yes where there is none)',
        },
        verified: true,
      },
      {
        key: 'plan',
        text: { vi: 'Có kế hoạch bảo đảm an ninh, trật tự', en: 'Has a security and order plan' },
        verified: true,
      },
      {
        key: 'registration',
        text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn trong quý I', en: 'Registered for the standard in Q1' },
        verified: true,
      },
      {
        key: 'internal-rules',
        text: {
          vi: 'Có nội quy, quy chế bảo vệ cơ quan, doanh nghiệp, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, phòng, chống cháy, nổ',
          en: 'Has internal rules on protecting the unit, state secrets, internal political security, fire and explosion',
        },
        verified: true,
      },
      {
        key: 'model',
        text: {
          vi: 'Có ít nhất một mô hình phong trào hoạt động hiệu quả',
          en: 'Keeps at least one effective movement model',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(6, 1),
  },
  {
    code: 'CQDN-2',
    kind: 'requirement',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Thực hiện chủ trương, chính sách và quy chế, kế hoạch phối hợp với cơ quan Công an',
      en: 'Carries out policy and its coordination rules and plans with the police',
    },
    explanation: {
      vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật, nội quy, quy chế của đơn vị; quy chế, chương trình, kế hoạch phối hợp với cơ quan Công an (nếu có) và quy định của địa phương về bảo đảm an ninh, trật tự.',
      en: 'Carries out policy and law and its own rules; its rules, programmes and plans of coordination with the police (where any) and the local rules on security and order.',
    },
    checklist: [
      {
        key: 'policy',
        text: {
          vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật, nội quy, quy chế',
          en: 'Policy, law and internal rules are carried out',
        },
        verified: true,
      },
      {
        key: 'coordination',
        text: {
          vi: 'Thực hiện quy chế, chương trình, kế hoạch phối hợp với cơ quan Công an (nếu có) và quy định của địa phương',
          en: 'Coordination rules, programmes and plans with the police (where any) and local rules are carried out',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(6, 2),
  },
  {
    code: 'CQDN-3',
    kind: 'disqualifying',
    unitTypes: ['CQ', 'DN'],
    title: { vi: 'Không để xảy ra các trường hợp tại các điểm a đến h', en: 'None of the cases of items (a) to (h)' },
    explanation: {
      vi: 'Trong kỳ đánh giá không để xảy ra một trong các trường hợp tại các điểm a đến h khoản 3 Điều 6.',
      en: 'None of the cases of items (a) to (h) of Art. 6(3) may happen in the window.',
    },
    items: [
      { letter: 'a', text: RELIGION, verified: true, source: at(6, 3, 'a') },
      { letter: 'b', text: EXPLOITING, verified: true, source: at(6, 3, 'b') },
      { letter: 'c', text: MASS_COMPLAINTS, verified: true, source: at(6, 3, 'c') },
      {
        letter: 'd',
        text: { vi: 'Đình công, lãn công trái pháp luật', en: 'Unlawful strikes or go-slows' },
        verified: true,
        source: at(6, 3, 'd'),
      },
      {
        letter: 'đ',
        text: SERIOUS_CRIME,
        verified: true,
        source: at(6, 3, 'đ'),
        exceptions: ['handled_promptly', 'force_majeure'],
      },
      { letter: 'e', text: STATE_SECRETS, verified: true, source: at(6, 3, 'e') },
      { letter: 'g', text: FIRE_ACCIDENT, verified: true, source: at(6, 3, 'g') },
      {
        letter: 'h',
        text: {
          vi: 'Cán bộ, công nhân viên bị xử phạt vi phạm hành chính về an ninh, trật tự hoặc mắc tệ nạn xã hội bị xử lý kỷ luật từ hình thức cảnh cáo trở lên',
          en: 'Staff sanctioned administratively in security and order, or with a social evil and disciplined at "warning" or above',
        },
        verified: true,
        source: at(6, 3, 'h'),
      },
    ],
    verified: true,
    source: at(6, 3),
  },
  {
    code: 'CQDN-4',
    kind: 'rating',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Lực lượng bảo vệ đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên',
      en: 'The security force rated "advanced labour collective" or "fulfilled its tasks well" or better',
    },
    explanation: {
      vi: 'Lực lượng bảo vệ của cơ quan, doanh nghiệp (nếu có) được xếp loại "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên; không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
      en: 'The security force of the agency or enterprise (where one exists) is rated "advanced labour collective" or "fulfilled its tasks well" or better; nobody disciplined at "warning" or above.',
    },
    subject: { vi: 'Lực lượng bảo vệ của đơn vị', en: "The unit's security force" },
    levels: GOOD_RATING_LEVELS,
    absentAllowed: true,
    checklist: [
      {
        key: 'no-discipline',
        text: {
          vi: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
          en: 'Nobody disciplined at "warning" or above',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(6, 4),
  },
  {
    code: 'CQDN-5',
    kind: 'ratio',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Có từ 70% phòng, ban, tổ, đội trực thuộc trở lên đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ"',
      en: 'At least 70 % of direct sub-units rated "advanced labour collective" or "fulfilled its tasks well"',
    },
    explanation: {
      vi: 'Có từ 70% trở lên số phòng, ban, tổ, đội trực thuộc được xếp loại "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên.',
      en: 'At least 70 % of the direct sub-units (departments, teams) are rated "advanced labour collective" or "fulfilled its tasks well" or better.',
    },
    numerator: {
      vi: 'Số phòng, ban, tổ, đội đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên',
      en: 'Sub-units rated "advanced labour collective" or "fulfilled its tasks well" or better',
    },
    denominator: { vi: 'Tổng số phòng, ban, tổ, đội trực thuộc', en: 'Direct sub-units' },
    minimum: 0.7,
    checklist: [],
    verified: true,
    source: at(6, 5),
  },
];

/**
 * The criteria of circular 124/2021 for education institutions (`CSGD-1…6`, Article 7).
 *
 * @example
 * ```ts
 * TT124_CSGD_CRITERIA.map((c) => c.kind); // ['ratio', 'requirement', 'disqualifying', 'disqualifying', 'rating', 'ratio']
 * ```
 */
export const TT124_CSGD_CRITERIA: readonly Criterion[] = [
  {
    code: 'CSGD-1',
    kind: 'ratio',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Nghị quyết, kế hoạch, đăng ký, nội quy, phổ biến đến 100% cán bộ, giáo viên, người học và mô hình',
      en: 'Resolution, plan, registration, internal rules, 100 % of staff, teachers and learners briefed, and a model',
    },
    explanation: {
      vi: 'Như khoản 1 Điều 6, với nội quy, quy chế về bảo vệ cơ sở giáo dục, bảo vệ chính trị nội bộ, quản lý, giáo dục người học, phòng, chống cháy, nổ; 100% cán bộ, giáo viên, nhân viên và người học được phổ biến; có ít nhất một mô hình phong trào hoạt động hiệu quả.',
      en: 'As Art. 6(1), with internal rules on protecting the institution, internal political security, managing and educating learners, fire and explosion; 100 % of staff, teachers and learners briefed; at least one effective movement model.',
    },
    numerator: {
      vi: 'Số cán bộ, giáo viên, nhân viên và người học được phổ biến',
      en: 'Staff, teachers and learners briefed',
    },
    denominator: { vi: 'Tổng số cán bộ, giáo viên, nhân viên và người học', en: 'All staff, teachers and learners' },
    minimum: 1,
    checklist: [
      {
        key: 'resolution',
        text: {
          vi: 'Tổ chức đảng có nghị quyết trong quý I (trả lời "có" nếu không có tổ chức đảng)',
          en: 'The Party organisation adopted a resolution in Q1 (answer yes where there is none)',
        },
        verified: true,
      },
      {
        key: 'plan',
        text: { vi: 'Có kế hoạch bảo đảm an ninh, trật tự', en: 'Has a security and order plan' },
        verified: true,
      },
      {
        key: 'registration',
        text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn trong quý I', en: 'Registered for the standard in Q1' },
        verified: true,
      },
      {
        key: 'internal-rules',
        text: {
          vi: 'Có nội quy, quy chế bảo vệ cơ sở giáo dục, bảo vệ chính trị nội bộ, quản lý, giáo dục người học, phòng, chống cháy, nổ',
          en: 'Has internal rules on protecting the institution, internal political security, managing and educating learners, fire and explosion',
        },
        verified: true,
      },
      {
        key: 'model',
        text: {
          vi: 'Có ít nhất một mô hình phong trào hoạt động hiệu quả',
          en: 'Keeps at least one effective movement model',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(7, 1),
  },
  {
    code: 'CSGD-2',
    kind: 'requirement',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Thực hiện chủ trương, chính sách; phối hợp với Công an và Ban Đại diện cha mẹ học sinh',
      en: "Carries out policy; coordinates with the police and the parents' association",
    },
    explanation: {
      vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật, nội quy, quy chế; quy chế, kế hoạch phối hợp với cơ quan Công an và với Ban Đại diện cha mẹ học sinh (đối với cơ sở giáo dục phổ thông).',
      en: "Carries out policy, law and its rules; its rules and plans of coordination with the police and with the parents' association (general-education schools).",
    },
    checklist: [
      {
        key: 'policy',
        text: {
          vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật, nội quy, quy chế',
          en: 'Policy, law and internal rules are carried out',
        },
        verified: true,
      },
      {
        key: 'coordination-police',
        text: {
          vi: 'Thực hiện quy chế, kế hoạch phối hợp với cơ quan Công an',
          en: 'Coordination rules and plans with the police are carried out',
        },
        verified: true,
      },
      {
        key: 'coordination-parents',
        text: {
          vi: 'Phối hợp với Ban Đại diện cha mẹ học sinh (trả lời "có" nếu không phải cơ sở giáo dục phổ thông)',
          en: "Coordinates with the parents' association (answer yes for an institution that is not a general-education school)",
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(7, 2),
  },
  {
    code: 'CSGD-3',
    kind: 'disqualifying',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Không để xảy ra các trường hợp tại các điểm a, b, c, đ, e, g khoản 3 Điều 6',
      en: 'None of the cases of items (a), (b), (c), (đ), (e), (g) of Art. 6(3)',
    },
    explanation: {
      vi: 'Trong kỳ đánh giá không để xảy ra một trong các trường hợp tại các điểm a, b, c, đ, e, g khoản 3 Điều 6.',
      en: 'None of the cases of items (a), (b), (c), (đ), (e), (g) of Art. 6(3) may happen in the window.',
    },
    items: [
      { letter: 'a', text: RELIGION, verified: true, source: at(6, 3, 'a') },
      { letter: 'b', text: EXPLOITING, verified: true, source: at(6, 3, 'b') },
      { letter: 'c', text: MASS_COMPLAINTS, verified: true, source: at(6, 3, 'c') },
      {
        letter: 'đ',
        text: SERIOUS_CRIME,
        verified: true,
        source: at(6, 3, 'đ'),
        exceptions: ['handled_promptly', 'force_majeure'],
      },
      { letter: 'e', text: STATE_SECRETS, verified: true, source: at(6, 3, 'e') },
      { letter: 'g', text: FIRE_ACCIDENT, verified: true, source: at(6, 3, 'g') },
    ],
    verified: true,
    source: at(7, 3),
  },
  {
    code: 'CSGD-4',
    kind: 'disqualifying',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Không có bạo lực học đường; không có cán bộ, giáo viên, người học phạm tội hoặc bị kỷ luật vì tệ nạn xã hội',
      en: 'No school violence; no staff, teacher or learner committing a crime or disciplined for a social evil',
    },
    explanation: {
      vi: 'Không để xảy ra bạo lực học đường; không có cán bộ, giáo viên, nhân viên, người học phạm tội hoặc mắc tệ nạn xã hội bị xử lý kỷ luật từ hình thức cảnh cáo trở lên.',
      en: 'No school violence; no staff member, teacher or learner committed a crime or was disciplined at "warning" or above for a social evil.',
    },
    items: [
      { letter: 'a', text: { vi: 'Bạo lực học đường', en: 'School violence' }, verified: true },
      {
        letter: 'b',
        text: {
          vi: 'Cán bộ, giáo viên, nhân viên, người học phạm tội',
          en: 'A staff member, teacher or learner committed a crime',
        },
        verified: true,
      },
      {
        letter: 'c',
        text: {
          vi: 'Cán bộ, giáo viên, nhân viên, người học mắc tệ nạn xã hội bị xử lý kỷ luật từ hình thức cảnh cáo trở lên',
          en: 'A staff member, teacher or learner with a social evil disciplined at "warning" or above',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(7, 4),
    note: {
      vi: 'Khoản 4 không chia điểm; các mục a, b, c do hệ thống đánh để ghi vụ việc.',
      en: 'Clause 4 has no lettered points; the system labels its cases (a), (b), (c) to record incidents.',
    },
  },
  {
    code: 'CSGD-5',
    kind: 'rating',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Lực lượng bảo vệ đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên',
      en: 'The security force rated "advanced labour collective" or "fulfilled its tasks well" or better',
    },
    explanation: {
      vi: 'Lực lượng bảo vệ của cơ sở giáo dục (nếu có) được xếp loại như khoản 4 Điều 6; không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.',
      en: 'The institution\'s security force (where one exists) is rated as in Art. 6(4); nobody disciplined at "warning" or above.',
    },
    subject: { vi: 'Lực lượng bảo vệ của cơ sở giáo dục', en: "The institution's security force" },
    levels: GOOD_RATING_LEVELS,
    absentAllowed: true,
    checklist: [
      {
        key: 'no-discipline',
        text: {
          vi: 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên',
          en: 'Nobody disciplined at "warning" or above',
        },
        verified: true,
      },
    ],
    verified: true,
    source: at(7, 5),
  },
  {
    code: 'CSGD-6',
    kind: 'ratio',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Có từ 70% khoa, phòng, ban, tổ chuyên môn trực thuộc trở lên đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ"',
      en: 'At least 70 % of direct sub-units rated "advanced labour collective" or "fulfilled its tasks well"',
    },
    explanation: {
      vi: 'Có từ 70% trở lên số khoa, phòng, ban, tổ chuyên môn trực thuộc được xếp loại "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên.',
      en: 'At least 70 % of the direct sub-units (faculties, departments, subject groups) are rated "advanced labour collective" or "fulfilled its tasks well" or better.',
    },
    numerator: {
      vi: 'Số khoa, phòng, ban, tổ chuyên môn đạt "Tập thể lao động tiên tiến" hoặc "Hoàn thành tốt nhiệm vụ" trở lên',
      en: 'Sub-units rated "advanced labour collective" or "fulfilled its tasks well" or better',
    },
    denominator: { vi: 'Tổng số khoa, phòng, ban, tổ chuyên môn trực thuộc', en: 'Direct sub-units' },
    minimum: 0.7,
    checklist: [],
    verified: true,
    source: at(7, 6),
  },
];

/**
 * The catalogue of circular 124/2021/TT-BCA, in force from 10 February 2022 (years 2022 onwards).
 *
 * @example
 * ```ts
 * import { TT124_2021, evaluateUnit } from '@antoan/core';
 * TT124_2021.effectiveFrom; // '2022-02-10'
 * evaluateUnit({ unit, year: 2023, registered: true, answers }, { catalogue: TT124_2021 });
 * ```
 */
export const TT124_2021: Catalogue = {
  id: 'tt124-2021',
  title: {
    vi: 'Tiêu chuẩn "An toàn về an ninh, trật tự" theo Thông tư 124/2021/TT-BCA',
    en: 'The "Safe in security and order" standard under circular 124/2021/TT-BCA',
  },
  legalBasis: {
    vi: 'Thông tư 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an, có hiệu lực từ 10/02/2022; sửa đổi, bổ sung bởi Thông tư 48/2025/TT-BCA',
    en: 'Circular 124/2021/TT-BCA of the Ministry of Public Security (28 Dec 2021), in force from 10 Feb 2022; amended by circular 48/2025/TT-BCA',
  },
  effectiveFrom: '2022-02-10',
  effectiveTo: null,
  notes: {
    vi: 'Đã đối chiếu Điều 1–12 theo Bộ Pháp điển (ngày 01/12/2026). Chưa đối chiếu: Thông tư 48/2025/TT-BCA sửa đổi, bổ sung (chưa tìm thấy văn bản; chưa rõ thay đổi những gì, kể cả thẩm quyền công nhận cấp xã sau 01/7/2025 và đặc khu). Các chỗ hệ thống phải tự hiểu (XA-2 "mọi khu dân cư", KDC-4 điểm a) ghi ở ghi chú của từng tiêu chí.',
    en: 'Articles 1–12 checked against the official codification (2026-12-01). Not checked: the amending circular 48/2025/TT-BCA (text not found; what it changed is unknown, including who recognises communes after 1 Jul 2025 and special zones). Where the system has to interpret (XA-2 "every village", KDC-4 (a)) the criterion\'s note says so.',
  },
  criteria: [...TT124_KDC_CRITERIA, ...TT124_XA_CRITERIA, ...TT124_CQDN_CRITERIA, ...TT124_CSGD_CRITERIA],
  eligibility: TT124_ELIGIBILITY_RULES,
};
