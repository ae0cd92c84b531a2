// Critical CSS, inlined in every page so the first round trip paints it (no render-blocking
// stylesheet). Colours meet WCAG 2.2 AA on white: text #1f2328, accent #0b57d0, error #b3261e.
export const CRITICAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f4f6f8}
a{color:#0b57d0}
.top{background:#fff;border-bottom:1px solid #d0d7de}
.sandbox{margin:0;padding:.375rem 1rem;background:#ffe08a;color:#3d2a00;text-align:center;font-weight:600;font-size:.875rem}
.top div{max-width:40rem;margin:0 auto;padding:.75rem 1rem;font-weight:600}
main{max-width:40rem;margin:1rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.25rem}
h1{font-size:1.375rem;line-height:1.3;margin:0 0 .75rem}
h2{font-size:1.125rem;margin:1.25rem 0 .5rem}
p{margin:.5rem 0}
.steps{display:flex;gap:.25rem;list-style:none;padding:0;margin:0 0 1rem;font-size:.875rem;color:#57606a;flex-wrap:wrap}
.steps li{padding:.125rem .5rem;border-radius:99px;background:#eef1f4}
.steps li[aria-current=step]{background:#0b57d0;color:#fff}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin:0 0 .25rem}
.hint{display:block;font-size:.875rem;color:#57606a}
input[type=text],input[type=tel],input[type=email],input[type=date],input[type=file],select{display:block;width:100%;min-height:44px;padding:.5rem .75rem;font:inherit;color:inherit;background:#fff;border:1px solid #8c959f;border-radius:6px}
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
input[aria-invalid=true]{border-color:#b3261e;border-width:2px}
.error{color:#b3261e;font-size:.9375rem;margin:.25rem 0 0}
.alert{border-left:4px solid #b3261e;background:#fdf0ef;padding:.75rem 1rem;margin:0 0 1rem;border-radius:4px}
.notice{border-left:4px solid #0b57d0;background:#eef4fd;padding:.75rem 1rem;margin:0 0 1rem;border-radius:4px}
.success{border-left:4px solid #1a7f37;background:#eefbf1;padding:.75rem 1rem;margin:0 0 1rem;border-radius:4px}
.row{display:flex;gap:.5rem;align-items:flex-end}
.parts{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));align-items:start}.part{border:1px solid #d0d7de;border-radius:6px;padding:1rem}.part h2{margin-top:0}.badge{white-space:nowrap;font-size:.8125rem;font-weight:400;padding:0 .375rem;border-radius:4px;background:#eaeef2;color:#3b434b}.badge.ok{background:#dafbe1;color:#0a5c26}button.small{min-height:2.75rem;padding:.25rem .75rem}.part dl.pay-in{grid-template-columns:1fr;gap:0}.pay-in dd{display:flex;gap:.5rem;align-items:center;justify-content:space-between;margin-bottom:.5rem}.pay-in code{overflow-wrap:anywhere}.pay-in dd button{flex:none;white-space:nowrap}.by-phone{border-top:1px solid #d0d7de;margin-top:1rem}.by-phone h3{font-size:1rem;margin:.75rem 0 .25rem}
.row .grow{flex:1}
p.row{flex-wrap:wrap}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:.5rem 1.25rem;font:inherit;font-weight:600;border-radius:6px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#0b57d0}
button[disabled]{opacity:.6;cursor:not-allowed}
.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.check input{width:1.25rem;height:1.25rem;margin:.2rem 0 0;flex:none}
.prefill summary{display:flex;flex-wrap:wrap;align-items:center;gap:0 .75rem;min-height:44px;padding:.5rem .75rem;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer;list-style:none}
.prefill summary::-webkit-details-marker{display:none}.field .label{display:block;font-weight:600;margin:0 0 .25rem}.prefill-locked{display:flex;flex-wrap:wrap;align-items:center;gap:0 .75rem;min-height:44px;margin:0;padding:.5rem .75rem;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa}.prefill-locked .from{flex:1;font-size:.875rem;color:#57606a}fieldset{border:0;margin:0 0 1rem;padding:0}.role{padding:.75rem;border:1px solid #8c959f;border-radius:6px}.role .need{display:block;font-size:.875rem;color:#57606a}.role:has(:disabled){color:#57606a;cursor:not-allowed}button.link{min-height:44px;padding:0;border:0;background:none;color:#0b57d0;font-weight:400;text-decoration:underline}
.prefill .from{flex:1;font-size:.875rem;color:#57606a}
.prefill .change{color:#0b57d0;text-decoration:underline}
.prefill[open] summary{margin-bottom:.25rem}
summary:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.methods{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.methods button{width:100%;justify-content:flex-start;text-align:left;flex-direction:column;align-items:flex-start;background:#fff;color:#1f2328;border-color:#8c959f}
.methods .need{font-weight:400;font-size:.875rem;color:#57606a}
.banks{font-size:.875rem;color:#57606a}
dl.summary,dl.facts,.letter dl{display:grid;grid-template-columns:fit-content(50%) 1fr;gap:.25rem 1rem;margin:.5rem 0 1rem}
dl.summary dt,dl.facts dt,.letter dt{color:#57606a}
dl.summary dd,dl.facts dd,.letter dd{margin:0;overflow-wrap:anywhere}
.letter{border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:0 0 1rem;background:#fcfcfd}
.letter h2{margin:0 0 .75rem;text-align:center}
.letter p{text-indent:2em}
@media (max-width:30rem){.letter dl,dl.facts{grid-template-columns:1fr;gap:0}.letter dd,dl.facts dd{margin-bottom:.5rem}}
.steps li.done{background:#dff3e4;color:#1f2328}
textarea{display:block;width:100%;min-height:44px;padding:.5rem .75rem;font:inherit;border:1px solid #8c959f;border-radius:6px;margin:0 0 .5rem}
details[data-decline]{margin:1rem 0 0}
details[data-decline] summary{min-height:44px;display:flex;align-items:center;color:#0b57d0;cursor:pointer}
footer{max-width:40rem;margin:1rem auto 2rem;padding:0 1rem;font-size:.8125rem;color:#57606a}
.qr svg{display:block;width:264px;height:264px;max-width:100%}
.code{white-space:nowrap;font-family:ui-monospace,monospace}.notice .failure{display:block;margin-top:.5rem;color:#b3261e}main.wide{max-width:72rem}.staff-nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center;margin:0 0 .75rem}.staff-nav .hint{margin-left:auto}table.data{width:100%;border-collapse:collapse;font-size:.875rem}table.data th,table.data td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}table.data code{word-break:break-all}table.data caption{text-align:left;font-weight:600;margin:1.25rem 0 .25rem}.chart{display:block;width:100%;height:auto;margin:.5rem 0}.swatch{display:inline-block;width:.75rem;height:.75rem;margin-right:.25rem;border-radius:2px;vertical-align:-1px}code.link{display:block;word-break:break-all;font-size:.8125rem;background:#f6f8fa;padding:.5rem;border-radius:4px}
.age{display:inline-block;padding:0 .375rem;border-radius:4px}.age.amber{background:#ffe08a;color:#3d2a00}.age.red{background:#b3261e;color:#fff}.licence-image{display:block;max-width:100%;border:1px solid #d0d7de}.licence{margin-top:1.5rem}
.oval{position:relative;width:min(70vw,260px,28vh);aspect-ratio:3/4;margin:1rem auto .5rem;border-radius:50%;overflow:hidden;border:4px solid #0b57d0;background:#1f2328}
.oval.recording{border-color:#b3261e}
.oval video{width:100%;height:100%;object-fit:cover;transform:scaleX(-1)}
.count{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;font-size:5rem;font-weight:700;color:#fff;text-shadow:0 0 .5rem #000}
.rec{visibility:hidden;margin:0;text-align:center;font-weight:600;color:#b3261e}
.rec.on{visibility:visible}
.dot{display:inline-block;width:.75rem;height:.75rem;margin-right:.375rem;border-radius:50%;background:#b3261e}
.prompt{text-align:center;font-size:1.25rem;font-weight:600;min-height:2em}
.prompt.now{font-size:2rem}
.center{text-align:center}
button.wide{width:100%}
.card-guide{position:relative;width:100%;max-width:20rem;aspect-ratio:85.6/54;border:3px dashed #0b57d0;border-radius:10px;margin:.25rem 0 .5rem}
.card-guide span{position:absolute;top:18%;width:28%;height:64%;border:2px solid #57606a;border-radius:6px}
.card-guide.id_front span{right:7%}
.card-guide.id_back span{left:7%;width:20%;height:40%;border-radius:50%}
.photo{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:center;margin:.375rem 0 0}
.photo figure{margin:0;width:11rem}
.photo svg,.photo img{display:block;width:100%;aspect-ratio:85.6/54;border-radius:6px}
.photo img{object-fit:contain;background:#f6f8fa;border:1px solid #d0d7de}
.photo figcaption{font-size:.8125rem;line-height:1.4;color:#57606a;margin:.25rem 0 0;overflow-wrap:anywhere}
.photo>div{flex:1;min-width:12rem}
[hidden]{display:none!important}
.visually-hidden{position:absolute;width:1px;height:1px;min-width:0;min-height:0;padding:0;margin:-1px;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`.replace(/\n/g, "");
