import type { AnnualReportData } from '@antoan/api/http';
import {
  AWARD_KIND_LABELS,
  GRADE_LABELS,
  GRADES,
  INCIDENT_EXCEPTION_LABELS,
  UNIT_TYPE_LABELS,
  type UnitType,
} from '@antoan/core';

// The printed annual report: an HTML page laid out like a Vietnamese administrative document (decree
// 30/2020/NĐ-CP): the issuing body at left, the national motto at right, number, place and date, title,
// body with the figures table, models and awards, and the signature block. No script (the CSP forbids
// inline scripts, and none is needed); inline styles are allowed by the CSP. Every value is escaped.

export type ReportLanguage = 'vi' | 'en';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const TYPE_ORDER: readonly UnitType[] = ['XA', 'KDC', 'CQ', 'DN', 'CSGD'];

const TEXT = {
  vi: {
    republic: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: 'Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC',
    title: 'BÁO CÁO',
    subtitle: (year: number) => `Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc năm ${year}`,
    section1: 'I. KẾT QUẢ XÂY DỰNG TIÊU CHUẨN "AN TOÀN VỀ AN NINH, TRẬT TỰ"',
    failedTitle: 'II. CÁC ĐƠN VỊ CHƯA ĐẠT VÀ LÝ DO',
    failedText: (n: number) =>
      n === 0
        ? 'Không có đơn vị nào chưa đạt tiêu chuẩn.'
        : `Có ${n} đơn vị đã đăng ký xây dựng nhưng chưa đạt tiêu chuẩn. Lý do ghi dưới đây là các vụ việc đã ghi nhận trong kỳ đánh giá; chi tiết từng tiêu chí xem bảng xuất Excel "Đánh giá".`,
    failedColumns: ['STT', 'Đơn vị', 'Loại', 'Địa bàn', 'Xếp loại', 'Lý do (vụ việc trong kỳ)'],
    noIncidentReason: 'Không có vụ việc trong kỳ; chưa đạt tiêu chí khác (xem hồ sơ đánh giá).',
    moreUnits: (n: number) => `… và ${n} đơn vị khác (xem bảng xuất Excel "Đơn vị").`,
    gradesTitle: 'III. XẾP LOẠI',
    gradesText: (n: number) =>
      n === 0 ? 'Chưa có đơn vị nào được chấm điểm xếp loại.' : `Có ${n} đơn vị được chấm điểm xếp loại:`,
    gradeColumns: ['STT', 'Loại đơn vị', 'Xuất sắc', 'Khá', 'Trung bình', 'Yếu', 'Cộng'],
    incidentsTitle: 'IV. VỤ VIỆC VỀ AN NINH, TRẬT TỰ',
    incidentsText: (n: number) =>
      n === 0 ? 'Trong kỳ đánh giá không ghi nhận vụ việc nào.' : `Trong kỳ đánh giá ghi nhận ${n} vụ việc:`,
    incidentColumns: ['STT', 'Ngày', 'Đơn vị', 'Địa bàn', 'Tiêu chí', 'Nội dung', 'Ngoại lệ'],
    moreIncidents: (n: number) => `… và ${n} vụ việc khác.`,
    section2: 'V. MÔ HÌNH PHONG TRÀO',
    section3: 'VI. KHEN THƯỞNG',
    columns: ['STT', 'Loại đơn vị', 'Tổng số', 'Thuộc diện xét', 'Đã đăng ký', 'Đạt', 'Đạt/thuộc diện', 'Tỷ lệ'],
    total: 'Tổng cộng',
    modelColumns: ['STT', 'Tên mô hình', 'Địa bàn', 'Đơn vị chủ trì', 'Bắt đầu', 'Số điểm', 'Số tổ, đội'],
    awardColumns: ['STT', 'Hình thức', 'Tập thể, cá nhân', 'Cấp khen', 'Số, ngày quyết định'],
    recipients: 'Nơi nhận:',
    recipientLines: [
      '- Như trên;',
      '- Lãnh đạo Công an cấp trên (để báo cáo);',
      '- Ban Chỉ đạo 138 (để biết);',
      '- Lưu: VT, hồ sơ phong trào.',
    ],
    signHint: '(Ký, ghi rõ họ tên, đóng dấu)',
    signName: 'Họ và tên người ký',
    more: (n: number) => `… và ${n} mục khác (xem bảng xuất Excel).`,
    none: 'Không có.',
    printHint: 'Bấm Ctrl+P (⌘P) để in hoặc lưu PDF. Khổ A4.',
    back: '← Về trang quản trị',
    catalogue: 'Tiêu chuẩn áp dụng',
  },
  en: {
    republic: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    number: 'No.:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC',
    title: 'REPORT',
    subtitle: (year: number) => `Results of the movement "All People Protect National Security" in ${year}`,
    section1: 'I. THE STANDARD "SAFE IN SECURITY AND ORDER"',
    failedTitle: 'II. UNITS THAT DID NOT MEET THE STANDARD, AND WHY',
    failedText: (n: number) =>
      n === 0
        ? 'No unit failed the standard.'
        : `${n} registered units did not meet the standard. The reasons below are the incidents recorded in their evaluation window; see the "Assessments" Excel export for each criterion.`,
    failedColumns: ['No.', 'Unit', 'Type', 'Area', 'Grade', 'Reason (incidents in the window)'],
    noIncidentReason: 'No incident in the window; another criterion was not met (see the file).',
    moreUnits: (n: number) => `… and ${n} more units (see the "Units" Excel export).`,
    gradesTitle: 'III. GRADES',
    gradesText: (n: number) => (n === 0 ? 'No unit has been graded.' : `${n} units were graded:`),
    gradeColumns: ['No.', 'Unit type', 'Excellent', 'Good', 'Average', 'Weak', 'Total'],
    incidentsTitle: 'IV. SECURITY AND ORDER INCIDENTS',
    incidentsText: (n: number) =>
      n === 0 ? 'No incident was recorded in the evaluation window.' : `${n} incidents were recorded:`,
    incidentColumns: ['No.', 'Date', 'Unit', 'Area', 'Criterion', 'Description', 'Exception'],
    moreIncidents: (n: number) => `… and ${n} more incidents.`,
    section2: 'V. MOVEMENT MODELS',
    section3: 'VI. AWARDS',
    columns: ['No.', 'Unit type', 'Total', 'Eligible', 'Registered', 'Met', 'Met/eligible', 'Rate'],
    total: 'Total',
    modelColumns: ['No.', 'Model', 'Area', 'Host unit', 'Started', 'Sites', 'Teams'],
    awardColumns: ['No.', 'Kind', 'Recipient', 'Issued by', 'Decision'],
    recipients: 'Recipients:',
    recipientLines: [
      '- As above;',
      '- Police leadership of the level above (to report);',
      '- Steering committee 138 (for information);',
      '- Archive.',
    ],
    signHint: '(Signature, full name, seal)',
    signName: 'Name of the signatory',
    more: (n: number) => `… and ${n} more (see the Excel export).`,
    none: 'None.',
    printHint: 'Press Ctrl+P (⌘P) to print or save as PDF. A4 paper.',
    back: '← Back to the admin',
    catalogue: 'Standard applied',
  },
} as const;

/** "Ba Đồn, ngày 05 tháng 01 năm 2022": day below 10 and months 1–2 take a leading zero (decree 30/2020). */
export function placeAndDate(place: string, isoDate: string, language: ReportLanguage): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (language === 'en') return `${place}, ${isoDate}`;
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

function formatDate(iso: string, language: ReportLanguage): string {
  return language === 'vi' ? iso.split('-').reverse().join('/') : iso;
}

function percent(value: number | undefined, language: ReportLanguage): string {
  if (value === undefined) return '—';
  const text = (Math.round(value * 10000) / 100).toFixed(2);
  return `${language === 'vi' ? text.replace('.', ',') : text}%`;
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html { background: #e9ecef; }
body { margin: 0; font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; color: #000; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.toolbar { width: 210mm; margin: 8mm auto 0; font-family: system-ui, sans-serif; font-size: 11pt; color: #333; display: flex; justify-content: space-between; }
.toolbar a { color: #1c5fb8; }
.header { width: 100%; border-collapse: collapse; }
.header td { vertical-align: top; text-align: center; padding: 0 2mm; border: 0; font-size: 11pt; }
.header td div { white-space: nowrap; }
.header .left { width: 40%; }
.header .right { width: 60%; }
.upper { text-transform: uppercase; }
.rule { width: 35%; margin: 2px auto 6px; border-top: 1px solid #000; }
.rule.wide { width: 62%; }
.number { margin-top: 4px; }
.date { text-align: right; font-style: italic; margin: 6px 0 18px; }
h1 { font-size: 14pt; text-align: center; margin: 12px 0 0; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 6px; }
h2 { font-size: 13pt; margin: 16px 0 6px; }
p { text-align: justify; margin: 0 0 6px; text-indent: 1cm; }
table.data { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 12pt; }
table.data th, table.data td { border: 1px solid #000; padding: 3px 5px; }
table.data th { font-weight: bold; text-align: center; }
table.data td.n { text-align: right; white-space: nowrap; }
table.data td.c { text-align: center; }
table.data tr.total td { font-weight: bold; }
table.figures td:nth-child(2) { width: 34%; }
table.failed td:nth-child(6), table.incidents td:nth-child(6) { width: 42%; }
table.incidents td:nth-child(2) { white-space: nowrap; }
thead { display: table-header-group; }
tr, td, th { page-break-inside: avoid; break-inside: avoid; }
.signature { width: 100%; border-collapse: collapse; margin-top: 18px; page-break-inside: avoid; break-inside: avoid; }
.signature td { vertical-align: top; border: 0; padding: 0; }
.recipients { width: 45%; font-size: 11pt; }
.recipients b { font-size: 12pt; font-style: italic; }
.sign { width: 55%; text-align: center; }
.sign .space { height: 28mm; }
.muted { color: #444; font-style: italic; }
@media print {
  html { background: #fff; }
  .toolbar { display: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;

/** The whole report as an HTML document. */
export function renderAnnualReport(data: AnnualReportData, language: ReportLanguage): string {
  const t = TEXT[language];
  const s = data.summary;
  const e = escapeHtml;
  const rows = TYPE_ORDER.map((type, i) => {
    const u = s.units.byType[type];
    return `<tr><td class="c">${i + 1}</td><td>${e(UNIT_TYPE_LABELS[type][language])}</td><td class="n">${u.total}</td><td class="n">${u.eligible}</td><td class="n">${u.registered}</td><td class="n">${u.recognised}</td><td class="c">${e(u.recognitionRate?.text ?? '—')}</td><td class="n">${percent(u.recognitionRate?.value, language)}</td></tr>`;
  }).join('');
  const all = s.units.all;
  const totalRow = `<tr class="total"><td></td><td>${e(t.total)}</td><td class="n">${all.total}</td><td class="n">${all.eligible}</td><td class="n">${all.registered}</td><td class="n">${all.recognised}</td><td class="c">${e(all.recognitionRate?.text ?? '—')}</td><td class="n">${percent(all.recognitionRate?.value, language)}</td></tr>`;
  const rate = (type: UnitType) => s.units.byType[type].recognitionRate?.text ?? '—';
  const summaryText =
    language === 'vi'
      ? `Năm ${data.year}, trên địa bàn ${e(data.areaInText)} có ${e(rate('XA'))} xã, phường, thị trấn; ${e(rate('KDC'))} khu dân cư; ${e(rate('CQ'))} cơ quan; ${e(rate('DN'))} doanh nghiệp và ${e(rate('CSGD'))} cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự".`
      : `In ${data.year}, in ${e(data.areaLabel)}, ${e(rate('XA'))} communes, ${e(rate('KDC'))} residential areas, ${e(rate('CQ'))} agencies, ${e(rate('DN'))} enterprises and ${e(rate('CSGD'))} education institutions met the standard "Safe in security and order".`;
  const modelText =
    language === 'vi'
      ? `Toàn địa bàn có ${s.models.operating} mô hình phong trào đang hoạt động (trong đó ${s.models.newInYear} mô hình mới xây dựng trong năm), ${s.models.sites} điểm nhân rộng, ${s.models.teams} tổ, đội; ${s.models.advancedExamples} điển hình tiên tiến.`
      : `${s.models.operating} movement models operate (${s.models.newInYear} new this year), at ${s.models.sites} sites with ${s.models.teams} teams; ${s.models.advancedExamples} advanced examples.`;
  const modelRows = data.models.items
    .map(
      (m, i) =>
        `<tr><td class="c">${i + 1}</td><td>${e(m.name)}</td><td>${e(m.areaName)}</td><td>${e(m.hostName)}</td><td class="c">${e(formatDate(m.startedOn, language))}</td><td class="n">${m.sites}</td><td class="n">${m.teams}</td></tr>`,
    )
    .join('');
  const awardText =
    language === 'vi'
      ? `Trong năm có ${s.awards.total} lượt khen thưởng (${s.awards.byKind.bang_khen} bằng khen, ${s.awards.byKind.giay_khen} giấy khen), trong đó ${s.awards.collective} tập thể và ${s.awards.individual} cá nhân: ${s.awards.byIssuer.map((i) => `${e(i.issuer)} ${i.total}`).join('; ') || 'không có'}.`
      : `${s.awards.total} awards this year (${s.awards.byKind.bang_khen} certificates of honour, ${s.awards.byKind.giay_khen} certificates of merit), ${s.awards.collective} to collectives and ${s.awards.individual} to individuals: ${s.awards.byIssuer.map((i) => `${e(i.issuer)} ${i.total}`).join('; ') || 'none'}.`;
  const awardRows = data.awards.items
    .map(
      (a, i) =>
        `<tr><td class="c">${i + 1}</td><td>${e(language === 'vi' ? a.kindLabel : AWARD_KIND_LABELS[a.kind].en)}</td><td>${e(a.recipientName)}</td><td>${e(a.issuer)}</td><td>${e(a.decisionNumber)}, ${e(formatDate(a.decisionDate, language))}</td></tr>`,
    )
    .join('');
  const criterionOf = (i: { criterionCode: string; item: string | null }) =>
    i.item ? `${i.criterionCode} ${i.item}` : i.criterionCode;
  const failedRows = data.failed.items
    .map((u, i) => {
      const reasons =
        u.incidents.length === 0
          ? e(t.noIncidentReason)
          : u.incidents
              .map(
                (x) =>
                  `${e(formatDate(x.occurredOn, language))} (${e(criterionOf(x))}): ${e(x.description)}${x.exception ? ` — ${e(INCIDENT_EXCEPTION_LABELS[x.exception][language])}` : ''}`,
              )
              .join('<br>');
      return `<tr><td class="c">${i + 1}</td><td>${e(u.name)}</td><td>${e(UNIT_TYPE_LABELS[u.unitType][language])}</td><td>${e(u.areaName)}</td><td class="c">${e(u.grade ? GRADE_LABELS[u.grade][language] : '—')}</td><td>${reasons}</td></tr>`;
    })
    .join('');
  const gradeRows = TYPE_ORDER.map((type, i) => {
    const g = s.grades.byType[type];
    const sum = GRADES.reduce((n, grade) => n + g[grade], 0);
    return `<tr><td class="c">${i + 1}</td><td>${e(UNIT_TYPE_LABELS[type][language])}</td>${GRADES.map((grade) => `<td class="n">${g[grade]}</td>`).join('')}<td class="n">${sum}</td></tr>`;
  }).join('');
  const gradeTotal = `<tr class="total"><td></td><td>${e(t.total)}</td>${GRADES.map((grade) => `<td class="n">${s.grades.all[grade]}</td>`).join('')}<td class="n">${s.grades.total}</td></tr>`;
  const incidentRows = data.incidents.items
    .map(
      (x, i) =>
        `<tr><td class="c">${i + 1}</td><td class="c">${e(formatDate(x.occurredOn, language))}</td><td>${e(x.unitName)}</td><td>${e(x.areaName)}</td><td class="c">${e(criterionOf(x))}</td><td>${e(x.description)}</td><td>${e(x.exception ? INCIDENT_EXCEPTION_LABELS[x.exception][language] : '')}</td></tr>`,
    )
    .join('');
  const table = (columns: readonly string[], body: string, empty: boolean, kind = '') =>
    empty
      ? `<p class="muted">${e(t.none)}</p>`
      : `<table class="data ${kind}"><thead><tr>${columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
  const more = (shown: number, total: number, text: (n: number) => string = t.more) =>
    total > shown ? `<p class="muted">${e(text(total - shown))}</p>` : '';

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(`${t.title} ${t.subtitle(data.year)} - ${data.areaLabel}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav class="toolbar"><span>${e(t.printHint)}</span><a href="/">${e(t.back)}</a></nav>
<main class="sheet">
<table class="header"><tr>
<td class="left">${data.issuer.superior ? `<div class="upper">${e(data.issuer.superior)}</div>` : ''}<div class="upper"><b>${e(data.issuer.body)}</b></div><div class="rule"></div><div class="number">${t.number}</div></td>
<td class="right"><div><b>${e(t.republic)}</b></div><div><b>${e(t.motto)}</b></div><div class="rule wide"></div></td>
</tr></table>
<div class="date">${e(placeAndDate(data.place, data.date, language))}</div>
<h1>${e(t.title)}</h1>
<div class="subtitle">${e(t.subtitle(data.year))}</div>
<div class="rule"></div>
<h2>${e(t.section1)}</h2>
<p>${summaryText}</p>
${table(t.columns, rows + totalRow, false, 'figures')}
<p class="muted">${e(t.catalogue)}: ${e(s.catalogue.title[language])}.</p>
<h2>${e(t.failedTitle)}</h2>
<p>${e(t.failedText(data.failed.total))}</p>
${data.failed.total === 0 ? '' : table(t.failedColumns, failedRows, false, 'failed')}
${more(data.failed.items.length, data.failed.total, t.moreUnits)}
<h2>${e(t.gradesTitle)}</h2>
<p>${e(t.gradesText(s.grades.total))}</p>
${s.grades.total === 0 ? '' : table(t.gradeColumns, gradeRows + gradeTotal, false, 'grades')}
<h2>${e(t.incidentsTitle)}</h2>
<p>${e(t.incidentsText(data.incidents.total))}</p>
${data.incidents.total === 0 ? '' : table(t.incidentColumns, incidentRows, false, 'incidents')}
${more(data.incidents.items.length, data.incidents.total, t.moreIncidents)}
<h2>${e(t.section2)}</h2>
<p>${modelText}</p>
${table(t.modelColumns, modelRows, data.models.items.length === 0)}
${more(data.models.items.length, data.models.total)}
<h2>${e(t.section3)}</h2>
<p>${awardText}</p>
${table(t.awardColumns, awardRows, data.awards.items.length === 0)}
${more(data.awards.items.length, data.awards.total)}
<table class="signature"><tr>
<td class="recipients"><b>${e(t.recipients)}</b>${t.recipientLines.map((l) => `<div>${e(l)}</div>`).join('')}</td>
<td class="sign"><div><b>${e(data.signerTitle[language])}</b></div><div class="muted">${e(t.signHint)}</div><div class="space"></div><div><b>${e(t.signName)}</b></div></td>
</tr></table>
</main>
</body>
</html>
`;
}
