"""The debrief page's stylesheet (inline in the HTML; screen and print)."""

CSS = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--soft:#f5f7fa;--accent:#2b6cb0;
--good:#2f855a;--bad:#c53030;--amber:#b7791f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f4;color:var(--ink);
font:15px/1.5 "Source Sans 3","Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 32px 48px;background:#fff;
box-shadow:0 0 0 1px var(--line),0 8px 30px rgba(31,41,51,.06)}
header.top{border-bottom:4px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
h1{font-size:30px;line-height:1.15;margin:0 0 4px}
h1 small{display:block;font-size:15px;font-weight:600;color:var(--accent);letter-spacing:.08em;
text-transform:uppercase;margin-bottom:4px}
.sub{color:var(--muted);margin:0}
h2{font-size:23px;margin:34px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
h3{font-size:17px;margin:24px 0 6px;color:#323f4b}
p.note{color:var(--muted);font-size:13.5px;margin:2px 0 10px}
nav.toc{font-size:14px;color:var(--muted)}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:12px}
.warn{background:#fffaf0;border:1px solid #f6d58e;border-left:5px solid var(--amber);
padding:10px 14px;border-radius:6px;margin:12px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:10px;margin:12px 0}
.card{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .k{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.card .v{font-size:17px;font-weight:600;margin-top:2px}
.card.good{border-left:5px solid var(--good)}.card.bad{border-left:5px solid var(--bad)}
table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:13.5px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;color:#323f4b}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.best{font-weight:700}
td.chosen,td.chosen.best{background:#e6f4ea}
tr.hl td{background:#f0f7ff}
.matrix table{font-size:12px}
.matrix th.n{white-space:normal;overflow-wrap:anywhere;hyphens:auto;vertical-align:bottom;
font-size:11px;padding:4px 2px}
.matrix td.n{padding:4px 3px}
.matrix td:first-child,.matrix th:first-child{width:24%;overflow-wrap:anywhere}
.ok{color:var(--good);font-weight:600}.no{color:var(--bad);font-weight:600}
.tag{display:inline-block;font-size:11.5px;padding:0 6px;border-radius:9px;background:#e2e8f0;
color:#334e68;margin-left:4px;vertical-align:1px}
.tag.veto{background:#fde8e8;color:#9b2c2c}
.pkg{margin:0;padding:0;list-style:none;min-width:220px}
.wide th.n{white-space:normal;vertical-align:bottom}
.wide td,.wide th{overflow-wrap:anywhere;hyphens:auto}
@media (min-width:1000px){.wide th,.wide td:first-child{overflow-wrap:normal}}
.wide td.n{white-space:normal}
.chart{margin:6px 0 10px;overflow-x:auto}
.chart text{font-size:12px;fill:#323f4b}
.chart text.axis{fill:#7b8794;font-size:11px}
.chart text.lab{font-size:12.5px}
.chart text.cell{font-size:12px;font-weight:600;fill:#1f2933}
.chart text.cell.light{fill:#fff}
.chart text.badge{font-size:11px;font-weight:700;fill:#1f2933}
.chart text.maptitle{font-size:13px;font-weight:700}
.maps{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:8px;align-items:start}
.legend{font-size:12.5px;color:var(--muted)}
.legend span{display:inline-block;width:12px;height:12px;border-radius:3px;margin:0 4px 0 10px;
vertical-align:-1px}
.roles{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.role{border:1px solid var(--line);border-radius:8px;padding:10px 12px;break-inside:avoid}
.role h4{margin:0 0 2px;font-size:15.5px}
.role .org{color:var(--muted);font-size:13px;margin-bottom:6px}
.role ul{margin:4px 0;padding-left:18px;font-size:13.5px}
.role .brief{font-style:italic;color:#3e4c59;font-size:13.5px;margin:6px 0 0}
.lesson{border-left:4px solid var(--accent);background:var(--soft);padding:8px 12px;margin:8px 0;
border-radius:0 6px 6px 0}
.lesson b{display:block}
footer{margin-top:36px;color:var(--muted);font-size:12.5px;border-top:1px solid var(--line);
padding-top:10px}
@media (max-width:700px){main{padding:16px}}
@media print{
body{background:#fff;font-size:11pt}main{box-shadow:none;max-width:none;padding:0}
nav.toc{display:none}h2{break-after:avoid}section.tafel{break-before:page}
section.tafel:first-of-type{break-before:auto}
table,.chart,.card,.lesson{break-inside:avoid}.wide{overflow:visible}
.matrix table{font-size:8.5pt}.matrix th.n{font-size:7.5pt}
@page{size:A4;margin:14mm}
}
"""
