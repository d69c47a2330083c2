import { required } from '../required.js';
import type { AreaKind, EnterpriseSize, ManagingLevel, SchoolLevel, UnitType } from '@antoan/core';

// Ba Đồn town (thị xã Ba Đồn, Quảng Bình) as it was in 2021: 6 wards and 10 communes (shared/domain.md),
// and the demo's units, models and awards. Real: the town, its communes and wards, the models and awards
// the 2022 article names. Made up for the demo (and said so in the README): area codes, the names of
// villages, agencies, enterprises and schools, the counts in reports, and which units fail which
// criterion. From 2025 the demo carries the town through its real reorganisation (BA_DON_REFORM below).

export const BA_DON_PROVINCE = { code: 'QB', name: 'Quảng Bình', kind: 'tinh' as AreaKind, validFrom: '1989-07-01' };
export const BA_DON_TOWN = { code: 'QB-BD', name: 'Ba Đồn', kind: 'thi-xa' as AreaKind, validFrom: '2014-02-10' };

/** The 16 communes and wards with the number of villages / residential groups (95 in all). */
export const BA_DON_COMMUNES: ReadonlyArray<{ code: string; name: string; kind: AreaKind; villages: number }> = [
  { code: 'QB-BD-BADON', name: 'Ba Đồn', kind: 'phuong', villages: 7 },
  { code: 'QB-BD-QLONG', name: 'Quảng Long', kind: 'phuong', villages: 6 },
  { code: 'QB-BD-QPHONG', name: 'Quảng Phong', kind: 'phuong', villages: 5 },
  { code: 'QB-BD-QPHUC', name: 'Quảng Phúc', kind: 'phuong', villages: 7 },
  { code: 'QB-BD-QTHO', name: 'Quảng Thọ', kind: 'phuong', villages: 6 },
  { code: 'QB-BD-QTHUAN', name: 'Quảng Thuận', kind: 'phuong', villages: 5 },
  { code: 'QB-BD-QHAI', name: 'Quảng Hải', kind: 'xa', villages: 4 },
  { code: 'QB-BD-QHOA', name: 'Quảng Hòa', kind: 'xa', villages: 6 },
  { code: 'QB-BD-QLOC', name: 'Quảng Lộc', kind: 'xa', villages: 6 },
  { code: 'QB-BD-QMINH', name: 'Quảng Minh', kind: 'xa', villages: 5 },
  { code: 'QB-BD-QSON', name: 'Quảng Sơn', kind: 'xa', villages: 7 },
  { code: 'QB-BD-QTAN', name: 'Quảng Tân', kind: 'xa', villages: 5 },
  { code: 'QB-BD-QTHUY', name: 'Quảng Thủy', kind: 'xa', villages: 6 },
  { code: 'QB-BD-QTIEN', name: 'Quảng Tiên', kind: 'xa', villages: 6 },
  { code: 'QB-BD-QTRUNG', name: 'Quảng Trung', kind: 'xa', villages: 7 },
  { code: 'QB-BD-QVAN', name: 'Quảng Văn', kind: 'xa', villages: 7 },
];

/** Villages the article names, in place of a numbered one of their commune. */
export const NAMED_VILLAGES: Readonly<Record<string, { index: number; name: string }>> = {
  'QB-BD-QPHUC': { index: 1, name: 'Tổ dân phố Đơn Sa' },
  'QB-BD-QVAN': { index: 1, name: 'Thôn Văn Phú' },
};

export interface DemoUnitSpec {
  code: string;
  name: string;
  type: UnitType;
  communeCode: string;
  managingLevel: ManagingLevel;
  enterpriseSize?: EnterpriseSize;
  schoolLevel?: SchoolLevel;
  /** Staff (agencies, enterprises; schools: staff, teachers and learners): the denominator of "100 % briefed". */
  people: number;
}

const AGENCIES = [
  'Bệnh viện Đa khoa khu vực Bắc Quảng Bình',
  'Kho bạc Nhà nước thị xã Ba Đồn',
  'Chi cục Thuế khu vực Quảng Trạch – Ba Đồn',
  'Bảo hiểm xã hội thị xã Ba Đồn',
  'Trung tâm Y tế thị xã Ba Đồn',
  'Chi cục Thống kê thị xã Ba Đồn',
  'Phòng Giáo dục và Đào tạo thị xã Ba Đồn',
  'Phòng Tài chính – Kế hoạch thị xã Ba Đồn',
  'Phòng Tài nguyên và Môi trường thị xã Ba Đồn',
  'Phòng Lao động – Thương binh và Xã hội thị xã Ba Đồn',
  'Phòng Văn hóa và Thông tin thị xã Ba Đồn',
  'Phòng Nội vụ thị xã Ba Đồn',
  'Phòng Tư pháp thị xã Ba Đồn',
  'Phòng Kinh tế thị xã Ba Đồn',
  'Phòng Quản lý đô thị thị xã Ba Đồn',
  'Thanh tra thị xã Ba Đồn',
  'Trung tâm Văn hóa – Thể thao – Truyền thông thị xã Ba Đồn',
  'Viện Kiểm sát nhân dân thị xã Ba Đồn',
  'Tòa án nhân dân thị xã Ba Đồn',
  'Chi cục Thi hành án dân sự thị xã Ba Đồn',
  'Phòng Giao dịch Ngân hàng Chính sách xã hội thị xã Ba Đồn',
  'Trung tâm Phát triển quỹ đất thị xã Ba Đồn',
];

const ENTERPRISE_TRADES = [
  'Xây dựng',
  'Vận tải',
  'Thủy sản',
  'Chế biến gỗ',
  'Vật liệu xây dựng',
  'Thương mại',
  'Du lịch',
  'May mặc',
  'Cơ khí',
  'Điện nước',
  'Xăng dầu',
  'Dược phẩm',
  'Nông sản',
  'In ấn',
  'Môi trường đô thị',
  'Cấp nước',
  'Đóng tàu',
  'Nước mắm',
  'Bê tông',
  'Gạch ngói',
  'Khách sạn',
  'Siêu thị',
];

const UPPER_SECONDARY = [
  'Trường THPT Lương Thế Vinh',
  'Trường THPT Lê Hồng Phong',
  'Trường THPT Lê Quý Đôn',
  'Trường THPT Quang Trung',
];

/** Deterministic numbers for the demo (no Math.random: the same data on every machine). */
export function demoNumber(seed: number, min: number, max: number): number {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  return min + Math.floor((x - Math.floor(x)) * (max - min + 1));
}

/** The 22 agencies, 22 enterprises and 58 schools of the demo, spread over the communes. */
export function demoInstitutions(): DemoUnitSpec[] {
  const communes = BA_DON_COMMUNES.map((c) => c.code);
  const at = (i: number) => required(communes[i % communes.length], 'communes');
  const specs: DemoUnitSpec[] = [];
  AGENCIES.forEach((name, i) =>
    specs.push({
      code: `CQ-BD-${String(i + 1).padStart(2, '0')}`,
      name,
      type: 'CQ',
      communeCode: i < 8 ? 'QB-BD-BADON' : at(i),
      managingLevel: i === 0 ? 'province' : 'district',
      people: demoNumber(i + 100, 12, 260),
    }),
  );
  ENTERPRISE_TRADES.forEach((trade, i) =>
    specs.push({
      code: `DN-BD-${String(i + 1).padStart(2, '0')}`,
      name: `Công ty Cổ phần ${trade} Ba Đồn`,
      type: 'DN',
      communeCode: at(i + 3),
      managingLevel: 'district',
      enterpriseSize: i % 5 === 0 ? 'large' : 'medium',
      people: demoNumber(i + 200, 40, 400),
    }),
  );
  // 58 schools. Under circular 23/2012 (the rule of 2020 and 2021) primary schools and kindergartens were
  // assessed too, and the article's 58 most likely counts them: the demo has 10 of each. From 2022, under
  // 124/2021, they are excluded (Art. 1(2)(b)) and are not registered.
  BA_DON_COMMUNES.forEach((c, i) => {
    specs.push({
      code: `CSGD-BD-THCS-${i + 1}`,
      name: `Trường THCS ${c.name}`,
      type: 'CSGD',
      communeCode: c.code,
      managingLevel: 'district',
      schoolLevel: 'lower_secondary',
      people: demoNumber(i + 300, 25, 60),
    });
    specs.push({
      code: `CSGD-BD-THCS2-${i + 1}`,
      name: `Trường Tiểu học và THCS ${c.name}`,
      type: 'CSGD',
      communeCode: c.code,
      managingLevel: 'district',
      schoolLevel: 'multi_level',
      people: demoNumber(i + 400, 25, 60),
    });
  });
  for (let i = 0; i < 10; i++) {
    const commune = required(BA_DON_COMMUNES[i], 'BA_DON_COMMUNES');
    specs.push({
      code: `CSGD-BD-TH-${i + 1}`,
      name: `Trường Tiểu học ${commune.name}`,
      type: 'CSGD',
      communeCode: commune.code,
      managingLevel: 'district',
      schoolLevel: 'primary',
      people: demoNumber(i + 500, 20, 50),
    });
    specs.push({
      code: `CSGD-BD-MN-${i + 1}`,
      name: `Trường Mầm non ${commune.name}`,
      type: 'CSGD',
      communeCode: commune.code,
      managingLevel: 'district',
      schoolLevel: 'kindergarten',
      people: demoNumber(i + 550, 15, 40),
    });
  }
  UPPER_SECONDARY.forEach((name, i) =>
    specs.push({
      code: `CSGD-BD-THPT-${i + 1}`,
      name,
      type: 'CSGD',
      communeCode: at(i * 4),
      managingLevel: 'province',
      schoolLevel: 'upper_secondary',
      people: demoNumber(i + 600, 60, 110),
    }),
  );
  specs.push({
    code: 'CSGD-BD-GDNN',
    name: 'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên thị xã Ba Đồn',
    type: 'CSGD',
    communeCode: 'QB-BD-BADON',
    managingLevel: 'district',
    schoolLevel: 'continuing_education',
    people: 45,
  });
  specs.push({
    code: 'CSGD-BD-TCN',
    name: 'Trường Trung cấp Kỹ thuật – Công nghiệp Ba Đồn',
    type: 'CSGD',
    communeCode: 'QB-BD-QTHO',
    managingLevel: 'province',
    schoolLevel: 'vocational',
    people: 70,
  });
  return specs;
}

/**
 * How the demo's units fail, per year: the figures of the article (2021: 15/16 communes, 92/95 villages,
 * all agencies, enterprises and schools) come out of these answers and incidents through the engine.
 */
export const DEMO_FAILURES: Readonly<
  Record<number, ReadonlyArray<{ village: string; index: number; how: 'dispute' | 'pledges' | 'forces' | 'crimes' }>>
> = {
  2020: [
    { village: 'QB-BD-QHOA', index: 2, how: 'pledges' },
    { village: 'QB-BD-QLOC', index: 5, how: 'forces' },
  ],
  // A long-running dispute in Quảng Tiên's village 3 fails the village (KDC-3, item e) and therefore the
  // commune (XA-2: KDC-3 must hold in every village); two households of Quảng Thuận's group 2 did not
  // register (KDC-1); Quảng Minh's village 4's grassroots forces were rated "không hoàn thành nhiệm vụ"
  // (KDC-5). 2020 and 2021 are assessed under 23/2012, whose village criteria (Art. 5) were not found:
  // 124/2021's KDC-1…5 stand in (README, "The demo").
  2021: [
    { village: 'QB-BD-QTIEN', index: 3, how: 'dispute' },
    { village: 'QB-BD-QTHUAN', index: 2, how: 'pledges' },
    { village: 'QB-BD-QMINH', index: 4, how: 'forces' },
  ],
  2022: [{ village: 'QB-BD-QSON', index: 6, how: 'crimes' }],
  2024: [{ village: 'QB-BD-QTRUNG', index: 2, how: 'pledges' }],
  // under the new tree: a village of Nam Gianh (its 9th, formerly Quảng Sơn's 4th) with a land dispute
  2025: [{ village: 'QT-NAMGIANH', index: 9, how: 'dispute' }],
};

export interface DemoModel {
  name: string;
  category: string;
  communeCode: string | null;
  hostUnitCode: string | null;
  startedOn: string;
  stoppedOn: string | null;
  sites: number;
  teams: number;
  isAdvancedExample: boolean;
}

/** 21 models operating at the end of 2021, 4 of them new that year (those the article names); 2 new in 2022. */
export function demoModels(): DemoModel[] {
  const models: DemoModel[] = [
    {
      name: 'Liên kết đảm bảo ANTT Bệnh viện Đa khoa khu vực Bắc Quảng Bình',
      category: 'Liên kết',
      communeCode: 'QB-BD-BADON',
      hostUnitCode: 'CQ-BD-01',
      startedOn: '2021-03-15',
      stoppedOn: null,
      sites: 1,
      teams: 1,
      isAdvancedExample: false,
    },
    {
      name: 'Câu lạc bộ Cựu chiến binh phòng, chống tội phạm',
      category: 'Câu lạc bộ',
      communeCode: 'QB-BD-QPHUC',
      hostUnitCode: 'KDC-QB-BD-QPHUC-1',
      startedOn: '2021-05-19',
      stoppedOn: null,
      sites: 1,
      teams: 1,
      isAdvancedExample: false,
    },
    {
      name: 'Công an xã – Hội đồng mục vụ giáo xứ đảm bảo ANTT',
      category: 'Liên kết',
      communeCode: 'QB-BD-QVAN',
      hostUnitCode: 'KDC-QB-BD-QVAN-1',
      startedOn: '2021-08-19',
      stoppedOn: null,
      sites: 1,
      teams: 1,
      isAdvancedExample: false,
    },
    {
      name: 'Thôn, TDP nói không với pháo',
      category: 'Tự quản',
      communeCode: null,
      hostUnitCode: null,
      startedOn: '2021-01-20',
      stoppedOn: null,
      sites: 95,
      teams: 16,
      isAdvancedExample: true,
    },
  ];
  // Each with the type its name says (the index once picked it: "Tổ hòa giải" came out as patrol and
  // "Tổ tuần tra" as mediation).
  const older: [name: string, category: string][] = [
    ['Tổ tự quản về an ninh, trật tự', 'Tự quản'],
    ['Camera an ninh khu dân cư', 'Tự quản'],
    ['Khu dân cư tự quản về ANTT', 'Tự quản'],
    ['Dòng họ tự quản về ANTT', 'Tự quản'],
    ['Tổ hòa giải ở cơ sở', 'Hòa giải'],
    ['Đội thanh niên xung kích bảo vệ ANTT', 'Tuần tra'],
    ['Tổ liên gia an toàn', 'Liên kết'],
    ['Cụm an ninh liên gia', 'Liên kết'],
    ['Giáo xứ bình yên', 'Tự quản'],
    ['Chợ an toàn về ANTT', 'Tự quản'],
    ['Bến thuyền an toàn', 'Tự quản'],
    ['Tổ tuần tra nhân dân', 'Tuần tra'],
    ['Tiếng kẻng an ninh', 'Tự quản'],
    ['Phụ nữ tham gia giữ gìn ANTT', 'Câu lạc bộ'],
    ['Trường học an toàn, không có ma túy', 'Tự quản'],
    ['Doanh nghiệp tự quản về ANTT', 'Tự quản'],
    ['Ngư dân tham gia bảo vệ an ninh biển', 'Tuần tra'],
  ];
  older.forEach(([name, category], i) => {
    const commune = required(BA_DON_COMMUNES[i % 16], 'BA_DON_COMMUNES');
    models.push({
      name,
      category,
      communeCode: commune.code,
      hostUnitCode: null,
      startedOn: `${2015 + (i % 6)}-0${1 + (i % 9)}-15`,
      stoppedOn: null,
      sites: 1 + (i % 4),
      teams: 1 + (i % 3),
      isAdvancedExample: i % 7 === 0,
    });
  });
  models.push(
    {
      name: 'Tổ bảo vệ an ninh vùng giáp ranh',
      category: 'Tuần tra',
      communeCode: 'QB-BD-QSON',
      hostUnitCode: null,
      startedOn: '2016-04-01',
      stoppedOn: '2020-06-30',
      sites: 2,
      teams: 2,
      isAdvancedExample: false,
    },
    {
      name: 'Zalo an ninh khu phố',
      category: 'Tự quản',
      communeCode: 'QB-BD-QTHO',
      hostUnitCode: null,
      startedOn: '2022-04-10',
      stoppedOn: null,
      sites: 6,
      teams: 6,
      isAdvancedExample: false,
    },
    {
      name: 'Cổng trường an toàn giao thông và trật tự',
      category: 'Liên kết',
      communeCode: 'QB-BD-QLONG',
      hostUnitCode: null,
      startedOn: '2022-09-05',
      stoppedOn: null,
      sites: 3,
      teams: 3,
      isAdvancedExample: false,
    },
  );
  return models;
}

/** The awards of the 2021 review (giấy khen of the provincial police director and of the town chairman). */
export const DEMO_AWARD_ISSUERS = {
  police: 'Giám đốc Công an tỉnh Quảng Bình',
  town: 'Chủ tịch UBND thị xã Ba Đồn',
} as const;

/**
 * The 2025 reorganisation as the demo performs it (through the product's reorganisation operation, on the
 * effective date 1 July 2025, when the two-level local government began):
 * - the province: Quảng Bình and Quảng Trị merged into the province of Quảng Trị (National Assembly resolution
 *   202/2025/QH15 of 12/06/2025). The demo has only Quảng Bình's Ba Đồn, so the former Quảng Trị is an empty
 *   province in it;
 * - the district level ended (the amended Constitution, resolution 203/2025/QH15 of 16/06/2025): Ba Đồn town
 *   is dissolved;
 * - Ba Đồn's 16 communes and wards merged into 4 (resolution 1680/NQ-UBTVQH15 of the Standing Committee of the
 *   National Assembly, 16/06/2025, on Quảng Trị's commune-level units): phường Ba Đồn, phường Bắc Gianh, xã Nam
 *   Gianh and xã Nam Ba Đồn. Found in the public record: the resolution's number and date, the four names, and
 *   that phường Ba Đồn takes xã Quảng Hải and the wards Quảng Phong and others. Not found (the text of the
 *   resolution's article was not available): which former communes form Bắc Gianh, Nam Gianh and Nam Ba Đồn —
 *   the demo's split below is PLAUSIBLE, NOT VERIFIED (README, "The demo"). New area codes are made up.
 */
export const BA_DON_REFORM = {
  effectiveDate: '2025-07-01',
  province: {
    formerCode: 'QT',
    formerName: 'Quảng Trị',
    formerValidFrom: '1989-07-01',
    code: 'QT-2025',
    name: 'Quảng Trị',
    legalBasis: { number: '202/2025/QH15', date: '2025-06-12' },
  },
  districtsEnd: { number: '203/2025/QH15', date: '2025-06-16' },
  communesLegalBasis: { number: '1680/NQ-UBTVQH15', date: '2025-06-16' },
  communes: [
    {
      code: 'QT-BADON',
      name: 'Ba Đồn',
      kind: 'phuong',
      from: ['QB-BD-BADON', 'QB-BD-QLONG', 'QB-BD-QPHONG', 'QB-BD-QHAI'],
    },
    { code: 'QT-BACGIANH', name: 'Bắc Gianh', kind: 'phuong', from: ['QB-BD-QTHO', 'QB-BD-QTHUAN', 'QB-BD-QPHUC'] },
    {
      code: 'QT-NAMGIANH',
      name: 'Nam Gianh',
      kind: 'xa',
      from: ['QB-BD-QMINH', 'QB-BD-QSON', 'QB-BD-QTHUY', 'QB-BD-QTRUNG', 'QB-BD-QTIEN'],
    },
    {
      code: 'QT-NAMBADON',
      name: 'Nam Ba Đồn',
      kind: 'xa',
      from: ['QB-BD-QHOA', 'QB-BD-QLOC', 'QB-BD-QTAN', 'QB-BD-QVAN'],
    },
  ] as ReadonlyArray<{ code: string; name: string; kind: AreaKind; from: readonly string[] }>,
} as const;
