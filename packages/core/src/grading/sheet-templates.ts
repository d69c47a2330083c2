import { DomainError } from '../errors.js';
import type { UnitType } from '../units.js';
import type { DeductionRule, GradingRules, SheetGroup, SheetItem, SheetTemplate } from './grading.schema.js';

// Default 100-point sheets after decision 510/QĐ-BCA-V05 (20 Jan 2022). Only the agency/enterprise items
// that the domain reference lists are marked verified (their points are known); every other item, every
// deduction and the grade bands are ours, marked `verified: false`, for an administrator to correct.

/**
 * The default grading rules, **unverified**: ≥ 90 Xuất sắc, ≥ 70 Khá, ≥ 50 Trung bình, else Yếu; Xuất sắc
 * requires meeting the "An toàn về an ninh, trật tự" standard that year.
 *
 * @example
 * ```ts
 * DEFAULT_GRADING_RULES.bands.map((b) => `${b.grade} ≥ ${b.minimum}`);
 * // ['XUAT_SAC ≥ 90', 'KHA ≥ 70', 'TRUNG_BINH ≥ 50', 'YEU ≥ 0']
 * ```
 */
export const DEFAULT_GRADING_RULES: GradingRules = {
  bands: [
    { grade: 'XUAT_SAC', minimum: 90 },
    { grade: 'KHA', minimum: 70 },
    { grade: 'TRUNG_BINH', minimum: 50 },
    { grade: 'YEU', minimum: 0 },
  ],
  preconditions: [
    {
      grade: 'XUAT_SAC',
      requires: 'standard_met',
      text: {
        vi: 'Để xếp loại Xuất sắc, đơn vị phải đạt tiêu chuẩn "An toàn về an ninh, trật tự" trong năm',
        en: 'To be graded Excellent the unit must meet the "Safe in security and order" standard that year',
      },
      verified: false,
    },
  ],
  verified: false,
};

const LEGAL_BASIS = {
  vi: 'Quyết định 510/QĐ-BCA-V05 ngày 20/01/2022 của Bộ Công an (mẫu mặc định; điểm tối đa từng mục chưa đối chiếu với văn bản gốc, trừ mục ghi đã đối chiếu)',
  en: 'Decision 510/QĐ-BCA-V05 of the Ministry of Public Security (20 Jan 2022) (default sheet; item points unconfirmed unless marked verified)',
};

function item(code: string, maxPoints: number, vi: string, en: string, verified = false): SheetItem {
  return { code, maxPoints, title: { vi, en }, verified };
}

function group(code: string, vi: string, en: string, items: SheetItem[]): SheetGroup {
  return { code, title: { vi, en }, items };
}

function deduction(
  code: string,
  criterionCode: string,
  points: number,
  maxPoints: number,
  vi: string,
  en: string,
): DeductionRule {
  return { code, trigger: { criterionCode }, points, perIncident: true, maxPoints, title: { vi, en }, verified: false };
}

const PROPAGANDA = 'Tuyên truyền, vận động';
const MODELS = 'Xây dựng, nhân rộng mô hình';
const SITUATION = 'Tình hình, kết quả bảo đảm an ninh, trật tự';

/**
 * The default sheet for residential areas (`KDC`). All items unverified.
 *
 * @example
 * ```ts
 * KDC_SHEET_TEMPLATE.groups.map((g) => g.code); // ['I', 'II', 'III', 'IV']
 * ```
 */
export const KDC_SHEET_TEMPLATE: SheetTemplate = {
  id: 'kdc-510-2022',
  title: { vi: 'Phiếu chấm điểm phong trào ở khu dân cư', en: 'Movement score sheet: residential area' },
  legalBasis: LEGAL_BASIS,
  unitTypes: ['KDC'],
  groups: [
    group('I', 'Lãnh đạo, chỉ đạo, tổ chức thực hiện', 'Leadership and organisation', [
      item(
        'I.1',
        5,
        'Nghị quyết của chi bộ, đăng ký và cam kết của hộ gia đình trong quý I',
        'Q1 party-cell resolution, registration and household pledges',
      ),
      item('I.2', 5, 'Kế hoạch, sơ kết, tổng kết và chế độ báo cáo', 'Plan, reviews and reporting discipline'),
      item('I.3', 5, 'Kiện toàn và duy trì hoạt động của lực lượng nòng cốt', 'Grassroots forces organised and active'),
    ]),
    group('II', PROPAGANDA, 'Propaganda and mobilisation', [
      item(
        'II.1',
        10,
        'Tuyên truyền chủ trương, chính sách, pháp luật đến người dân',
        'Policy and law brought to residents',
      ),
      item(
        'II.2',
        10,
        'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) và các đợt cao điểm',
        'The 19 August festival and themed campaigns',
      ),
    ]),
    group('III', MODELS, 'Movement models', [
      item(
        'III.1',
        10,
        'Xây dựng, duy trì mô hình tự phòng, tự quản, tự bảo vệ hiệu quả',
        'Effective self-managed security models',
      ),
      item('III.2', 5, 'Phát hiện, nhân rộng điển hình tiên tiến', 'Advanced examples found and replicated'),
      item('III.3', 5, 'Nhân dân cung cấp tin báo, tố giác tội phạm', 'Residents give tip-offs on crime'),
    ]),
    group('IV', SITUATION, 'Security and order results', [
      item('IV.1', 15, 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự', 'No serious security or order incident'),
      item('IV.2', 15, 'Kiềm chế, làm giảm tội phạm, tệ nạn xã hội', 'Crime and social evils contained and reduced'),
      item('IV.3', 10, 'Hoà giải mâu thuẫn, tranh chấp ngay tại cơ sở', 'Disputes mediated at the grassroots'),
      item(
        'IV.4',
        5,
        'Quản lý, giáo dục người vi phạm pháp luật tại cộng đồng',
        'Offenders managed and educated in the community',
      ),
    ]),
  ],
  deductions: [deduction('D1', 'KDC-3', 10, 20, 'Xảy ra vụ việc thuộc tiêu chí KDC-3', 'An incident under KDC-3')],
  rules: DEFAULT_GRADING_RULES,
};

/**
 * The default sheet for communes (`XA`). All items unverified.
 *
 * @example
 * ```ts
 * XA_SHEET_TEMPLATE.deductions[0]?.trigger.criterionCode; // 'XA-3'
 * ```
 */
export const XA_SHEET_TEMPLATE: SheetTemplate = {
  id: 'xa-510-2022',
  title: { vi: 'Phiếu chấm điểm phong trào ở xã, phường, thị trấn', en: 'Movement score sheet: commune' },
  legalBasis: LEGAL_BASIS,
  unitTypes: ['XA'],
  groups: [
    group('I', 'Lãnh đạo, chỉ đạo, tổ chức thực hiện', 'Leadership and organisation', [
      item(
        'I.1',
        8,
        'Nghị quyết của cấp uỷ, kế hoạch của Uỷ ban nhân dân và đăng ký trong quý I',
        'Q1 resolution, plan and registration',
      ),
      item('I.2', 6, 'Sơ kết, tổng kết và chế độ báo cáo', 'Reviews and reporting discipline'),
      item('I.3', 6, 'Hoạt động của Ban chỉ đạo', 'Work of the steering committee'),
    ]),
    group('II', PROPAGANDA, 'Propaganda and mobilisation', [
      item('II.1', 7, 'Tuyên truyền chủ trương, chính sách, pháp luật', 'Policy and law brought to the people'),
      item(
        'II.2',
        8,
        'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) và các đợt cao điểm',
        'The 19 August festival and themed campaigns',
      ),
    ]),
    group('III', MODELS, 'Movement models', [
      item(
        'III.1',
        10,
        'Có ít nhất một mô hình phong trào hoạt động hiệu quả',
        'At least one effective movement model',
      ),
      item('III.2', 5, 'Điển hình tiên tiến được phát hiện, khen thưởng', 'Advanced examples found and rewarded'),
      item('III.3', 5, 'Lực lượng nòng cốt hoạt động hiệu quả', 'Grassroots forces effective'),
    ]),
    group('IV', SITUATION, 'Security and order results', [
      item(
        'IV.1',
        15,
        'Tỷ lệ khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn',
        'Share of managed units meeting the standard',
      ),
      item('IV.2', 15, 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự', 'No serious security or order incident'),
      item('IV.3', 10, 'Kiềm chế, làm giảm tội phạm, tệ nạn xã hội', 'Crime and social evils contained and reduced'),
      item('IV.4', 5, 'Không có cán bộ, chiến sĩ Công an xã bị kỷ luật', 'No commune police member disciplined'),
    ]),
  ],
  deductions: [
    deduction('D1', 'XA-3', 5, 10, 'Cán bộ, chiến sĩ Công an xã bị kỷ luật', 'A commune police member disciplined'),
  ],
  rules: DEFAULT_GRADING_RULES,
};

/**
 * The one sheet of decision 510/QĐ-BCA-V05 Art. 7 for agencies, enterprises **and** education institutions
 * (`CQ`, `DN`, `CSGD`). The items the domain reference knows are verified: the Q1 resolution, plan, reviews
 * and reporting discipline (3 points); propaganda reaching ≥ 90 % of staff (3); the 19 August festival and
 * themed campaigns (5); a coordination regulation with the local government and police (1). The rest is
 * ours, unverified. Deductions follow the disqualifying criteria of 124/2021: CQDN-3, CSGD-3, CSGD-4.
 *
 * @example
 * ```ts
 * CQDN_SHEET_TEMPLATE.unitTypes; // ['CQ', 'DN', 'CSGD']
 * CQDN_SHEET_TEMPLATE.groups.flatMap((g) => g.items).filter((i) => i.verified).map((i) => i.maxPoints); // [3, 3, 5, 1]
 * ```
 */
export const CQDN_SHEET_TEMPLATE: SheetTemplate = {
  id: 'cqdn-510-2022',
  title: {
    vi: 'Phiếu chấm điểm phong trào ở cơ quan, doanh nghiệp, cơ sở giáo dục',
    en: 'Movement score sheet: agency, enterprise or education institution',
  },
  legalBasis: { vi: `${LEGAL_BASIS.vi}, Điều 7`, en: `${LEGAL_BASIS.en}, Art. 7` },
  unitTypes: ['CQ', 'DN', 'CSGD'],
  groups: [
    group('I', 'Lãnh đạo, chỉ đạo, tổ chức thực hiện', 'Leadership and organisation', [
      item(
        'I.1',
        3,
        'Nghị quyết quý I, kế hoạch, sơ kết, tổng kết và chế độ báo cáo',
        'Q1 resolution, plan, reviews and reporting discipline',
        true,
      ),
      item(
        'I.2',
        7,
        'Nội quy, quy chế bảo vệ cơ quan, doanh nghiệp, bí mật nhà nước, phòng cháy, chữa cháy',
        'Internal rules: protection, state secrets, fire safety',
      ),
    ]),
    group('II', PROPAGANDA, 'Propaganda and mobilisation', [
      item(
        'II.1',
        3,
        'Tuyên truyền đến ít nhất 90% cán bộ, công nhân viên',
        'Propaganda reaching at least 90 % of staff',
        true,
      ),
      item(
        'II.2',
        5,
        'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) và các đợt vận động theo chủ đề',
        'The 19 August festival and themed campaigns',
        true,
      ),
      item('II.3', 7, 'Các hình thức tuyên truyền khác', 'Other propaganda'),
    ]),
    group('III', 'Phối hợp', 'Coordination', [
      item(
        'III.1',
        1,
        'Có quy chế phối hợp với chính quyền và Công an địa phương',
        'A coordination regulation with the local government and police',
        true,
      ),
      item('III.2', 14, 'Thực hiện quy chế phối hợp', 'Coordination carried out'),
    ]),
    group('IV', MODELS, 'Movement models', [
      item('IV.1', 12, 'Duy trì mô hình phong trào hoạt động hiệu quả', 'An effective movement model kept'),
      item(
        'IV.2',
        8,
        'Lực lượng bảo vệ cơ quan, doanh nghiệp hoạt động hiệu quả',
        'The unit’s security force is effective',
      ),
    ]),
    group('V', SITUATION, 'Security and order results', [
      item('V.1', 20, 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự', 'No serious security or order incident'),
      item('V.2', 10, 'Cán bộ, công nhân viên chấp hành tốt pháp luật', 'Staff abide by the law'),
      item(
        'V.3',
        10,
        'Không để xảy ra cháy, nổ, tai nạn lao động nghiêm trọng',
        'No serious fire, explosion or labour accident',
      ),
    ]),
  ],
  deductions: [
    deduction('D1', 'CQDN-3', 10, 20, 'Xảy ra vụ việc thuộc tiêu chí CQDN-3', 'An incident under CQDN-3'),
    deduction('D2', 'CSGD-3', 10, 20, 'Xảy ra vụ việc thuộc tiêu chí CSGD-3', 'An incident under CSGD-3'),
    deduction(
      'D3',
      'CSGD-4',
      10,
      20,
      'Xảy ra bạo lực học đường hoặc vụ việc thuộc tiêu chí CSGD-4',
      'School violence or another incident under CSGD-4',
    ),
  ],
  rules: DEFAULT_GRADING_RULES,
};

/**
 * **Retired**: the separate sheet for education institutions the product used before decision 510 Art. 7
 * was read (it has one sheet for agencies, enterprises and schools: {@link CQDN_SHEET_TEMPLATE}). Kept so
 * that sheets stored with it still open and grade; new sheets of schools use the common one. Its deductions
 * name the criteria codes of that time.
 *
 * @example
 * ```ts
 * CSGD_SHEET_TEMPLATE.deductions.map((d) => d.trigger.criterionCode); // ['CSGD-4', 'CSGD-5']
 * findSheetTemplateForType('CSGD')?.id; // 'cqdn-510-2022'
 * findSheetTemplate('csgd-510-2022')?.id; // 'csgd-510-2022' (still found by id)
 * ```
 */
export const CSGD_SHEET_TEMPLATE: SheetTemplate = {
  id: 'csgd-510-2022',
  title: { vi: 'Phiếu chấm điểm phong trào ở cơ sở giáo dục', en: 'Movement score sheet: education institution' },
  legalBasis: LEGAL_BASIS,
  unitTypes: ['CSGD'],
  groups: [
    group('I', 'Lãnh đạo, chỉ đạo, tổ chức thực hiện', 'Leadership and organisation', [
      item('I.1', 8, 'Đăng ký và kế hoạch bảo đảm an ninh, trật tự trong quý I', 'Q1 registration and security plan'),
      item('I.2', 7, 'Sơ kết, tổng kết và chế độ báo cáo', 'Reviews and reporting discipline'),
    ]),
    group('II', 'Tuyên truyền, giáo dục', 'Propaganda and education', [
      item('II.1', 10, 'Tuyên truyền, giáo dục pháp luật cho học sinh, sinh viên', 'Legal education of students'),
      item(
        'II.2',
        5,
        'Hưởng ứng Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) và các đợt cao điểm',
        'The 19 August festival and themed campaigns',
      ),
      item(
        'II.3',
        10,
        'Phối hợp với Ban đại diện cha mẹ học sinh, gia đình quản lý học sinh',
        "Coordination with the parents' association on managing students",
      ),
    ]),
    group('III', MODELS, 'Movement models', [
      item('III.1', 12, 'Mô hình phong trào hoạt động hiệu quả', 'An effective movement model'),
      item('III.2', 8, 'Lực lượng bảo vệ nhà trường hoạt động hiệu quả', 'The school’s security force is effective'),
    ]),
    group('IV', SITUATION, 'Security and order results', [
      item(
        'IV.1',
        15,
        'Không để xảy ra vụ việc về an ninh, kích động, truyền đạo trái pháp luật',
        'No security incident, incitement or illegal religion',
      ),
      item('IV.2', 15, 'Không để xảy ra bạo lực học đường', 'No school violence'),
      item(
        'IV.3',
        10,
        'Cán bộ, giáo viên, nhân viên thực hiện tốt nhiệm vụ bảo đảm an ninh, trật tự',
        'Staff carry out their security tasks well',
      ),
    ]),
  ],
  deductions: [
    deduction('D1', 'CSGD-4', 10, 20, 'Xảy ra vụ việc thuộc tiêu chí CSGD-4', 'An incident under CSGD-4'),
    deduction('D2', 'CSGD-5', 10, 20, 'Xảy ra vụ bạo lực học đường', 'A case of school violence'),
  ],
  rules: DEFAULT_GRADING_RULES,
};

/**
 * The default sheet templates of decision 510: villages, communes, and one for agencies, enterprises and
 * education institutions (Art. 7).
 *
 * @example
 * ```ts
 * DEFAULT_SHEET_TEMPLATES.map((t) => t.id); // ['kdc-510-2022', 'xa-510-2022', 'cqdn-510-2022']
 * ```
 */
export const DEFAULT_SHEET_TEMPLATES: readonly SheetTemplate[] = [
  KDC_SHEET_TEMPLATE,
  XA_SHEET_TEMPLATE,
  CQDN_SHEET_TEMPLATE,
];

/**
 * Templates no longer offered for new sheets but still found by id, so stored sheets keep working.
 *
 * @example
 * ```ts
 * RETIRED_SHEET_TEMPLATES.map((t) => t.id); // ['csgd-510-2022']
 * ```
 */
export const RETIRED_SHEET_TEMPLATES: readonly SheetTemplate[] = [CSGD_SHEET_TEMPLATE];

const ALL_SHEET_TEMPLATES: readonly SheetTemplate[] = [...DEFAULT_SHEET_TEMPLATES, ...RETIRED_SHEET_TEMPLATES];

/**
 * Finds a sheet template by id (retired ones included), or `undefined`.
 *
 * @example
 * ```ts
 * findSheetTemplate('xa-510-2022')?.unitTypes; // ['XA']
 * ```
 */
export function findSheetTemplate(
  id: string,
  templates: readonly SheetTemplate[] = ALL_SHEET_TEMPLATES,
): SheetTemplate | undefined {
  return templates.find((t) => t.id === id);
}

/**
 * Gets a sheet template by id; throws `DomainError('NOT_FOUND')` when there is none.
 *
 * @example
 * ```ts
 * getSheetTemplate('cqdn-510-2022').unitTypes; // ['CQ', 'DN', 'CSGD']
 * ```
 */
export function getSheetTemplate(id: string, templates: readonly SheetTemplate[] = ALL_SHEET_TEMPLATES): SheetTemplate {
  const template = findSheetTemplate(id, templates);
  if (!template) {
    throw new DomainError('NOT_FOUND', { vi: `Không có mẫu phiếu chấm điểm ${id}`, en: `No sheet template ${id}` });
  }
  return template;
}

/**
 * Finds the first template that applies to a unit type, or `undefined`.
 *
 * @example
 * ```ts
 * findSheetTemplateForType('DN')?.id; // 'cqdn-510-2022'
 * ```
 */
export function findSheetTemplateForType(
  type: UnitType,
  templates: readonly SheetTemplate[] = DEFAULT_SHEET_TEMPLATES,
): SheetTemplate | undefined {
  return templates.find((t) => t.unitTypes.includes(type));
}
