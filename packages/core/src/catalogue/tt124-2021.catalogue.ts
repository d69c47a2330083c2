import type { Catalogue, Criterion, EligibilityRule } from './catalogue.schema.js';

// Circular 124/2021/TT-BCA (Ministry of Public Security, 28 Dec 2021, in force 10 Feb 2022; amended by
// 48/2025/TT-BCA). Written from the project's domain reference (shared/domain.md). Items that reference marks
// "(verify)" carry `verified: false`: their wording or parameters are ours until someone checks the text.

const SOURCE = 'Thông tư 124/2021/TT-BCA';

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

/**
 * The criteria of circular 124/2021 for residential areas (`KDC-1…5`).
 *
 * @example
 * ```ts
 * TT124_KDC_CRITERIA.map((c) => `${c.code} ${c.kind}`);
 * // ['KDC-1 ratio', 'KDC-2 requirement', 'KDC-3 disqualifying', 'KDC-4 comparison', 'KDC-5 requirement']
 * ```
 */
export const TT124_KDC_CRITERIA: readonly Criterion[] = [
  {
    code: 'KDC-1',
    kind: 'ratio',
    unitTypes: ['KDC'],
    title: {
      vi: 'Nghị quyết, đăng ký và cam kết của hộ gia đình trong quý I',
      en: 'Q1 resolution, registration and household pledges',
    },
    explanation: {
      vi: 'Trong quý I hằng năm, chi bộ có nghị quyết, khu dân cư đăng ký phấn đấu đạt tiêu chuẩn "An toàn về an ninh, trật tự" và 100% hộ gia đình thường trú trên địa bàn ký cam kết tham gia.',
      en: 'In the first quarter the party cell passes a resolution, the residential area registers to reach the standard, and 100 % of resident households pledge to take part.',
    },
    numerator: { vi: 'Số hộ gia đình ký cam kết', en: 'Households that signed the pledge' },
    denominator: { vi: 'Số hộ gia đình thường trú', en: 'Resident households' },
    minimum: 1,
    checklist: [
      {
        key: 'resolution',
        text: { vi: 'Chi bộ có nghị quyết trong quý I', en: 'The party cell passed a resolution in Q1' },
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
    source: SOURCE,
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
    source: SOURCE,
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
      vi: 'Trong kỳ đánh giá không để xảy ra một trong các trường hợp được liệt kê. Một vụ việc ghi nhận trong kỳ, có điểm hoặc không ghi điểm, làm tiêu chí không đạt. Danh sách của thông tư còn các điểm sau điểm g chưa được đối chiếu.',
      en: 'None of the listed cases may happen in the window. An incident recorded in the window, with or without an item letter, fails the criterion. The circular lists further items after (g) that are not yet encoded.',
    },
    items: [
      {
        letter: 'a',
        text: {
          vi: 'Hoạt động chống Đảng, chống chính quyền, phá hoại khối đại đoàn kết toàn dân tộc',
          en: 'Activity against the Party or the State, or against national unity',
        },
        verified: true,
      },
      {
        letter: 'b',
        text: {
          vi: 'Phá hoại mục tiêu, công trình trọng điểm về kinh tế, văn hoá, xã hội, an ninh, quốc phòng',
          en: 'Sabotage of key economic, cultural, social, security or defence works',
        },
        verified: true,
      },
      {
        letter: 'c',
        text: { vi: 'Truyền đạo, phát triển tín ngưỡng, tôn giáo trái pháp luật', en: 'Spreading an illegal belief or religion' },
        verified: true,
      },
      {
        letter: 'd',
        text: {
          vi: 'Lợi dụng tín ngưỡng, tôn giáo, dân tộc, tranh chấp, khiếu nại để gây phức tạp về an ninh, trật tự',
          en: 'Exploiting belief, religion, ethnicity, disputes or complaints to disturb order',
        },
        verified: true,
      },
      {
        letter: 'đ',
        text: { vi: 'Hoạt động ly khai, đòi "tự trị"', en: 'Separatist or "autonomy" activity' },
        verified: true,
      },
      {
        letter: 'e',
        text: {
          vi: 'Mâu thuẫn, tranh chấp phức tạp, kéo dài trong nhân dân',
          en: 'Complicated, long-running disputes among residents',
        },
        verified: true,
      },
      {
        letter: 'g',
        text: {
          vi: 'Kích động, xúi giục, cưỡng ép, lôi kéo, mua chuộc người khác gây mất an ninh, trật tự',
          en: 'Inciting, coercing or bribing others into disorder',
        },
        verified: true,
      },
    ],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'KDC-4',
    kind: 'comparison',
    unitTypes: ['KDC'],
    title: {
      vi: 'Tội phạm, tệ nạn xã hội và vi phạm pháp luật được kiềm chế, giảm',
      en: 'Crime, social evils and other violations contained and reduced',
    },
    explanation: {
      vi: 'Tội phạm, tệ nạn xã hội và vi phạm pháp luật khác được kiềm chế, giảm so với năm trước. Quy tắc đang áp dụng: số vụ phạm tội và số vụ tệ nạn xã hội của kỳ này, từng loại, không vượt quá số của kỳ trước cộng mức tăng cho phép (mặc định 0). Câu chữ chính xác của thông tư chưa được đối chiếu.',
      en: "Crime, social evils and other violations are contained and reduced compared with the previous year. Rule applied: this window's crimes and social-evil cases, each, do not exceed the previous window's plus the allowed increase (default 0). The circular's exact wording is not yet confirmed.",
    },
    metrics: ['crimes', 'socialEvils'],
    aggregate: 'each',
    maxIncrease: 0,
    verified: false,
    source: SOURCE,
  },
  {
    code: 'KDC-5',
    kind: 'requirement',
    unitTypes: ['KDC'],
    title: {
      vi: 'Lực lượng nòng cốt và mô hình tự quản hoạt động hiệu quả',
      en: 'Grassroots forces and self-managed models work effectively',
    },
    explanation: {
      vi: 'Các lực lượng nòng cốt ở cơ sở và các mô hình tự phòng, tự quản, tự bảo vệ hoạt động hiệu quả. Câu chữ chưa được đối chiếu.',
      en: 'The grassroots security forces and the self-managed models work effectively. Wording not yet confirmed.',
    },
    checklist: [
      {
        key: 'forces',
        text: { vi: 'Lực lượng nòng cốt ở cơ sở hoạt động hiệu quả', en: 'The grassroots security forces work effectively' },
        verified: false,
      },
      {
        key: 'models',
        text: {
          vi: 'Các mô hình tự phòng, tự quản, tự bảo vệ hoạt động hiệu quả',
          en: 'The self-managed security models work effectively',
        },
        verified: false,
      },
    ],
    verified: false,
    source: SOURCE,
  },
];

/**
 * The criteria of circular 124/2021 for communes (`XA-1…4`). XA-2 and XA-4 depend on the units the
 * commune manages, so communes are evaluated after them ({@link evaluateArea}).
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
      vi: 'Trong quý I, cấp uỷ có nghị quyết, Uỷ ban nhân dân có kế hoạch và đăng ký xây dựng xã, phường, thị trấn đạt tiêu chuẩn; xây dựng mới hoặc duy trì ít nhất một mô hình phong trào hoạt động hiệu quả.',
      en: "In the first quarter the Party committee passes a resolution, the People's Committee adopts a plan and registers; the commune builds or keeps at least one effective movement model.",
    },
    checklist: [
      { key: 'resolution', text: { vi: 'Cấp uỷ có nghị quyết trong quý I', en: 'The Party committee passed a resolution in Q1' }, verified: true },
      { key: 'plan', text: { vi: 'Uỷ ban nhân dân có kế hoạch trong quý I', en: "The People's Committee adopted a plan in Q1" }, verified: true },
      { key: 'registration', text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn trong quý I', en: 'Registered for the standard in Q1' }, verified: true },
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
    source: SOURCE,
  },
  {
    code: 'XA-2',
    kind: 'composite',
    unitTypes: ['XA'],
    title: {
      vi: 'Các tiêu chí KDC-2, KDC-3, KDC-4 được bảo đảm trên toàn địa bàn',
      en: 'KDC-2, KDC-3 and KDC-4 hold across the whole commune',
    },
    explanation: {
      vi: 'Mọi khu dân cư thuộc diện đánh giá của xã đều đạt các tiêu chí KDC-2, KDC-3 và KDC-4.',
      en: 'Every eligible residential area of the commune meets KDC-2, KDC-3 and KDC-4.',
    },
    criteria: ['KDC-2', 'KDC-3', 'KDC-4'],
    overTypes: ['KDC'],
    minimumShare: 1,
    verified: true,
    source: SOURCE,
  },
  {
    code: 'XA-3',
    kind: 'disqualifying',
    unitTypes: ['XA'],
    title: {
      vi: 'Không có cán bộ, chiến sĩ Công an xã bị xử lý kỷ luật',
      en: 'No member of the commune police disciplined',
    },
    explanation: {
      vi: 'Trong kỳ đánh giá không có cán bộ, chiến sĩ Công an xã, phường, thị trấn bị xử lý kỷ luật. Mỗi vụ kỷ luật được ghi nhận là một vụ việc của tiêu chí này.',
      en: 'No member of the commune police was disciplined in the window. Each disciplinary case is recorded as an incident of this criterion.',
    },
    items: [],
    verified: true,
    source: SOURCE,
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
      vi: '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục do xã quản lý (thuộc diện đánh giá) đăng ký xây dựng và ít nhất 70% trong số đó được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
      en: 'All eligible residential areas, agencies, enterprises and schools the commune manages registered, and at least 70 % of them are recognised as meeting the standard.',
    },
    managedTypes: ['KDC', 'CQ', 'DN', 'CSGD'],
    registeredMinimum: 1,
    recognisedMinimum: 0.7,
    verified: true,
    source: SOURCE,
  },
];

/**
 * The criteria of circular 124/2021 for agencies and enterprises (`CQDN-1…3`).
 *
 * @example
 * ```ts
 * TT124_CQDN_CRITERIA[0]?.unitTypes; // ['CQ', 'DN']
 * ```
 */
export const TT124_CQDN_CRITERIA: readonly Criterion[] = [
  {
    code: 'CQDN-1',
    kind: 'ratio',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Nghị quyết, kế hoạch, đăng ký, nội quy, phổ biến đến cán bộ và mô hình',
      en: 'Resolution, plan, registration, internal rules, staff briefing and a model',
    },
    explanation: {
      vi: 'Trong quý I, tổ chức đảng (nếu có) có nghị quyết, đơn vị có kế hoạch bảo đảm an ninh, trật tự và đăng ký; có nội quy, quy chế (bảo vệ cơ quan, doanh nghiệp, bảo vệ bí mật nhà nước, bảo vệ chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, bảo vệ môi trường); 100% cán bộ, công nhân viên được phổ biến; duy trì ít nhất một mô hình phong trào hoạt động hiệu quả.',
      en: 'In Q1 the Party organisation (where one exists) adopts a resolution, the unit has a security plan and registers; it has internal rules (protecting the unit, state secrets, internal political security, labour safety, fire and explosion, environment); 100 % of staff are briefed; it keeps at least one effective movement model.',
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
      { key: 'plan', text: { vi: 'Có kế hoạch bảo đảm an ninh, trật tự', en: 'Has a security and order plan' }, verified: true },
      { key: 'registration', text: { vi: 'Đăng ký xây dựng đạt tiêu chuẩn trong quý I', en: 'Registered for the standard in Q1' }, verified: true },
      {
        key: 'internal-rules',
        text: {
          vi: 'Có nội quy, quy chế bảo vệ đơn vị, bí mật nhà nước, chính trị nội bộ, an toàn lao động, phòng cháy, chữa cháy, môi trường',
          en: 'Has internal rules on protecting the unit, state secrets, internal political security, labour safety, fire and environment',
        },
        verified: true,
      },
      {
        key: 'model',
        text: { vi: 'Duy trì ít nhất một mô hình phong trào hoạt động hiệu quả', en: 'Keeps at least one effective movement model' },
        verified: true,
      },
    ],
    verified: true,
    source: SOURCE,
  },
  {
    code: 'CQDN-2',
    kind: 'requirement',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Thực hiện chủ trương, chính sách và quy chế phối hợp với Công an, chính quyền địa phương',
      en: 'Carries out policy and its coordination rules with the police and local government',
    },
    explanation: {
      vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật và quy chế, kế hoạch phối hợp với cơ quan Công an, chính quyền địa phương về bảo đảm an ninh, trật tự.',
      en: 'Carries out policy and law, and its coordination rules and plans with the police and local government on security and order.',
    },
    checklist: [
      { key: 'policy', text: { vi: 'Thực hiện tốt chủ trương, chính sách, pháp luật', en: 'Policy and law are carried out' }, verified: true },
      {
        key: 'coordination',
        text: {
          vi: 'Thực hiện quy chế, kế hoạch phối hợp với Công an và chính quyền địa phương',
          en: 'Coordination rules and plans with the police and local government are carried out',
        },
        verified: true,
      },
    ],
    verified: true,
    source: SOURCE,
  },
  {
    code: 'CQDN-3',
    kind: 'disqualifying',
    unitTypes: ['CQ', 'DN'],
    title: {
      vi: 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự',
      en: 'No serious security or order incident',
    },
    explanation: {
      vi: 'Trong kỳ đánh giá không để xảy ra một trong các trường hợp được liệt kê. Danh sách và câu chữ chưa được đối chiếu với thông tư.',
      en: 'None of the listed cases may happen in the window. The list and its wording are not yet confirmed against the circular.',
    },
    items: [
      {
        letter: 'a',
        text: { vi: 'Khiếu kiện đông người, đình công trái pháp luật', en: 'Mass or unlawful complaints or strikes' },
        verified: false,
      },
      { letter: 'b', text: { vi: 'Mất trộm tài sản có giá trị lớn', en: 'Theft of high-value assets' }, verified: false },
      {
        letter: 'c',
        text: { vi: 'Lộ, mất bí mật nhà nước, bí mật công nghệ', en: 'Leak or loss of state or technology secrets' },
        verified: false,
      },
      {
        letter: 'd',
        text: { vi: 'Cháy, nổ, tai nạn lao động nghiêm trọng', en: 'Serious fire, explosion or labour accident' },
        verified: false,
      },
      { letter: 'đ', text: { vi: 'Cán bộ, công nhân viên phạm tội', en: 'A staff member committed a crime' }, verified: false },
    ],
    verified: false,
    source: SOURCE,
  },
];

/**
 * The criteria of circular 124/2021 for education institutions (`CSGD-1…6`), all with unconfirmed wording.
 *
 * @example
 * ```ts
 * TT124_CSGD_CRITERIA.every((c) => !c.verified); // true
 * ```
 */
export const TT124_CSGD_CRITERIA: readonly Criterion[] = [
  {
    code: 'CSGD-1',
    kind: 'requirement',
    unitTypes: ['CSGD'],
    title: { vi: 'Đăng ký và kế hoạch trong quý I', en: 'Q1 registration and plan' },
    explanation: {
      vi: 'Trong quý I, cơ sở giáo dục đăng ký xây dựng đạt tiêu chuẩn và có kế hoạch bảo đảm an ninh, trật tự. Câu chữ chưa được đối chiếu.',
      en: 'In Q1 the institution registers for the standard and adopts a security plan. Wording not yet confirmed.',
    },
    checklist: [
      { key: 'registration', text: { vi: 'Đăng ký trong quý I', en: 'Registered in Q1' }, verified: false },
      { key: 'plan', text: { vi: 'Có kế hoạch bảo đảm an ninh, trật tự', en: 'Has a security plan' }, verified: false },
    ],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'CSGD-2',
    kind: 'requirement',
    unitTypes: ['CSGD'],
    title: { vi: 'Có mô hình phong trào hoạt động', en: 'A movement model in operation' },
    explanation: {
      vi: 'Có ít nhất một mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động. Câu chữ chưa được đối chiếu.',
      en: 'At least one movement model is in operation. Wording not yet confirmed.',
    },
    checklist: [{ key: 'model', text: { vi: 'Có mô hình hoạt động', en: 'A model is in operation' }, verified: false }],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'CSGD-3',
    kind: 'requirement',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Phối hợp với Ban đại diện cha mẹ học sinh quản lý học sinh',
      en: "Coordination with the parents' association on managing students",
    },
    explanation: {
      vi: 'Phối hợp chặt chẽ với Ban đại diện cha mẹ học sinh, gia đình và chính quyền địa phương trong quản lý, giáo dục học sinh. Câu chữ chưa được đối chiếu.',
      en: "Works with the parents' association, families and local government on managing and educating students. Wording not yet confirmed.",
    },
    checklist: [
      {
        key: 'coordination',
        text: { vi: 'Có phối hợp quản lý học sinh', en: 'Coordinates on managing students' },
        verified: false,
      },
    ],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'CSGD-4',
    kind: 'disqualifying',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Không xảy ra vụ việc về an ninh, kích động, truyền đạo trái pháp luật',
      en: 'No security incident, incitement or illegal religion',
    },
    explanation: {
      vi: 'Trong kỳ đánh giá không xảy ra một trong các trường hợp được liệt kê. Danh sách và câu chữ chưa được đối chiếu.',
      en: 'None of the listed cases may happen in the window. List and wording not yet confirmed.',
    },
    items: [
      { letter: 'a', text: { vi: 'Vụ việc phức tạp về an ninh', en: 'A serious security incident' }, verified: false },
      {
        letter: 'b',
        text: { vi: 'Kích động, lôi kéo học sinh, sinh viên gây rối', en: 'Inciting students into disorder' },
        verified: false,
      },
      {
        letter: 'c',
        text: { vi: 'Truyền đạo trái pháp luật trong nhà trường', en: 'Spreading an illegal religion in the institution' },
        verified: false,
      },
    ],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'CSGD-5',
    kind: 'disqualifying',
    unitTypes: ['CSGD'],
    title: { vi: 'Không để xảy ra bạo lực học đường', en: 'No school violence' },
    explanation: {
      vi: 'Trong kỳ đánh giá không xảy ra vụ bạo lực học đường. Mỗi vụ được ghi nhận là một vụ việc của tiêu chí này. Câu chữ chưa được đối chiếu.',
      en: 'No case of school violence in the window; each case is recorded as an incident of this criterion. Wording not yet confirmed.',
    },
    items: [],
    verified: false,
    source: SOURCE,
  },
  {
    code: 'CSGD-6',
    kind: 'requirement',
    unitTypes: ['CSGD'],
    title: {
      vi: 'Cán bộ, giáo viên, nhân viên thực hiện tốt nhiệm vụ bảo đảm an ninh, trật tự',
      en: 'Staff carry out their security tasks well',
    },
    explanation: {
      vi: 'Cán bộ, giáo viên, nhân viên chấp hành tốt quy định và thực hiện tốt nhiệm vụ bảo đảm an ninh, trật tự. Câu chữ chưa được đối chiếu.',
      en: 'Staff follow the rules and carry out their security tasks well. Wording not yet confirmed.',
    },
    checklist: [
      {
        key: 'staff',
        text: { vi: 'Cán bộ, giáo viên, nhân viên thực hiện tốt nhiệm vụ', en: 'Staff carry out their tasks well' },
        verified: false,
      },
    ],
    verified: false,
    source: SOURCE,
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
    vi: 'Các mục có verified = false chưa được đối chiếu với văn bản: KDC-3 (các điểm sau điểm g), KDC-4 (câu chữ và quy tắc so sánh), KDC-5, CQDN-3 và toàn bộ CSGD. Quản trị viên có thể sửa dữ liệu này.',
    en: 'Items with verified = false are not yet confirmed against the text: KDC-3 (items after g), KDC-4 (wording and comparison rule), KDC-5, CQDN-3 and all CSGD criteria. An administrator can correct this data.',
  },
  criteria: [...TT124_KDC_CRITERIA, ...TT124_XA_CRITERIA, ...TT124_CQDN_CRITERIA, ...TT124_CSGD_CRITERIA],
  eligibility: TT124_ELIGIBILITY_RULES,
};
